#!/usr/bin/env bash
# Daily-job benchmark (issues 4 and 14): a generated city (50,000 borrowers by default, their
# hardship snapshots, YEARS years of daily files ending 2026-12-31; issue 14 measures two), then
#   1. `zhubao run` taking the whole inbox at once and reconciling as of the last day,
#   2. `zhubao run` for the next day with an empty inbox (the steady daily cost),
#   3. `zhubao rerun --every-date` for 30 dates (rerun skips dates without a run unless told:
#      only the last day had one here, so --every-date makes it compute all 30, as before).
# Prints seconds and peak RSS. Usage: bash scripts/bench-daily.sh [BORROWERS] [WORKDIR] [YEARS]
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

rm -rf "$work/ws" "$work/gen"
measure "generate $borrowers borrowers, $first-2026" "$zhubao" generate city --borrowers "$borrowers" \
  --from "$first-01-01" --to 2026-12-31 --faults 0.01 --out "$work/gen"
"$zhubao" init --root "$work/ws" >/dev/null
find "$work/gen" -maxdepth 1 -type f ! -name faults.json -exec mv {} "$work/ws/inbox/" \;
echo "files: $(ls "$work/ws/inbox" | wc -l), $(du -sh "$work/ws/inbox" | cut -f1)"
measure "run: import $years year(s) + reconcile 2026-12-31" "$zhubao" run --root "$work/ws" --as-of 2026-12-31
measure "run: next day, empty inbox (2027-01-01)" "$zhubao" run --root "$work/ws" --as-of 2027-01-01
measure "rerun: 30 dates (2026-12-02 … 2026-12-31)" "$zhubao" rerun --root "$work/ws" --from 2026-12-02 --to 2026-12-31 --every-date
echo "(work folder: $work)"
