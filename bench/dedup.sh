#!/usr/bin/env bash
# Builds and runs DedupBenchmark (bench/README.md). Extra arguments go to JMH, e.g.
#   bench/dedup.sh -p storedStories=10000          only the small store
#   bench/dedup.sh -i 10 -r 5s newStory            longer, one benchmark
# Writes bench/results/dedup-<date>.json and prints per benchmark: 10k score, 1M score, 1M/10k.
set -euo pipefail
cd "$(dirname "$0")/.."

# A build directory of its own, so benchmark classes never mix with the normal build's target/.
build=target-bench
mvn -B -q -Pbench -DbuildDir="$build" -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile="$build/bench.classpath"
cp="$build/classes:$build/test-classes:$(cat "$build/bench.classpath")"

# Populate (or check) the corpora first, outside JMH, so their cost is printed on its own and no
# JMH timeout applies to it. Sizes follow -p storedStories=a,b when given.
sizes="10000 1000000"
result="bench/results/dedup-$(date +%Y%m%d-%H%M%S).json"
benchmarks="(Dedup|Category)Benchmark"
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  case "${args[i]}" in
    -h | -l | -lp | -lrf | -lprof) ;;
    -rff) result="${args[i + 1]}"; i=$((i + 1)) ;;
    -p) [[ "${args[i + 1]-}" == storedStories=* ]] && sizes="${args[i + 1]#storedStories=}"
        i=$((i + 1)) ;;
    -*) i=$((i + 1)) ;;
    # JMH runs the union of the patterns it gets, so one given here replaces the default.
    *) benchmarks= ;;
  esac
done
java -cp "$cp" vn.bantin.bench.StoryCorpus ${sizes//,/ }

mkdir -p bench/results
# Short settings for a small shared machine; JMH refuses an option twice, so a default is only
# added when the arguments do not set it.
defaults=(-f 1 -wi 5 -w 2s -i 5 -r 2s -rf json -rff "$result")
jmh=()
for ((i = 0; i < ${#defaults[@]}; i += 2)); do
  [[ " ${args[*]-} " == *" ${defaults[i]} "* ]] || jmh+=("${defaults[i]}" "${defaults[i + 1]}")
done
java -cp "$cp" org.openjdk.jmh.Main $benchmarks "${jmh[@]}" "$@"

echo
echo "Result: $result"
python3 - "$result" <<'PY'
import json, sys
rows = {}
for r in json.load(open(sys.argv[1])):
    m = r["primaryMetric"]
    # JMH writes the error as the string "NaN" when there are too few iterations for it.
    rows.setdefault(r["benchmark"].rsplit(".", 1)[1], {})[int(r["params"]["storedStories"])] = (
        float(m["score"]), float(m["scoreError"]))
sizes = sorted({n for v in rows.values() for n in v})
cell = lambda v: "-" if v is None else "%.1f ± %.1f" % v if v[1] == v[1] else "%.1f" % v[0]
print("%-26s" % "us per entry" + "".join("%20s" % ("%d stories" % n) for n in sizes)
      + ("%8s" % "ratio" if len(sizes) > 1 else ""))
for name in sorted(rows):
    scores = [rows[name].get(n) for n in sizes]
    ratio = ""
    if len(sizes) > 1:
        ratio = "%8.2f" % (scores[-1][0] / scores[0][0]) if scores[0] and scores[-1] else "%8s" % "-"
    print("%-26s" % name + "".join("%20s" % cell(v) for v in scores) + ratio)
PY
