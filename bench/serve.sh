#!/usr/bin/env bash
# Serving benchmark (bench/README.md, "Serving"): one 100-entry category feed served by bantin,
# by nginx from a static copy of the same bytes (gzip_static for the gzip form) and by a minimal
# reference Vert.x server answering the same bytes from memory, measured with wrk in interleaved
# A/B pairs on loopback. Prints the median per-pair ratio [min, max] against the targets and
# writes bench/results/serve-<date>.md.
#
#   bench/serve.sh                        full run: 10 s runs, 5 pairs, -c64 and -c8 (~25 minutes)
#   QUICK=1 bench/serve.sh                3 s runs, 2 pairs (~3 minutes), to try things
#   DURATION=20s PAIRS=7 CONNS=64 SCENARIOS="gzip 304" bench/serve.sh
#   SKIP_BUILD=1 BANTIN_JAVA_OPTS="-XX:StartFlightRecording=duration=60s,filename=/tmp/b.jfr" ...
#   HOLD=600 bench/serve.sh               set up, check, then keep the three servers up 600 s
#   BEFORE_JAR=/tmp/old/bantin.jar bench/serve.sh   adds that build of bantin as a rival
#                                         ("before"), to measure a change in the same run
#
# Everything listens on 127.0.0.1 only; every process started here is stopped on exit.
# Needs java 17, mvn, wrk, nginx (with gzip_static), curl, python3, gzip, sha256sum.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ -n "${QUICK:-}" ]]; then
  DURATION=${DURATION:-3s} PAIRS=${PAIRS:-2} WARMUP=${WARMUP:-3s}
fi
DURATION=${DURATION:-10s}
PAIRS=${PAIRS:-5}
CONNS=${CONNS:-"64 8"}
THREADS=${THREADS:-2}
WARMUP=${WARMUP:-5s}
SCENARIOS=${SCENARIOS:-"identity gzip 304"}
BEFORE_JAR=${BEFORE_JAR:-}
RIVALS=${RIVALS:-"nginx reference${BEFORE_JAR:+ before}"}
BANTIN_JAVA_OPTS=${BANTIN_JAVA_OPTS:-}
REFERENCE_JAVA_OPTS=${REFERENCE_JAVA_OPTS:-}
FEEDS=3 ITEMS_PER_FEED=45 LIMIT=100 CATEGORY=thoi-su TOKEN=bench-token
CACHE_CONTROL="public, max-age=60, stale-while-revalidate=300"
CONTENT_TYPE="application/rss+xml; charset=utf-8"

missing=()
for tool in java mvn wrk nginx curl python3 gzip sha256sum timeout; do
  command -v "$tool" >/dev/null || missing+=("$tool")
done
if ((${#missing[@]})); then
  echo "missing: ${missing[*]}; on Debian/Ubuntu: apt-get install -y wrk nginx-light" \
    "(or nginx) curl python3" >&2
  exit 1
fi
nginx_bin=$(command -v nginx)
if ! "$nginx_bin" -V 2>&1 | grep -q -- --with-http_gzip_static_module; then
  echo "this nginx lacks gzip_static (--with-http_gzip_static_module); install nginx-light" >&2
  exit 1
fi

work=$(mktemp -d /tmp/bantin-serve.XXXXXX)
chmod 755 "$work" # nginx workers run as nobody when started by root
pids=()
cleanup() {
  local pid
  if [[ -f "$work/nginx/nginx.pid" ]]; then
    kill "$(cat "$work/nginx/nginx.pid")" 2>/dev/null || true
  fi
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  [[ -n "${KEEP:-}" ]] && echo "kept $work" || rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Free loopback ports (the tiny race with other programs is acceptable for a benchmark).
read -r up_port bantin_port nginx_port ref_port before_port < <(python3 -c '
import socket
ss = [socket.socket() for _ in range(5)]
for s in ss: s.bind(("127.0.0.1", 0))
print(*[s.getsockname()[1] for s in ss])')

wait_http() { # url what
  for _ in $(seq 1 120); do
    curl -s -o /dev/null --max-time 1 "$1" && return 0
    sleep 0.5
  done
  echo "$2 did not come up at $1" >&2
  exit 1
}

echo "== build"
if [[ -z "${SKIP_BUILD:-}" ]]; then
  mvn -B -q -DskipTests package
  mvn -B -q -Pbench -DskipTests test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
fi
cp="target/classes:target/test-classes:$(cat target/bench.classpath)"

echo "== upstream: $FEEDS RSS feeds of $ITEMS_PER_FEED items on 127.0.0.1:$up_port"
java -cp "$cp" vn.bantin.bench.UpstreamFeeds "$work/upstream" "$FEEDS" "$ITEMS_PER_FEED"
python3 -m http.server --bind 127.0.0.1 --directory "$work/upstream" "$up_port" \
  >"$work/upstream.log" 2>&1 &
up_pid=$!
pids+=("$up_pid")
wait_http "http://127.0.0.1:$up_port/feed-1.xml" upstream

start_bantin() { # name jar port: starts it with its own data, waits, polls the upstream
  local name=$1 jar=$2 port=$3
  cat >"$work/$name.yml" <<EOF
http:
  host: 127.0.0.1
  port: $port
store:
  data_dir: $work/data-$name
admin:
  token: $TOKEN
fetch:
  allow_private_networks: true
EOF
  # shellcheck disable=SC2086 # BANTIN_JAVA_OPTS is a list of options
  java $BANTIN_JAVA_OPTS -jar "$jar" --conf "$work/$name.yml" --feeds "$work/feeds.yml" \
    >"$work/$name.log" 2>&1 &
  pids+=("$!")
  wait_http "http://127.0.0.1:$port/health" "$name"
  echo "$name refresh: $(curl -sf --max-time 60 -X POST -H "Authorization: Bearer $TOKEN" \
    "http://127.0.0.1:$port/admin/api/refresh")"
}
{
  echo "version: 1"
  echo "defaults:"
  echo "  interval: 7d" # one poll at start and the one asked for below, none while measuring
  echo "sources:"
  for f in $(seq 1 "$FEEDS"); do
    echo "  - id: bao-$f"
    echo "    title: Báo số $f"
    echo "    url: http://127.0.0.1:$up_port/feed-$f.xml"
    echo "    tags: [tin]"
  done
  echo "categories:"
  echo "  - id: $CATEGORY"
  echo "    title: Thời sự"
  echo "    tags: [tin]"
} >"$work/feeds.yml"
echo "== bantin on 127.0.0.1:$bantin_port"
# Run from copies: a rebuild of target/bantin.jar while a run (or HOLD) is up would otherwise
# swap classes under the running JVM (classes it has not loaded yet then fail, e.g. at stop).
cp target/bantin.jar "$work/bantin.jar"
start_bantin bantin "$work/bantin.jar" "$bantin_port"
bantin="http://127.0.0.1:$bantin_port"
if [[ -n "$BEFORE_JAR" ]]; then
  echo "== before ($BEFORE_JAR) on 127.0.0.1:$before_port"
  cp "$BEFORE_JAR" "$work/before.jar"
  start_bantin before "$work/before.jar" "$before_port"
fi
kill "$up_pid" # nothing polls it again (interval 7d); one process less on the cores

path="/feeds/$CATEGORY.rss?limit=$LIMIT"
www="$work/www/feeds"
mkdir -p "$www"
curl -sf --max-time 10 -D "$work/bantin.identity.h" -o "$www/$CATEGORY.rss" "$bantin$path"
curl -sf --max-time 10 -H 'Accept-Encoding: gzip' -D "$work/bantin.gzip.h" \
  -o "$www/$CATEGORY.rss.gz" "$bantin$path"
header() { grep -i "^$1:" "$2" | head -1 | cut -d' ' -f2- | tr -d '\r'; }
etag=$(header ETag "$work/bantin.identity.h")
last_modified=$(header Last-Modified "$work/bantin.identity.h")
items=$(grep -o '<item>' "$www/$CATEGORY.rss" | wc -l)
if [[ "$items" != "$LIMIT" ]]; then
  echo "the feed has $items items, not $LIMIT; see $work/bantin.log" >&2
  KEEP=1
  exit 1
fi
gzip -dc "$www/$CATEGORY.rss.gz" | cmp -s - "$www/$CATEGORY.rss" \
  || { echo "bantin's gzip body does not decode to its identity body" >&2; exit 1; }
# nginx's Last-Modified and ETag come from the file's mtime (and size).
touch -d "$last_modified" "$www/$CATEGORY.rss" "$www/$CATEGORY.rss.gz"
chmod -R a+rX "$work/www"
identity_bytes=$(stat -c %s "$www/$CATEGORY.rss")
gzip_bytes=$(stat -c %s "$www/$CATEGORY.rss.gz")
echo "feed: $items items, $identity_bytes bytes, gzip $gzip_bytes bytes, ETag $etag"

echo "== nginx on 127.0.0.1:$nginx_port"
mkdir -p "$work/nginx"
cat >"$work/nginx/nginx.conf" <<EOF
# worker_processes auto: one worker per core, like the reference's event loops; wrk shares the
# same cores with every server, nothing is pinned. reuseport gives each worker its own listening
# socket, so the kernel spreads wrk's connections evenly (without it one worker often takes most).
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  server_tokens off;
  sendfile on;
  tcp_nopush on;
  tcp_nodelay on;
  # nginx closes a keep-alive connection after 1000 requests by default; the JVM servers never
  # do, so that limit is lifted to compare serving, not reconnecting.
  keepalive_requests 100000000;
  keepalive_timeout 75s;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  types { }
  default_type "$CONTENT_TYPE";
  etag on;
  gzip off;
  gzip_static on;
  gzip_vary on;
  server {
    listen 127.0.0.1:$nginx_port reuseport;
    root $work/www;
    add_header Cache-Control "$CACHE_CONTROL";
  }
}
EOF
"$nginx_bin" -e "$work/nginx/error.log" -p "$work/nginx" -c "$work/nginx/nginx.conf"
wait_http "http://127.0.0.1:$nginx_port$path" nginx

echo "== reference server on 127.0.0.1:$ref_port"
# shellcheck disable=SC2086
java $REFERENCE_JAVA_OPTS -cp "$cp" vn.bantin.bench.ReferenceServer "port=$ref_port" \
  "body=$www/$CATEGORY.rss" "gzip=$www/$CATEGORY.rss.gz" "etag=$etag" \
  "last-modified=$last_modified" "cache-control=$CACHE_CONTROL" "content-type=$CONTENT_TYPE" \
  >"$work/reference.log" 2>&1 &
pids+=("$!")
wait_http "http://127.0.0.1:$ref_port$path" "reference server"

declare -A url=([bantin]="$bantin$path" [nginx]="http://127.0.0.1:$nginx_port$path"
  [reference]="http://127.0.0.1:$ref_port$path" [before]="http://127.0.0.1:$before_port$path")
declare -A tag

echo "== the same bytes from all three"
want_identity=$(sha256sum <"$www/$CATEGORY.rss" | cut -c1-64)
want_gzip=$(sha256sum <"$www/$CATEGORY.rss.gz" | cut -c1-64)
for s in bantin nginx reference; do
  got_identity=$(curl -sf --max-time 10 -D "$work/$s.h" "${url[$s]}" | sha256sum | cut -c1-64)
  got_gzip=$(curl -sf --max-time 10 -H 'Accept-Encoding: gzip' -D "$work/$s.gzip.h" "${url[$s]}" \
    | sha256sum | cut -c1-64)
  tag[$s]=$(header ETag "$work/$s.h")
  status=$(curl -s --max-time 10 -o /dev/null -w '%{http_code}' -H "If-None-Match: ${tag[$s]}" \
    "${url[$s]}")
  printf '%-10s identity %s  gzip %s  304: %s\n' "$s" "${got_identity:0:16}" "${got_gzip:0:16}" \
    "$status"
  if [[ "$got_identity" != "$want_identity" || "$got_gzip" != "$want_gzip" \
    || "$status" != 304 ]]; then
    echo "$s does not serve the same bytes (or no 304); headers in $work" >&2
    KEEP=1
    exit 1
  fi
done

if [[ -n "${HOLD:-}" ]]; then
  echo "== holding for $HOLD s, nothing measured:"
  for s in bantin nginx reference; do echo "   $s ${url[$s]}  ETag ${tag[$s]}"; done
  sleep "$HOLD"
  exit 0
fi

wrk_args() { # server scenario
  case "$2" in
    identity) ;;
    gzip) printf '%s\n' -H "Accept-Encoding: gzip" ;;
    304) printf '%s\n' -H "If-None-Match: ${tag[$1]}" ;;
  esac
}
seconds=${DURATION%s}
runs="$work/runs.tsv"
printf 'conns\tscenario\trival\tpair\tserver\trps\tp99_us\terrors\n' >"$runs"
measure() { # conns scenario rival pair server
  local out extra=()
  mapfile -t extra < <(wrk_args "$5" "$2")
  out=$(timeout $((seconds + 60)) wrk -t"$THREADS" -c"$1" -d"$DURATION" --latency \
    "${extra[@]}" "${url[$5]}")
  echo "$out" >>"$work/wrk.log"
  python3 - "$out" "$@" >>"$runs" <<'PY'
import re, sys
out, conns, scenario, rival, pair, server = sys.argv[1:]
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
v, unit = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s)\s*$", out, re.M).groups()
p99 = float(v) * {"us": 1, "ms": 1e3, "s": 1e6}[unit]
errors = sum(int(n) for n in re.findall(r"(?:Non-2xx or 3xx responses|connect|read|write|timeout)[: ]+(\d+)", out))
print(f"{conns}\t{scenario}\t{rival}\t{pair}\t{server}\t{rps:.1f}\t{p99:.0f}\t{errors}")
PY
  tail -1 "$runs" | awk -F'\t' '{printf "  %-3s %-8s %-9s pair %s  %-9s %10s req/s  p99 %7s us%s\n",
    $1, $2, $3, $4, $5, $6, $7, ($8 > 0 ? "  ERRORS " $8 : "")}'
}

if [[ -n "$BEFORE_JAR" ]]; then
  # Its own bytes: the same feed, but its self links name its own port.
  curl -sf --max-time 10 -D "$work/before.h" -o "$work/before.rss" "${url[before]}"
  tag[before]=$(header ETag "$work/before.h")
  echo "before     $(grep -o '<item>' "$work/before.rss" | wc -l) items," \
    "$(stat -c %s "$work/before.rss") bytes (its self links differ by the port)"
fi

echo "== warm-up ($WARMUP per server and scenario, not counted)"
for s in bantin $RIVALS; do
  for scenario in $SCENARIOS; do
    mapfile -t extra < <(wrk_args "$s" "$scenario")
    timeout 120 wrk -t"$THREADS" -c64 -d"$WARMUP" "${extra[@]}" "${url[$s]}" >/dev/null
  done
done

load_before=$(uptime)
echo "== measuring: wrk -t$THREADS -d$DURATION --latency, $PAIRS pairs per rival, c in {$CONNS}"
echo "   $load_before"
started=$(date +%s)
for conns in $CONNS; do
  for scenario in $SCENARIOS; do
    for pair in $(seq 1 "$PAIRS"); do
      for rival in $RIVALS; do
        # A/B then B/A: neither server always runs first (warmer caches, drifting load).
        if ((pair % 2)); then order="bantin $rival"; else order="$rival bantin"; fi
        for s in $order; do
          measure "$conns" "$scenario" "$rival" "$pair" "$s"
        done
      done
    done
  done
done
load_after=$(uptime)
echo "   $load_after"

mkdir -p bench/results
result="bench/results/serve-$(date +%Y%m%d-%H%M%S).md"
python3 bench/serve_report.py "$runs" "$result" <<EOF
command: ${QUICK:+QUICK=1 }${BEFORE_JAR:+BEFORE_JAR=$BEFORE_JAR }DURATION=$DURATION PAIRS=$PAIRS CONNS="$CONNS" THREADS=$THREADS SCENARIOS="$SCENARIOS" bench/serve.sh
machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(free -g | awk '/Mem:/{print $2}') GiB
software: $(java -version 2>&1 | head -1), $("$nginx_bin" -v 2>&1), $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)
feed: /feeds/$CATEGORY.rss?limit=$LIMIT, $items items, $identity_bytes bytes, gzip $gzip_bytes bytes
load before: $load_before
load after: $load_after
measured for: $(( $(date +%s) - started )) s
EOF
echo "Result: $result"
