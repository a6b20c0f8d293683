#!/usr/bin/env bash
# Seeded mutation fuzz of every importer (issue 12): mutants of the specification's samples
# (and their copies in fixtures/hostile/reading/good) and of a small generated city, each checked by `zhubao validate`
# in a process of its own with a time limit; reports mutants tried, crashes, internal errors,
# hangs and peak memory, and keeps every finding under $OUT/findings/. Bounded by time.
#   bash scripts/fuzz.sh [SECONDS] [SEED]      (defaults: 180 s, seed 12; OUT=.build/fuzz)
# Exit 0 when nothing was found, 1 otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-180}"
seed="${2:-12}"
out="${OUT:-.build/fuzz}"
swift build -c release --product zhubao 2>&1 | grep -E 'error|Compiling|Build' | tail -3
zhubao="$(swift build -c release --show-bin-path)/zhubao"
mkdir -p "$out"
rm -rf "$out/city"
"$zhubao" generate city --borrowers 12 --from 2026-01-01 --to 2026-04-30 --faults 5% --seed "$seed" --out "$out/city" >/dev/null
corpus=("$out/city" fixtures/hostile/reading/good)
[ -d ../shared/spec/samples ] && corpus+=(../shared/spec/samples)
python3 scripts/fuzz.py --zhubao "$zhubao" --corpus "${corpus[@]}" --out "$out" --seed "$seed" --seconds "$seconds"
