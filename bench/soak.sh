#!/usr/bin/env bash
# Soak: `pmf ingest` killed with SIGKILL at random points, over and over, then run to the end; the
# warehouse and the store must show no half submission, no lost file and no report left unsent.
# Usage: bench/soak.sh [seconds=180] [work folder]
# Needs: a built CLI (dotnet build src/Pmf.Cli), sqlite3. Prints one line of figures at the end.
set -u
SECONDS_TO_RUN=${1:-180}
W=${2:-$(mktemp -d /tmp/pmf-soak.XXXXXX)}
mkdir -p "$W"
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PMF="dotnet $ROOT/src/Pmf.Cli/bin/Debug/net10.0/pmf.dll"
DB="$W/demo/warehouse.db"
export Pmf__Storage__Kind=local Pmf__Storage__LocalRoot="$W/demo/storage"
export Pmf__Warehouse__Provider=sqlite Pmf__Warehouse__ConnectionString="Data Source=$DB"

$PMF demo --out "$W/demo" > "$W/demo.log" 2>&1 || { echo "pmf demo failed, see $W/demo.log"; exit 2; }
# The demo's own returns, as they were received, are the material: the same bytes again (duplicates),
# a CSV changed by a byte (a full load that supersedes), and unknown indicators (a rejection, issues capped).
mapfile -t ORIGINALS < <(find "$W/demo/storage/processed" -type f ! -name '*.report.*' ! -name '*.meta.json' | sort)
: > "$W/dropped.txt"
drop() { # service, name, source file or '-' for stdin
  local to="$W/demo/storage/returns/$1/$2"
  mkdir -p "$(dirname "$to")"
  if [ "$3" = - ]; then cat > "$to.tmp"; else cp "$3" "$to.tmp"; fi
  mv "$to.tmp" "$to"
  echo "$1/$2" >> "$W/dropped.txt"
}

kills=0 rounds=0 end=$((SECONDS + SECONDS_TO_RUN))
while [ $SECONDS -lt $end ]; do
  rounds=$((rounds + 1))
  for f in "${ORIGINALS[@]:0:4}"; do
    svc=$(basename "$(dirname "$f")"); name=$(basename "$f"); name=${name#*_}
    drop "$svc" "r$rounds $name" "$f"
  done
  csv=$(printf '%s\n' "${ORIGINALS[@]}" | grep '\.csv$' | head -1)
  if [ -n "$csv" ]; then
    svc=$(basename "$(dirname "$csv")")
    { cat "$csv"; printf '\n'; seq 1 "$rounds" | tr -d '0-9\n'; } | drop "$svc" "r$rounds changed.csv" -
  fi
  { echo "Indicator,Period,Value"; seq 1 3000 | awk -v r=$rounds '{print "NOPE-" r "-" $1 ",2026/27 Q1," $1}'; } | drop HOU "r$rounds garbage.csv" -

  $PMF ingest > /dev/null 2>&1 &
  pid=$!
  sleep "$(awk -v s=$RANDOM 'BEGIN { printf "%.2f", 0.3 + (s % 300) / 100 }')"
  if kill -9 "$pid" 2> /dev/null; then kills=$((kills + 1)); fi
  wait "$pid" 2> /dev/null
done

$PMF ingest > "$W/final-ingest.log" 2>&1
$PMF sweep --outbox "$W/outbox" > "$W/sweep.log" 2>&1

waiting=$(find "$W/demo/storage/returns" -type f ! -name '*.partial' | wc -l)
lost=0
while read -r d; do
  base=${d#*/}
  if ! find "$W/demo/storage/processed" "$W/demo/storage/rejected" -type f -name "*_$base" ! -name '*.report.*' ! -name '*.meta.json' | grep -q .; then
    lost=$((lost + 1)); echo "lost: $d"
  fi
done < "$W/dropped.txt"
half=$(sqlite3 "$DB" "SELECT COUNT(*) FROM submission s WHERE s.verdict = 'Loading'
  OR (s.verdict IN ('Accepted','AcceptedWithWarnings') AND s.rows_loaded <> (SELECT COUNT(*) FROM fact_result r WHERE r.submission_id = s.submission_id))
  OR (SELECT COUNT(*) FROM dq_issue q WHERE q.submission_id = s.submission_id) <> MIN(s.warnings + s.errors, 1000)")
unowed=$(sqlite3 "$DB" "SELECT COUNT(*) FROM submission s WHERE s.source_kind = 'Return' AND NOT EXISTS (SELECT 1 FROM sender_feedback f WHERE f.submission_id = s.submission_id)")
unsent=$(sqlite3 "$DB" "SELECT COUNT(*) FROM sender_feedback WHERE sent_at IS NULL")
subs=$(sqlite3 "$DB" "SELECT COUNT(*) FROM submission")
echo "soak seconds=$SECONDS_TO_RUN rounds=$rounds kills=$kills dropped=$(wc -l < "$W/dropped.txt") submissions=$subs still_waiting=$waiting half_submissions=$half files_lost=$lost reports_not_owed=$unowed reports_not_delivered=$unsent warehouse_mb=$(du -m "$DB" | cut -f1) work=$W"
