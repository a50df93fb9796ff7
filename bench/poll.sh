#!/usr/bin/env bash
# Poll-cycle and serving-under-polling benchmarks (bench/README.md, "Poll cycle"): bantin's jar
# polls 1,000 feeds of 50 entries from a loopback upstream of the benchmark's own, interleaved
# with a reference Vert.x client fetching the same URLs under the same limits; then wrk on a
# cached category feed alone and during a changed cycle. Writes bench/results/poll-<date>.md.
#
#   bench/poll.sh                      both: 5 unchanged pairs, 2 changed, 2 serving pairs
#                                      (~10 min on 2 idle cores; a changed cycle of 1,000 sources
#                                      is 50,000 new entries, bound by the store's one writer)
#   MODES=cycle bench/poll.sh          only the poll cycles (MODES=serve: only serving)
#   FEEDS=200 PAIRS=5 CHANGED_PAIRS=3 SERVE_PAIRS=3 bench/poll.sh   (smaller changed cycles)
#   GZIP=1 bench/poll.sh               the upstream sends gzip (bantin inflates on a worker)
#   PROFILE=1 bench/poll.sh            JFR of bantin over the measured cycle pairs, in results/
#   PROFILE_UNCHANGED=200 bench/poll.sh   then JFR of 200 unchanged cycles of bantin and of the
#                                      reference (this JVM), back to back, in results/
#   WAL_SNAPSHOT=3 bench/poll.sh       after bantin's third changed cycle, copy its database and WAL
#                                      and report what its commits wrote, by table and index
#                                      (WalPages; needs CHANGED_PAIRS and PAIRS >= 3)
#   PROFILE_SAMPLE=1ms ...             with the JDK's profile settings but one execution sample
#                                      per thread every 1 ms instead of 10 (cycles are short)
#                                      (PROFILE_UNCHANGED also reports the bytes each thread
#                                      allocated per cycle: a figure the machine's load does not move)
#   SKIP_BUILD=1 BANTIN_JAVA_OPTS=... bench/poll.sh
#   JAR=/tmp/old/bantin.jar bench/poll.sh   measure another build of bantin
#   BUILD_DIR=target-bench2 ...        build directory of the bench classes (default target-bench)
#   WARM_UP=60                         most warm-up rounds (until both JIT compilers settle)
#   CHANGED_WARM_UP=8                  most changed warm-up cycles (until bantin's JIT settles)
#   SERVE_WARM_UP=6                    most serving warm-up pairs (until bantin's JIT settles under wrk)
#   FEEDS=200 ITEMS=50 HOSTS=8 CONCURRENCY=16 PER_HOST=2 SERVE_SECONDS=8 WRK_CONNECTIONS=16
#
# Everything listens on loopback (127.0.0.1 .. 127.0.0.HOSTS); every process started here is
# stopped on exit or interrupt. Needs java 17, mvn, wrk.
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in java mvn wrk jcmd timeout; do
  command -v "$tool" >/dev/null || { echo "missing: $tool (Debian: apt-get install -y wrk)" >&2; exit 1; }
done

build=${BUILD_DIR:-target-bench}
if [[ -z "${SKIP_BUILD:-}" ]]; then
  echo "== build"
  mvn -B -q -Pbench -DbuildDir="$build" -DskipTests package dependency:build-classpath \
    -Dmdep.outputFile="$build/bench.classpath" -Dmdep.includeScope=test
fi
cp="$build/classes:$build/test-classes:$(cat "$build/bench.classpath")"

work=$(mktemp -d /tmp/bantin-poll.XXXXXX)
driver=
cleanup() {
  if [[ -n "$driver" ]]; then
    kill "$driver" 2>/dev/null || true
    wait "$driver" 2>/dev/null || true
  fi
  # The driver stops bantin itself; this is for when the driver could not.
  if [[ -f "$work/bantin.pid" ]]; then
    kill "$(cat "$work/bantin.pid")" 2>/dev/null || true
  fi
  if [[ -n "${KEEP:-}" ]]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p bench/results
stamp=$(date +%Y%m%d-%H%M%S)
result="bench/results/poll-$stamp.md"
profile=()
# The JDK's profile settings, or a copy of them with execution samples every PROFILE_SAMPLE.
jfr_settings() {
  if [[ -z "${PROFILE_SAMPLE:-}" ]]; then echo profile; return; fi
  local jdk; jdk=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
  sed "s|method-sampling-java-interval\">[^<]*<|method-sampling-java-interval\">$PROFILE_SAMPLE<|" \
    "$jdk/lib/jfr/profile.jfc" >"$work/sampled.jfc"
  echo "$work/sampled.jfc"
}
[[ -n "${PROFILE:-}" ]] && profile=("profile=$PWD/bench/results/poll-$stamp.jfr")
[[ -n "${WAL_SNAPSHOT:-}" ]] && profile+=("wal-snapshot=$WAL_SNAPSHOT" "wal-to=$work/store")
[[ -n "${PROFILE_UNCHANGED:-}" ]] && profile+=("profile-unchanged=$PROFILE_UNCHANGED" \
  "profile-prefix=$PWD/bench/results/poll-$stamp-unchanged" \
  "profile-settings=$(jfr_settings)")
{
  echo "# Poll benchmarks, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "command: ${JAR:+JAR=$JAR }${MODES:+MODES=$MODES }${FEEDS:+FEEDS=$FEEDS }${PAIRS:+PAIRS=$PAIRS }${CHANGED_PAIRS:+CHANGED_PAIRS=$CHANGED_PAIRS }${SERVE_PAIRS:+SERVE_PAIRS=$SERVE_PAIRS }${SERVE_WARM_UP:+SERVE_WARM_UP=$SERVE_WARM_UP }${GZIP:+GZIP=1 }bench/poll.sh"
  echo "machine: $(nproc) cores, $(lscpu | grep 'Model name' | cut -d: -f2- | sed 's/^ *//'), $(free -g | awk '/Mem:/{print $2}') GiB"
  echo "software: $(java -version 2>&1 | head -1), $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
  echo "commit: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo ' (modified)')"
  echo
} >"$work/head.md"

# The driver bounds every step itself (refresh 10 min, wrk duration + 60 s); this bounds it all.
timeout --signal=TERM "${TIMEOUT:-1800}" java -Xmx1g -cp "$cp" vn.bantin.bench.PollBench \
  "work=$work" "jar=${JAR:-$build/bantin.jar}" "result=$work/body.md" \
  "feeds=${FEEDS:-1000}" "items=${ITEMS:-50}" "hosts=${HOSTS:-8}" \
  "concurrency=${CONCURRENCY:-16}" "per-host=${PER_HOST:-2}" "pairs=${PAIRS:-5}" \
  "changed-pairs=${CHANGED_PAIRS:-2}" "warm-up=${WARM_UP:-60}" \
  "changed-warm-up=${CHANGED_WARM_UP:-8}" \
  "modes=${MODES:-cycle,serve}" "gzip=$([[ -n "${GZIP:-}" ]] && echo true || echo false)" \
  "serve-pairs=${SERVE_PAIRS:-2}" "serve-warm-up=${SERVE_WARM_UP:-6}" \
  "serve-seconds=${SERVE_SECONDS:-0}" \
  "wrk-connections=${WRK_CONNECTIONS:-16}" "bantin-opts=${BANTIN_JAVA_OPTS:-}" \
  ${profile[@]+"${profile[@]}"} &
driver=$!
wait "$driver" || { echo "the benchmark failed; bantin's log:" >&2; tail -30 "$work/bantin.log" >&2; exit 1; }
driver=
# Bytes each thread allocated per profiled cycle, from the JFR's per-thread allocation counters
# (cumulative; the first and last reading bound the recording). Threads of the reference and the
# upstream share names in the bench JVM, hence the thread ids.
alloc_per_cycle() {
  jfr print --json --events jdk.ThreadAllocationStatistics "$1" | python3 -c '
import json, sys
cycles = int(sys.argv[1])
seen = {}
for e in json.load(sys.stdin)["recording"]["events"]:
    v = e["values"]; t = v.get("thread") or {}
    seen.setdefault((t.get("javaName"), t.get("javaThreadId")), []).append((v["startTime"], v["allocated"]))
for (name, tid), readings in sorted(seen.items(), key=str):
    readings.sort()
    per_cycle = (readings[-1][1] - readings[0][1]) / cycles
    if per_cycle >= 1000:
        print(f"- {name} (id {tid}): {per_cycle / 1000:.1f} kB per cycle")
' "$PROFILE_UNCHANGED"
}
if [[ -n "${PROFILE_UNCHANGED:-}" ]]; then
  for side in bantin reference; do
    {
      echo
      echo "Allocated per profiled unchanged cycle, $side's JFR:"
      echo
      alloc_per_cycle "bench/results/poll-$stamp-unchanged-$side.jfr"
    } >>"$work/body.md"
  done
fi
if [[ -n "${WAL_SNAPSHOT:-}" ]]; then
  {
    echo
    echo "What the store writer's commits in its WAL wrote after changed pair $WAL_SNAPSHOT (WalPages):"
    echo
    java -cp "$cp" vn.bantin.bench.WalPages "$work/store/bantin.db" "$work/store/bantin.db-wal"
  } >>"$work/body.md"
fi
cat "$work/head.md" "$work/body.md" >"$result"
echo "Result: $result"
