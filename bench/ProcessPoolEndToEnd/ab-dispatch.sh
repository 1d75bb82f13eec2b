#!/usr/bin/env bash
# No-op dispatch of two builds side by side: a baseline commit (git archive into a temp dir) and this work tree, each
# built Release, then run alternately (ProcessPoolEndToEnd --dispatch: XMap ns/item with default chunking and XSubmit
# µs/future with 2,000 in flight, medians of 7), the order flipped every round, with the load average of each run.
#
#     bench/ProcessPoolEndToEnd/ab-dispatch.sh <baseline-commit> [rounds=6]
set -euo pipefail
cd "$(dirname "$0")/../.."
base_commit=${1:?usage: ab-dispatch.sh <baseline-commit> [rounds]}
rounds=${2:-6}
base=$(mktemp -d /tmp/pg-ab-XXXXXX)
trap 'rm -rf "$base"' EXIT
git archive "$base_commit" | tar -x -C "$base"
cp bench/ProcessPoolEndToEnd/Program.cs "$base/bench/ProcessPoolEndToEnd/Program.cs" # the --dispatch mode, if the baseline lacks it
timeout 1200 dotnet build -c Release "$base/bench/ProcessPoolEndToEnd" >/dev/null
timeout 1200 dotnet build -c Release bench/ProcessPoolEndToEnd >/dev/null
dll=bin/Release/net10.0/ProcessPoolEndToEnd.dll
for round in $(seq 1 "$rounds"); do
  order="base head"; [ $((round % 2)) -eq 0 ] && order="head base"
  for side in $order; do
    dir=bench/ProcessPoolEndToEnd; [ "$side" = base ] && dir="$base/bench/ProcessPoolEndToEnd"
    echo "$side round $round load $(cut -d' ' -f1 /proc/loadavg) $(timeout 300 dotnet "$dir/$dll" --dispatch 2>/dev/null)"
  done
done
