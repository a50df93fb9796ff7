#!/usr/bin/env bash
# Builds and runs DedupKeysBenchmark (bench/README.md, "Dedup keys"). Extra arguments go to JMH:
#   bench/dedup-keys.sh                          every function and its frozen first version, -prof gc
#   bench/dedup-keys.sh -f 5 'keys|restore'      more forks, some functions (and their _before twins)
#   BEFORE=/tmp/old bench/dedup-keys.sh          also: this build against another one, in rounds
# BEFORE is a directory holding classes/ of another build (e.g. a copy of target-bench/classes
# built from main before a change); ROUNDS (default 4) rounds of one fork per side, the order
# alternating. Writes bench/results/dedup-keys-<date>.json (JMH) and .txt (load, machine, tables).
set -euo pipefail
cd "$(dirname "$0")/.."

build=target-bench
if [[ -z "${SKIP_BUILD-}" ]]; then
  mvn -B -q -Pbench -DbuildDir="$build" -DskipTests test-compile dependency:build-classpath \
    -Dmdep.outputFile="$build/bench.classpath"
fi
deps=$(cat "$build/bench.classpath")
cp="$build/classes:$build/test-classes:$deps"

mkdir -p bench/results
stamp=$(date +%Y%m%d-%H%M%S)
result="bench/results/dedup-keys-$stamp.json"
report="bench/results/dedup-keys-$stamp.txt"
pattern="DedupKeysBenchmark"
args=()
for arg in "$@"; do
  case "$arg" in
    -*) args+=("$arg") ;;
    *) if [[ ${#args[@]} -gt 0 && ${args[-1]} == -* ]]; then args+=("$arg");
       else pattern="DedupKeysBenchmark.($arg)(_before)?$"; fi ;;
  esac
done

{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(java -version 2>&1 | head -1)"
  echo "load before: $(uptime)"
} | tee "$report"

# JMH's machine-wide lock is ignored: other benchmarks may run on this shared machine; the load
# is recorded instead.
# Short settings for a small shared machine; any of them given on the command line wins.
defaults=(-f "$([[ -n ${BEFORE-} ]] && echo 1 || echo 3)" -wi 3 -w 1s -i 4 -r 1s -prof gc)
jmh=()
for ((i = 0; i < ${#defaults[@]}; i += 2)); do
  [[ " ${args[*]-} " == *" ${defaults[i]} "* ]] || jmh+=("${defaults[i]}" "${defaults[i + 1]}")
done
if [[ -z "${BEFORE-}" ]]; then
  java -Djmh.ignoreLock=true -cp "$cp" org.openjdk.jmh.Main "$pattern" "${jmh[@]}" \
    -rf json -rff "$result" "${args[@]}"
  echo "load after: $(uptime)" | tee -a "$report"
  python3 bench/dedup_keys_report.py "$result" | tee -a "$report"
  exit
fi

# This build against BEFORE: rounds of one fork each, the order alternating, so neither side
# always gets the quieter slot. The benchmark class is this build's; it calls public API only
# (and Bylines.strip by reflection), which both builds have.
before_cp="$BEFORE/classes:$build/test-classes:$deps"
# The _before twins would run the same frozen code on both sides: left out.
if [[ $pattern == DedupKeysBenchmark ]]; then
  pattern='DedupKeysBenchmark\.[A-Za-z]+$'
else
  pattern=${pattern%"(_before)?\$"}'$'
fi
runs=()
for ((r = 1; r <= ${ROUNDS:-4}; r++)); do
  order=(before after)
  ((r % 2 == 0)) && order=(after before)
  for side in "${order[@]}"; do
    out="bench/results/dedup-keys-$stamp-$side-$r.json"
    side_cp=$cp
    [[ $side == before ]] && side_cp=$before_cp
    echo "round $r: $side" >&2
    java -Djmh.ignoreLock=true -cp "$side_cp" org.openjdk.jmh.Main "$pattern" "${jmh[@]}" \
      -rf json -rff "$out" "${args[@]}" > /dev/null
    runs+=("$side=$out")
  done
done
echo "load after: $(uptime)" | tee -a "$report"
python3 bench/dedup_keys_report.py --before-after "${runs[@]}" | tee -a "$report"
