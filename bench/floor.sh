#!/usr/bin/env bash
# The SQLite floor of the store's schema against bantin's store writer (bench/README.md, "Store
# floor"): one changed cycle of bench/poll.sh (200 sources x 50 new entries) written into copies
# of a store holding the previous one, by SqliteStore.ingest and by bare prepared statements
# (all rows; without the 16 band rows; without the category rows; all rows with
# synchronous=OFF and no checkpoint), the floors committing the groups bantin committed, in
# rotating order, repeated. Writes bench/results/floor-<date>.md.
#
#   bench/floor.sh                     5 repetitions (~2 min on 2 idle cores)
#   REPS=9 IN_FLIGHT=4 FEEDS=200 ITEMS=50 bench/floor.sh
#   GROUP=3 bench/floor.sh             the floors commit 3 polls per transaction instead
#   KINDS=bantin,all bench/floor.sh    only some kinds ("all" is the ratios' denominator)
#   SKIP_BUILD=1 BUILD_DIR=target-bench ...   reuse a build
#   SKIP_BUILD=1 JAR=/tmp/main/bantin.jar bench/floor.sh   bantin's side from another build
#   PROFILE=1 bench/floor.sh           JFR of the whole run in results/
set -euo pipefail
cd "$(dirname "$0")/.."

build=${BUILD_DIR:-target-bench}
if [[ -z "${SKIP_BUILD:-}" ]]; then
  mvn -B -q -Pbench -DbuildDir="$build" -DskipTests test-compile dependency:build-classpath \
    -Dmdep.outputFile="$build/bench.classpath"
fi
# JAR=<another build's bantin.jar>: bantin's side runs that build's store (the floor is the same).
cp="${JAR:-$build/classes}:$build/test-classes:$(cat "$build/bench.classpath")"

work=$(mktemp -d /tmp/bantin-floor.XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir -p bench/results
stamp=$(date +%Y%m%d-%H%M%S)
result="bench/results/floor-$stamp.md"
jfr=()
[[ -n "${PROFILE:-}" ]] && jfr=("-XX:StartFlightRecording=settings=profile,filename=$PWD/bench/results/floor-$stamp.jfr")
{
  echo "# Store floor, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "command: ${JAR:+JAR=$JAR }${REPS:+REPS=$REPS }${GROUP:+GROUP=$GROUP }${IN_FLIGHT:+IN_FLIGHT=$IN_FLIGHT }${FEEDS:+FEEDS=$FEEDS }${KINDS:+KINDS=$KINDS }bench/floor.sh"
  echo "machine: $(nproc) cores, $(lscpu | grep 'Model name' | cut -d: -f2- | sed 's/^ *//')"
  echo "commit: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo ' (modified)')"
  echo
} >"$work/head.md"
java -Xmx1g ${jfr[@]+"${jfr[@]}"} -cp "$cp" vn.bantin.bench.FloorBench "work=$work" \
  "result=$work/body.md" "feeds=${FEEDS:-200}" "items=${ITEMS:-50}" "reps=${REPS:-5}" \
  "group=${GROUP:-bantin}" "in-flight=${IN_FLIGHT:-4}" \
  "kinds=${KINDS:-bantin,all,no-bands,no-categories,no-sync}"
cat "$work/head.md" "$work/body.md" >"$result"
cat "$result"
echo "Result: $result"
