#!/usr/bin/env bash
# Warehouse size after the same CSV of N unknown indicators is dropped three times (issue 16 item 6:
# 0.6 -> 253 -> 506 -> 759 MB at a million rows before the fix).
# Usage: bench/garbage-drops.sh [rows=1000000] [work folder]
set -eu
ROWS=${1:-1000000}
W=${2:-$(mktemp -d /tmp/pmf-garbage.XXXXXX)}
mkdir -p "$W"
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PMF="dotnet $ROOT/src/Pmf.Cli/bin/Debug/net10.0/pmf.dll"
DB="$W/warehouse.db"
export Pmf__Storage__Kind=local Pmf__Storage__LocalRoot="$W/storage"
export Pmf__Warehouse__Provider=sqlite Pmf__Warehouse__ConnectionString="Data Source=$DB"
$PMF demo --out "$W/demo" > "$W/demo.log" 2>&1
cp "$W/demo/warehouse.db" "$DB"
mkdir -p "$W/in"
{ echo "Indicator,Period,Value"; seq 1 "$ROWS" | awk '{print "NOPE-" $1 ",2026/27 Q1," $1}'; } > "$W/in/garbage.csv"
sqlite3 "$DB" "PRAGMA wal_checkpoint(TRUNCATE);" > /dev/null
sizes="$(du -k "$DB" | cut -f1)"
for i in 1 2 3; do
  cp "$W/in/garbage.csv" "$W/in/garbage-$i.csv"
  $PMF ingest "$W/in/garbage-$i.csv" --service HOU > "$W/ingest-$i.log" 2>&1 || true
  sqlite3 "$DB" "PRAGMA wal_checkpoint(TRUNCATE);" > /dev/null
  sizes="$sizes -> $(du -k "$DB" | cut -f1)"
done
echo "garbage rows=$ROWS csv_mb=$(( $(stat -c %s "$W/in/garbage.csv") / 1048576 )) warehouse_kb: $sizes dq_issue=$(sqlite3 "$DB" 'SELECT COUNT(*) FROM dq_issue') verdicts=$(sqlite3 "$DB" "SELECT group_concat(verdict, ',') FROM (SELECT verdict FROM submission WHERE file_name LIKE 'garbage-%' ORDER BY submission_id)")"
