#!/usr/bin/env bash
# `pmf ingest` of a generated return against ExcelDataReader alone on the same file, paired in one run:
# each round runs raw, then the CLI's ingest into a fresh warehouse (catalogue loaded untimed), then the
# bench's own load of the same file. Prints one line a round; take the medians.
# Usage: bench/cli-ingest.sh [rows=200000] [months=200] [rounds=3] [work folder]
# Needs: dotnet build -c Release bench/Pmf.Bench src/Pmf.Cli
set -eu
ROWS=${1:-200000} MONTHS=${2:-200} ROUNDS=${3:-3}
W=${4:-/tmp/pmf-cli-bench}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
B="dotnet $ROOT/bench/Pmf.Bench/bin/Release/net10.0/Pmf.Bench.dll"
PMF="dotnet $ROOT/src/Pmf.Cli/bin/Release/net10.0/pmf.dll"
mkdir -p "$W"
read -r CATALOGUE INPUT < <($B files "$ROWS" xlsx "$W" "$MONTHS")
for round in $(seq 1 "$ROUNDS"); do
  raw=$($B raw "$ROWS" xlsx "$W" "$MONTHS" | sed -n 's/.*seconds= *\([0-9.]*\).*cpuSeconds(process)= *\([0-9.]*\).*/wall \1 cpu \2/p')
  run="$W/cli-$round"; rm -rf "$run"; mkdir -p "$run/BEN"
  export Pmf__Storage__Kind=local Pmf__Storage__LocalRoot="$run/storage"
  export Pmf__Warehouse__Provider=sqlite Pmf__Warehouse__ConnectionString="Data Source=$run/warehouse.db"
  export Pmf__Alerts__OutboxFolder="$run/outbox"   # the sender's report mailed, kept with the round
  $PMF catalogue load "$CATALOGUE" > "$run/catalogue.log" 2>&1
  cp "$INPUT" "$run/BEN/"
  # Wall and CPU seconds of the whole process (start-up, settings, migration check, drop, ingest).
  cli=$( { TIMEFORMAT='%R %U %S'; time $PMF ingest "$run/BEN/$(basename "$INPUT")" --service BEN > "$run/ingest.log" 2>&1; } 2>&1 )
  grep -q Accepted "$run/ingest.log" || { echo "pmf ingest did not accept the return, see $run/ingest.log"; exit 2; }
  load=$($B load "$ROWS" xlsx "$W" "$MONTHS")
  echo "round $round: raw ${raw}s | pmf ingest wall/user/sys ${cli// //} s | bench load $(echo "$load" | sed -n 's/.*seconds= *\([0-9.]*\).*cpuSeconds(process)= *\([0-9.]*\).*/wall \1 cpu \2/p') s | load $(uptime | sed 's/.*average: //')"
  rm -rf "$run/storage/processed"
done
