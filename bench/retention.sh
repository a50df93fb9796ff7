#!/usr/bin/env bash
# A simulated month of polling on a simulated clock (RetentionSimulation, bench/README.md):
# prints the store's rows and file size (after a checkpoint) at the end of every simulated day and
# the ratio of the last day to the first day a prune deleted something (the steady state).
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
python3 - "$result" <<'PY'
import sys
rows = [l.split() for l in open(sys.argv[1])]
rows = {int(r[0]): r for r in rows if r and r[0].isdigit()}
# The steady state starts on the first day a prune deleted something.
steady = [d for d in sorted(rows) if int(rows[d][5]) > 0]
last = max(rows)
if steady and last > steady[0]:
    first = steady[0]
    for name, col in (("stories", 1), ("entries", 2), ("file size", 3)):
        print("%-10s day %d / day %d (first prune) = %.3f" % (name, last, first,
              float(rows[last][col]) / float(rows[first][col])))
PY
echo "Result: $result"
