#!/usr/bin/env bash
# Dedup decision and category read times at a small versus a large store, interleaved
# (FlatnessRatio, bench/README.md "Scale"): the ratio large/small per operation, median [min, max]
# over the rounds.
#   bench/flat.sh                       10k vs 1M, 15 rounds
#   LARGE=100000 ROUNDS=9 bench/flat.sh
set -euo pipefail
cd "$(dirname "$0")/.."
SMALL=${SMALL:-10000} LARGE=${LARGE:-1000000} ROUNDS=${ROUNDS:-15}
build=target-bench
if [[ -z "${SKIP_BUILD:-}" ]]; then
  mvn -B -q -Pbench -DbuildDir="$build" -DskipTests test-compile dependency:build-classpath \
    -Dmdep.outputFile="$build/bench.classpath"
fi
cp="$build/classes:$build/test-classes:$(cat "$build/bench.classpath")"
java -cp "$cp" vn.bantin.bench.StoryCorpus "$SMALL" "$LARGE"
mkdir -p bench/results
result="bench/results/flat-$(date +%Y%m%d-%H%M%S).txt"
{
  echo "# bench/flat.sh $(date -u +%FT%TZ) on $(nproc) x $(lscpu | sed -n 's/^Model name: *//p')"
  echo "# small=$SMALL large=$LARGE rounds=$ROUNDS"
  echo "# load before: $(uptime)"
  java -cp "$cp" vn.bantin.bench.FlatnessRatio "$SMALL" "$LARGE" "$ROUNDS" | grep -v '^round '
  echo "# load after: $(uptime)"
} | tee "$result"
echo "Result: $result"
