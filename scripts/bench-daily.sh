#!/usr/bin/env bash
# Daily-job benchmark (issues 4 and 14): a generated city (50,000 borrowers by default, their
# hardship snapshots, YEARS years of daily files ending 2026-12-31; issue 14 measures two), then
#   1. `zhubao run` taking the whole inbox at once but the last day's files (held back) and
#      reconciling as of the day before (the whole city: no run before it),
#   2. `zhubao run` for the next day, 2026-12-31, its files arriving: the steady daily cost (the
#      run computes the part of the city that can have changed and carries the rest),
#   3. `zhubao run` for 2027-01-01 with an empty inbox (a new year: the whole city again), then
#      for 2027-01-02 (an ordinary next day, nothing arriving),
#   4. `zhubao rerun --every-date` for 30 dates, then for the 365 dates of 2026 (rerun skips
#      dates without a run unless told; --every-date makes it compute them all).
# Prints seconds and peak RSS. Usage: bash scripts/bench-daily.sh [BORROWERS] [WORKDIR] [YEARS]
# RERUN=no skips step 4 (a province: `RERUN=no bash scripts/bench-daily.sh 1000000 /tmp/p 1`).
set -euo pipefail
cd "$(dirname "$0")/.."
borrowers="${1:-50000}"
work="${2:-$(mktemp -d /tmp/zhubao-bench-daily.XXXXXX)}"
years="${3:-2}"
first=$((2027 - years))
mkdir -p "$work"
bash scripts/setup.sh
swift build -c release >/dev/null
zhubao="$PWD/.build/release/zhubao"

measure() {
  local label="$1"; shift
  local log; log=$(mktemp)
  /usr/bin/time -f "%e %M %U %S" -o "$log" "$@" >/dev/null 2>>"$work/bench.stderr" || true
  read -r secs kb user sys < <(tail -n 1 "$log")
  # Wall time, peak RSS, and CPU (user + sys): on a shared machine CPU is the steadier figure.
  printf '%-44s %8.2f s %8d MB %8.2f s CPU\n' "$label" "$secs" $((kb / 1024)) "$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')"
  rm -f "$log"
}

# A previous run's folders are moved aside and deleted at the end, not before: on ext4 without a
# journal (this project's machine) an inode freed in the last 60 s (6 minutes while its block is
# not yet written back) is skipped, block by block, by every file created after it, so deleting
# 16,000 files just before the intake made its staged copies cost seconds of kernel time
# (docs/benchmarks.md, "Session 13" and "Session 14"). Leave 6 minutes between two runs.
old="$work/old.$$"
mkdir -p "$old"
for folder in ws gen held; do if [[ -e "$work/$folder" ]]; then mv "$work/$folder" "$old/"; fi; done
trap 'rm -rf "$old"' EXIT
measure "generate $borrowers borrowers, $first-2026" "$zhubao" generate city --borrowers "$borrowers" \
  --from "$first-01-01" --to 2026-12-31 --faults 0.01 --out "$work/gen"
"$zhubao" init --root "$work/ws" >/dev/null
mkdir -p "$work/held"
find "$work/gen" -maxdepth 1 -type f -name '*_20261231_*' -exec mv {} "$work/held/" \;
find "$work/gen" -maxdepth 1 -type f ! -name faults.json -exec mv {} "$work/ws/inbox/" \;
echo "files: $(ls "$work/ws/inbox" | wc -l) + $(ls "$work/held" | wc -l) held back, $(du -sh "$work/ws/inbox" | cut -f1)"
measure "run: import $years year(s) + reconcile 2026-12-30" "$zhubao" run --root "$work/ws" --as-of 2026-12-30
find "$work/held" -maxdepth 1 -type f -exec mv {} "$work/ws/inbox/" \;
measure "run: next day, its files (2026-12-31)" "$zhubao" run --root "$work/ws" --as-of 2026-12-31
measure "run: new year, empty inbox (2027-01-01)" "$zhubao" run --root "$work/ws" --as-of 2027-01-01
measure "run: next day, empty inbox (2027-01-02)" "$zhubao" run --root "$work/ws" --as-of 2027-01-02
[[ "${RERUN:-yes}" == no ]] && { echo "(work folder: $work)"; exit 0; }
measure "rerun: 30 dates (2026-12-02 … 2026-12-31)" "$zhubao" rerun --root "$work/ws" --from 2026-12-02 --to 2026-12-31 --every-date
measure "rerun: 365 dates (2026-01-01 … 2026-12-31)" "$zhubao" rerun --root "$work/ws" --from 2026-01-01 --to 2026-12-31 --every-date
echo "(work folder: $work)"
