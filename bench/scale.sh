#!/usr/bin/env bash
# Start-to-serving and heap with 100,000 stories over 1,000 sources (bench/README.md, "Scale").
#   bench/scale.sh                         3 interleaved pairs of starts, empty store vs 100k
#   PAIRS=5 bench/scale.sh
#   SKIP_BUILD=1 JAVA_OPTS=-Xmx512m bench/scale.sh
#   BEFORE_JAR=/tmp/old/bantin.jar bench/scale.sh   also start another build ("before") on the
#                                          100k store in every pair, interleaved with this one
#   CDS=0 bench/scale.sh                   without target/bantin.jsa (the class-data archive)
# Writes bench/results/scale-<date>.txt: every start's time from launching java to the first
# 200 of a category feed, the median ratio full/empty, and the heap used after a full GC once
# every source was polled and every category feed rendered, for both stores.
set -euo pipefail
cd "$(dirname "$0")/.."
PAIRS=${PAIRS:-3} STORIES=${STORIES:-100000} SOURCES=${SOURCES:-1000}
JAVA_OPTS=${JAVA_OPTS:-}
# As README.md runs it: with the class-data-sharing archive the build writes (pom.xml).
CDS=${CDS:-1}
BEFORE_JAR=${BEFORE_JAR:-} BEFORE_OPTS=${BEFORE_OPTS:-}
for tool in java mvn curl python3 jcmd; do
  command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 1; }
done

build=target-bench
if [[ -z "${SKIP_BUILD:-}" ]]; then
  mvn -B -q -DskipTests package
  mvn -B -q -Pbench -DbuildDir="$build" -DskipTests test-compile dependency:build-classpath \
    -Dmdep.outputFile="$build/bench.classpath"
fi
cp="$build/classes:$build/test-classes:$(cat "$build/bench.classpath")"
after_opts=$JAVA_OPTS
if [[ "$CDS" == 1 ]]; then
  [[ -f target/bantin.jsa ]] || { echo "no target/bantin.jsa (built with -Dbantin.cds.skip?); CDS=0 runs without" >&2; exit 1; }
  after_opts="-XX:SharedArchiveFile=target/bantin.jsa $after_opts"
fi
java -cp "$cp" vn.bantin.bench.StoryCorpus "$STORIES/$SOURCES"
corpus=bench/data/stories-$STORIES-sources-$SOURCES

work=$(mktemp -d /tmp/bantin-scale.XXXXXX)
pid=
cleanup() {
  [[ -n "$pid" ]] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
read -r port dead_port < <(python3 -c '
import socket
ss = [socket.socket() for _ in range(2)]
for s in ss: s.bind(("127.0.0.1", 0))
print(*[s.getsockname()[1] for s in ss])')
base="http://127.0.0.1:$port"
TOKEN=scale-token

# Every source points at a loopback port nobody listens on: each poll fails at once, so the
# server does its polling work (and stores the failures) without an upstream to measure.
{
  echo "version: 1"
  echo "sources:"
  for ((s = 0; s < SOURCES; s++)); do
    id=$(printf 'nguon-%03d' "$s")
    echo "  - id: $id"
    echo "    title: Nguồn $s"
    echo "    url: http://127.0.0.1:$dead_port/$id.rss"
    echo "    tags: [tin]"
  done
  echo "categories:"
  echo "  - id: thoi-su"
  echo "    title: Thời sự"
  echo "    tags: [tin]"
  echo "  - id: lai-chau"
  echo "    title: Lai Châu"
  echo "    tags: [tin]"
  echo "    include: [\"Lai Châu\"]"
  echo "  - id: nguon-007"
  echo "    title: Nguồn 7"
  echo "    sources: [nguon-007]"
} >"$work/feeds.yml"
categories="thoi-su lai-chau nguon-007"

# CPU time of a process so far, in ms (utime + stime of /proc/<pid>/stat, in clock ticks).
cpu_ms() {
  awk -v hz="$(getconf CLK_TCK)" '{ print int(($14 + $15) * 1000 / hz) }' "/proc/$1/stat"
}
start() { # data_dir [jar [java options]]: launches bantin (target/bantin.jar with $after_opts
  # by default); sets ms to the milliseconds from launch to the first 200 and cpu to the CPU
  # milliseconds the JVM spent until then
  local jar=${2:-target/bantin.jar} opts=${3-$after_opts}
  cat >"$work/conf.yml" <<CONF
http:
  host: 127.0.0.1
  port: $port
store:
  data_dir: $1
admin:
  token: $TOKEN
fetch:
  allow_private_networks: true
CONF
  local t0 t1
  t0=$(date +%s%N)
  # shellcheck disable=SC2086 # the options are words
  java $opts -jar "$jar" --conf "$work/conf.yml" --feeds "$work/feeds.yml" \
    >>"$work/bantin.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 3000); do
    if [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$base/feeds/thoi-su.rss")" == 200 ]]; then
      t1=$(date +%s%N)
      cpu=$(cpu_ms "$pid")
      ms=$(((t1 - t0) / 1000000))
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || { echo "bantin exited; see its log:" >&2; tail "$work/bantin.log" >&2; exit 1; }
    sleep 0.02
  done
  echo "bantin did not serve within 60 s" >&2
  exit 1
}
stop() {
  kill "$pid"
  wait "$pid" || true
  pid=
}
heap() { # after every source was polled once and every feed rendered once: used heap after GC
  local polled
  for _ in $(seq 1 240); do
    polled=$(curl -sf --max-time 10 -H "Authorization: Bearer $TOKEN" "$base/admin/api/sources" \
      | python3 -c 'import json,sys; print(sum(1 for s in json.load(sys.stdin) if s["lastFetch"]))')
    [[ "$polled" -ge "$SOURCES" ]] && break
    sleep 0.5
  done
  echo "$polled sources polled" >&2
  for c in $categories; do
    for f in rss atom json html; do
      curl -sf --max-time 30 -o /dev/null "$base/feeds/$c.$f"
    done
  done
  jcmd "$pid" GC.run >/dev/null
  jcmd "$pid" GC.heap_info | python3 -c '
import re, sys
text = sys.stdin.read()
m = re.search(r"used (\d+)K", text)
print("%.1f" % (int(m.group(1)) / 1024.0))'
}

result="bench/results/scale-$(date +%Y%m%d-%H%M%S).txt"
mkdir -p bench/results
exec > >(tee "$result") 2>&1
echo "# bench/scale.sh $(date -u +%FT%TZ) on $(nproc) x $(lscpu | sed -n 's/^Model name: *//p')"
echo "# $STORIES stories, $SOURCES sources; bantin: target/bantin.jar $after_opts"
[[ -n "$BEFORE_JAR$BEFORE_OPTS" ]] && echo "# before: ${BEFORE_JAR:-target/bantin.jar} $BEFORE_OPTS"
echo "# load before: $(uptime)"
# The first start on the corpus files it under the categories of feeds.yml (a full rebuild,
# as after any change of the category rules); the measured starts that follow do not.
cp -r "$corpus" "$work/full"
rm -f "$work/full/corpus.properties"
start "$work/full"
echo "first start on the corpus (memberships rebuilt): $ms ms, CPU $cpu ms"
stop
for ((p = 1; p <= PAIRS; p++)); do
  rm -rf "$work/empty"
  start "$work/empty"; e=$ms; ec=$cpu; stop
  if [[ -n "$BEFORE_JAR$BEFORE_OPTS" ]]; then
    # Before and after on the same store, back to back, the order alternating between pairs.
    if ((p % 2)); then
      start "$work/full"; f=$ms; fc=$cpu; stop
      start "$work/full" "${BEFORE_JAR:-target/bantin.jar}" "$BEFORE_OPTS"; b=$ms; bc=$cpu; stop
    else
      start "$work/full" "${BEFORE_JAR:-target/bantin.jar}" "$BEFORE_OPTS"; b=$ms; bc=$cpu; stop
      start "$work/full"; f=$ms; fc=$cpu; stop
    fi
    echo "pair $p before: full $b ms, CPU $bc ms; after/before $(python3 -c "print('%.2f' % ($f / $b))"), CPU $(python3 -c "print('%.2f' % ($fc / $bc))")"
  else
    start "$work/full"; f=$ms; fc=$cpu; stop
  fi
  echo "pair $p: empty $e ms, full $f ms, ratio $(python3 -c "print('%.2f' % ($f / $e))");" \
    "CPU until then: empty $ec ms, full $fc ms, ratio $(python3 -c "print('%.2f' % ($fc / $ec))")"
done
rm -rf "$work/empty"
start "$work/empty"
echo "heap after GC, empty store: $(heap) MiB"
stop
start "$work/full"
echo "heap after GC, $STORIES stories: $(heap) MiB"
stop
echo "# load after: $(uptime)"
sleep 0.5 # tee writes the last lines
python3 - "$result" <<'PY'
import re, statistics, sys
text = open(sys.argv[1]).read()
pairs = [(int(e), int(f)) for e, f in re.findall(r"pair \d+: empty (\d+) ms, full (\d+) ms", text)]
def summary(what, pairs):
    ratios = sorted(f / e for e, f in pairs)
    fulls = sorted(f for e, f in pairs)
    empties = sorted(e for e, f in pairs)
    print("%s: full median %d ms [%d, %d], empty median %d ms; full/empty median %.2f [%.2f, %.2f]"
          % (what, statistics.median(fulls), fulls[0], fulls[-1], statistics.median(empties),
             statistics.median(ratios), ratios[0], ratios[-1]))
summary("start to serving", pairs)
summary("JVM CPU until serving", [(int(e), int(f)) for e, f in
        re.findall(r"CPU until then: empty (\d+) ms, full (\d+) ms", text)])
before = re.findall(r"pair (\d+) before: full (\d+) ms, CPU (\d+) ms", text)
if before:
    after = {int(p): (int(f), int(fc)) for p, f, fc in re.findall(
        r"pair (\d+): empty \d+ ms, full (\d+) ms.*full (\d+) ms, ratio", text)}
    for what, i in (("start to serving", 0), ("JVM CPU until serving", 1)):
        ratios = sorted(after[int(p)][i] / int((b, bc)[i]) for p, b, bc in before)
        befores = sorted(int((b, bc)[i]) for p, b, bc in before)
        print("%s, 100k, before: median %d ms [%d, %d]; after/before median %.2f [%.2f, %.2f]"
              % (what, statistics.median(befores), befores[0], befores[-1],
                 statistics.median(ratios), ratios[0], ratios[-1]))
heaps = [float(h) for h in re.findall(r"heap after GC, [^:]*: ([\d.]+) MiB", text)]
if len(heaps) == 2:
    print("heap after GC: %.1f MiB with the stories, %.1f MiB empty, ratio %.2f" % (
        heaps[1], heaps[0], heaps[1] / heaps[0]))
PY
echo "Result: $result"
