#!/usr/bin/env bash
# Builds and runs ParseBenchmark and DateBenchmark (bench/README.md, "Parsing"). Extra arguments
# go to JMH, e.g.
#   bench/parse.sh -f 5                  more forks
#   bench/parse.sh ParseBenchmark        one benchmark class
# Writes bench/results/parse-<date>.json (JMH) and parse-<date>.txt (load, machine, the table).
set -euo pipefail
cd "$(dirname "$0")/.."

build=target-bench
if [[ -z "${SKIP_BUILD-}" ]]; then
  mvn -B -q -Pbench -DbuildDir="$build" -DskipTests test-compile dependency:build-classpath \
    -Dmdep.outputFile="$build/bench.classpath"
fi
cp="$build/classes:$build/test-classes:$(cat "$build/bench.classpath")"

mkdir -p bench/results
stamp=$(date +%Y%m%d-%H%M%S)
result="bench/results/parse-$stamp.json"
report="bench/results/parse-$stamp.txt"
benchmarks=("ParseBenchmark" "DateBenchmark")
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  case "${args[i]}" in
    -h | -l | -lp | -lrf | -lprof) ;;
    -rff) result="${args[i + 1]}"; i=$((i + 1)) ;;
    -*) i=$((i + 1)) ;;
    *) benchmarks=() ;; # a pattern given replaces the default ones
  esac
done

# Several forks of every benchmark in one invocation, so both sides of each ratio are measured in
# the same conditions; short iterations keep the whole run near 4 minutes on 2 cores.
defaults=(-f 3 -wi 3 -w 1s -i 4 -r 1s -rf json -rff "$result" -prof gc)
jmh=()
for ((i = 0; i < ${#defaults[@]}; i += 2)); do
  [[ " ${args[*]-} " == *" ${defaults[i]} "* ]] || jmh+=("${defaults[i]}" "${defaults[i + 1]}")
done
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(java -version 2>&1 | head -1)"
  echo "load before: $(uptime)"
} | tee "$report"
# Other benchmarks may run on this shared machine at the same time; JMH would refuse to start
# (its lock is one per machine). Load is recorded before and after instead.
java -Djmh.ignoreLock=true -cp "$cp" org.openjdk.jmh.Main "${benchmarks[@]}" "${jmh[@]}" "$@"
echo "load after: $(uptime)" | tee -a "$report"
echo "JMH result: $result" | tee -a "$report"
python3 bench/parse_report.py "$result" | tee -a "$report"

# Optional: bantin's parse path before and after a change, e.g. BEFORE=/tmp/old (a directory
# holding classes/ and test-classes/ of another build's target-bench). Rounds of one fork each,
# the order alternating, so neither build always gets the quieter slot.
if [[ -n "${BEFORE-}" ]]; then
  before_cp="$BEFORE/classes:$BEFORE/test-classes:$(cat "$build/bench.classpath")"
  runs=()
  for ((r = 1; r <= ${ROUNDS:-4}; r++)); do
    order=(before after)
    ((r % 2 == 0)) && order=(after before)
    for side in "${order[@]}"; do
      out="bench/results/parse-$stamp-$side-$r.json"
      side_cp=$cp
      [[ $side == before ]] && side_cp=$before_cp
      java -Djmh.ignoreLock=true -cp "$side_cp" org.openjdk.jmh.Main 'ParseBenchmark.bantin' \
        -f 1 -wi 3 -w 1s -i 4 -r 1s -prof gc -rf json -rff "$out" > /dev/null
      runs+=("$side=$out")
    done
  done
  echo "load after before/after rounds: $(uptime)" | tee -a "$report"
  python3 bench/parse_report.py --before-after "${runs[@]}" | tee -a "$report"
fi
