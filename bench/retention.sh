#!/usr/bin/env bash
# A simulated month of polling on a simulated clock (RetentionSimulation, bench/README.md):
# prints the store's rows and file size (after a checkpoint) at the end of every simulated day and
# the ratio of the last day to the first day after the retention period.
#   bench/retention.sh                                   defaults below
#   SOURCES=100 DAYS=12 bench/retention.sh               a quick look
# Environment: SOURCES (1000) PER_DAY (10 stories per source per day) WINDOW (10 items per feed)
# POLLS (2 changed polls per source per day) DAYS (30) RETENTION (7 days).
set -euo pipefail
cd "$(dirname "$0")/.."
SOURCES=${SOURCES:-1000} PER_DAY=${PER_DAY:-10} WINDOW=${WINDOW:-10} POLLS=${POLLS:-2}
DAYS=${DAYS:-30} RETENTION=${RETENTION:-7}

build=target-bench
if [[ -z "${SKIP_BUILD:-}" ]]; then
  mvn -B -q -Pbench -DbuildDir="$build" -DskipTests test-compile dependency:build-classpath \
    -Dmdep.outputFile="$build/bench.classpath"
fi
cp="$build/classes:$build/test-classes:$(cat "$build/bench.classpath")"
mkdir -p bench/results
result="bench/results/retention-$(date +%Y%m%d-%H%M%S).txt"
work=bench/data/retention-$$
{
  echo "# bench/retention.sh $(date -u +%FT%TZ) on $(nproc) x $(lscpu | sed -n 's/^Model name: *//p')"
  echo "# sources=$SOURCES per_day=$PER_DAY window=$WINDOW polls_per_day=$POLLS days=$DAYS" \
    "retention=${RETENTION}d"
  echo "# load before: $(uptime)"
  java -cp "$cp" vn.bantin.bench.RetentionSimulation "$SOURCES" "$PER_DAY" "$WINDOW" "$POLLS" \
    "$DAYS" "$RETENTION" "$work"
  echo "# load after: $(uptime)"
} | tee "$result"
rm -rf "$work"
python3 - "$result" "$RETENTION" <<'PY'
import sys
rows = [l.split() for l in open(sys.argv[1]) if l[:1] == " " or l[:1].isdigit()]
rows = {int(r[0]): r for r in rows if r[0].isdigit()}
first = int(sys.argv[2]) + 1
last = max(rows)
if first in rows and last > first:
    for name, col in (("stories", 1), ("entries", 2), ("bands", 3), ("file size", 4)):
        print("%-10s day %d / day %d = %.2f" % (name, last, first,
              float(rows[last][col]) / float(rows[first][col])))
PY
echo "Result: $result"
