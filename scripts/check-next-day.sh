#!/usr/bin/env bash
# Checks the next-day run (docs/engine-plan.md, Option B) against the whole city's computation
# over a generated city, day by day: two workspaces take the same files. The files of the days
# before the last DAYS days go in with one first run; then each day's files are delivered to both
# and both run for that day. "part" runs as an operator's cron does (it carries the state the run
# before left); "whole" has that state deleted before each run, so it computes the whole city.
# Each day's reports, outbox, recorded exceptions and the state left must be byte-identical, and
# "part" must have carried on every day but 1 January and the review date. The city's files end
# on 2026-12-31; UNTIL (default that day) goes on with runs and no files (a new year, the review
# date, the days a finding quotes D).
# PROFILE=tongling-2022 checks the other scheme (default ganzhou-2021).
# Usage: bash scripts/check-next-day.sh [BORROWERS] [DAYS] [WORKDIR] [UNTIL]   (defaults 50000, 31)
set -euo pipefail
cd "$(dirname "$0")/.."
borrowers="${1:-50000}"
days="${2:-31}"
work="${3:-$(mktemp -d /tmp/zhubao-check-next-day.XXXXXX)}"
mkdir -p "$work"
bash scripts/setup.sh
swift build -c release >/dev/null
zhubao="$PWD/.build/release/zhubao"
last=2026-12-31
until="${4:-$last}"
first=$(date -u -d "$last - $((days - 1)) days" +%F)

rm -rf "$work/gen" "$work/held" "$work/part" "$work/whole"
profile="${PROFILE:-ganzhou-2021}"
"$zhubao" generate city --profile "$profile" --borrowers "$borrowers" --from 2025-01-01 --to "$last" --faults 0.01 --out "$work/gen" >/dev/null 2>&1
"$zhubao" init --root "$work/part" --profile "$profile" >/dev/null
mkdir -p "$work/held"
# SENDER_KIND_REGION_YYYYMMDD_SEQ.ext: held back by date; a name that does not parse goes in first.
for f in "$work/gen"/*; do
  name=$(basename "$f")
  [[ "$name" == faults.json ]] && continue
  date=$(cut -d_ -f4 <<<"$name")
  if [[ "$date" =~ ^[0-9]{8}$ && "${date:0:4}-${date:4:2}-${date:6:2}" > "$(date -u -d "$first - 1 day" +%F)" ]]; then
    mkdir -p "$work/held/$date" && mv "$f" "$work/held/$date/"
  else
    mv "$f" "$work/part/inbox/"
  fi
done
"$zhubao" run --root "$work/part" --as-of "$(date -u -d "$first - 1 day" +%F)" >/dev/null 2>&1 || true
cp -a "$work/part" "$work/whole"

rows() { # workspace, SQL: the rows, one a line, as Python's sqlite3 gives them
  python3 -c 'import sqlite3, sys
for row in sqlite3.connect(sys.argv[1]).execute(sys.argv[2]): print(row)' "$1/state/zhubao.sqlite" "$2"
}
forget() { # the carried state of a workspace
  python3 -c 'import sqlite3, sys
db = sqlite3.connect(sys.argv[1]); db.execute("DELETE FROM engineState"); db.execute("DELETE FROM engineLoan"); db.commit()' \
    "$1/state/zhubao.sqlite"
}

failed=0 carried=0 runs=0 day="$first"
while [[ "$day" < "$until" || "$day" == "$until" ]]; do
  compact=${day//-/}
  for ws in part whole; do
    [[ -d "$work/held/$compact" ]] && cp "$work/held/$compact"/* "$work/$ws/inbox/"
  done
  forget "$work/whole"
  "$zhubao" run --root "$work/part" --as-of "$day" >/dev/null 2>"$work/part.log" || true
  "$zhubao" run --root "$work/whole" --as-of "$day" >/dev/null 2>"$work/whole.log" || true
  grep -q "the run reads part of the city" "$work/part.log" && carried=$((carried + 1)) && how=carried \
    || how="whole ($(grep -o 'why=[^[]*' "$work/part.log" | head -1))"
  same=yes
  diff -r "$work/part/out/daily/$day" "$work/whole/out/daily/$day" >/dev/null || same="no: out/daily"
  diff -r "$work/part/outbox" "$work/whole/outbox" >/dev/null || same="no: outbox"
  for sql in "SELECT * FROM dailyException WHERE asOf = '$day' ORDER BY key" \
             "SELECT asOf, lastFileId, lastClaimRunId, totals, banks FROM engineState" \
             "SELECT * FROM engineLoan ORDER BY loanNo"; do
    [[ "$(rows "$work/part" "$sql" | md5sum)" == "$(rows "$work/whole" "$sql" | md5sum)" ]] || same="no: $sql"
  done
  [[ "$same" == yes ]] || failed=$((failed + 1))
  runs=$((runs + 1))
  echo "$day  files: $(ls "$work/held/$compact" 2>/dev/null | wc -l)  part: $how  equal: $same"
  day=$(date -u -d "$day + 1 day" +%F)
done
echo "$runs days, $carried carried, $failed different (work folder: $work)"
((failed == 0))
