#!/usr/bin/env bash
# Dedup decision and category read times at a small versus a large store, interleaved
# (FlatnessRatio, bench/README.md "Scale"): the ratio large/small per operation, median [min, max]
# over the rounds.
#   bench/flat.sh                       10k vs 1M, 15 rounds
#   LARGE=100000 ROUNDS=9 bench/flat.sh
#   LARGE_DAYS=6000 bench/flat.sh       the 1M stories over 6,000 days instead of 60: the same
#                                       stories per day as the 10k over 60, so rule 4's window
#                                       holds as many stories in both and only the size differs
set -euo pipefail
cd "$(dirname "$0")/.."
SMALL=${SMALL:-10000} LARGE=${LARGE:-1000000} ROUNDS=${ROUNDS:-15} LARGE_DAYS=${LARGE_DAYS:-60}
build=target-bench
if [[ -z "${SKIP_BUILD:-}" ]]; then
  mvn -B -q -Pbench -DbuildDir="$build" -DskipTests test-compile dependency:build-classpath \
    -Dmdep.outputFile="$build/bench.classpath"
fi
cp="$build/classes:$build/test-classes:$(cat "$build/bench.classpath")"
java -cp "$cp" vn.bantin.bench.StoryCorpus "$SMALL" "$LARGE/100/$LARGE_DAYS"
mkdir -p bench/results
result="bench/results/flat-$(date +%Y%m%d-%H%M%S).txt"
{
  echo "# bench/flat.sh $(date -u +%FT%TZ) on $(nproc) x $(lscpu | sed -n 's/^Model name: *//p')"
  echo "# small=$SMALL over 60 days, large=$LARGE over $LARGE_DAYS days, rounds=$ROUNDS"
  echo "# load before: $(uptime)"
  java -cp "$cp" vn.bantin.bench.FlatnessRatio "$SMALL" "$LARGE" "$ROUNDS" "$LARGE_DAYS" | grep -v '^round '
  echo "# load after: $(uptime)"
} | tee "$result"
echo "Result: $result"
