#!/usr/bin/env bash
# Two or more builds of bantin through bench/poll.sh, run after run, the order of the builds
# turning each round (A B, B A, A B ...) so that no build always gets the first or the quieter
# slot; then one table per figure: each run's median, per build, in the order run
# (bench/README.md, "Comparing builds").
#
#   JARS="/tmp/before.jar /tmp/after.jar" RUNS=3 FEEDS=200 MODES=cycle CHANGED_PAIRS=3 \
#     bench/poll-ab.sh                   any poll.sh setting passes through (SKIP_BUILD is set)
#
# JARS: bench jars (target-bench/bantin.jar of each build, copied aside). The bench classes of
# this checkout drive every run. Writes bench/results/poll-ab-<date>.md.
set -euo pipefail
cd "$(dirname "$0")/.."
read -r -a jars <<< "${JARS:?JARS=\"a.jar b.jar\" is required}"
((${#jars[@]} >= 2)) || { echo "JARS needs two builds or more" >&2; exit 1; }
runs=${RUNS:-3}
stamp=$(date +%Y%m%d-%H%M%S)
out="bench/results/poll-ab-$stamp.md"
mkdir -p bench/results
files=()
for ((r = 0; r < runs; r++)); do
  for ((i = 0; i < ${#jars[@]}; i++)); do
    # Round r starts with build r mod n.
    jar=${jars[$(((r + i) % ${#jars[@]}))]}
    echo "== run $((r + 1))/$runs: $jar" >&2
    log=$(SKIP_BUILD=1 JAR="$jar" bench/poll.sh 2>&1 | tee /dev/stderr | sed -n 's/^Result: //p')
    files+=("$jar=$log")
  done
done
python3 bench/poll_ab_report.py "${files[@]}" | tee "$out"
echo "Result: $out"
