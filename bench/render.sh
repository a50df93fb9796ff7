#!/usr/bin/env bash
# Builds and runs RenderBenchmark (bench/README.md "Rendering"), A and B interleaved: each round
# runs every pair (bantin, Rome) back to back as separate JMH runs, bantin first in odd rounds and
# second in even ones. Ratios are taken within a round and reported as median [min, max].
#   bench/render.sh                        3 rounds, about 6 minutes on 2 cores
#   ROUNDS=5 bench/render.sh               tighter ranges
#   PAIRS="renderRss:romeRss" ROUNDS=1 bench/render.sh   one pair, to try a change
#   bench/render.sh -wi 6 -r 2s            extra arguments go to every JMH run
#   BEFORE_CLASSES=/tmp/old/classes bench/render.sh   also run bantin's side on another build of
#       bantin's classes (e.g. target/classes of an older commit) in every round, next to the
#       others, and report after / before
# Writes bench/results/render-<date>.json (machine, load before and after, the table, every JMH
# result) and prints the table.
set -euo pipefail
cd "$(dirname "$0")/.."

rounds=${ROUNDS:-3}
# bantin:rival, or a benchmark alone (JSON Feed and HTML have no Rome rival; alone they give
# op/s and allocation). E.g. serveJson:renderJson shows what gzip and ETag add to a render.
pairs=${PAIRS:-"renderRss:romeRss renderAtom:romeAtom serveRss:romeGzipRss serveAtom:romeGzipAtom
  serveJson serveHtml"}

build=target-bench
mvn -B -q -Pbench -DbuildDir="$build" -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile="$build/bench.classpath"
cp="$build/classes:$build/test-classes:$(cat "$build/bench.classpath")"

stamp=$(date +%Y%m%d-%H%M%S)
result="bench/results/render-$stamp.json"
runs="$build/render-$stamp"
mkdir -p bench/results "$runs"

# One fork per run, short iterations: the rounds give the repetition. Eight warm-up seconds, since
# on a loaded machine C2 needs them before Rome's larger code path is compiled. JMH refuses an
# option twice, so a default is only added when the arguments do not set it.
# Sample mode times every operation: op/s is 1 / the mean time, and the fastest time (p0) and
# the median come with it; on a loaded machine those move much less than the mean.
defaults=(-f 1 -wi 8 -w 1s -i 3 -r 1s -bm sample -tu us -prof gc)
jmh=()
for ((i = 0; i < ${#defaults[@]}; i += 2)); do
  [[ " $* " == *" ${defaults[i]} "* ]] || jmh+=("${defaults[i]}" "${defaults[i + 1]}")
done

run() { # round, benchmark[@before], JMH arguments
  local bench=${2%@before} label=$2 classpath=$cp
  # The benchmark classes stay the new ones; only bantin's classes are the older build's.
  [[ $label == *@before ]] && classpath="$BEFORE_CLASSES:${cp#"$build/classes:"}"
  # Other benchmarks may run at the same time (shared machine): JMH would refuse to start.
  java -Djmh.ignoreLock=true -cp "$classpath" org.openjdk.jmh.Main "RenderBenchmark\.$bench\$" \
    "${jmh[@]}" "${@:3}" -rf json -rff "$runs/r$1-$label.json" > "$runs/r$1-$label.log" 2>&1 \
    || { echo "JMH failed, see $runs/r$1-$label.log" >&2; exit 1; }
  printf '  round %d %-21s %s\n' "$1" "$label" \
    "$(grep -E "^RenderBenchmark\.$bench " "$runs/r$1-$label.log" | awk '{print $4, $NF}')"
}

# bantin's side of a pair, plus the same on the older build when one is given.
ours() { # round, benchmark, JMH arguments
  run "$@"
  if [[ -n ${BEFORE_CLASSES-} ]]; then run "$1" "$2@before" "${@:3}"; fi
}

load_before=$(uptime)
echo "load before: $load_before"
for ((round = 1; round <= rounds; round++)); do
  for pair in $pairs; do
    a=${pair%%:*} b=${pair##*:}
    if [[ $a == "$b" ]]; then ours "$round" "$a" "$@"
    elif ((round % 2)); then ours "$round" "$a" "$@"; run "$round" "$b" "$@"
    else run "$round" "$b" "$@"; ours "$round" "$a" "$@"; fi
  done
done
load_after=$(uptime)

python3 - "$runs" "$result" "ROUNDS=$rounds bench/render.sh $*" "$load_before" "$load_after" \
  "$pairs" "${BEFORE_CLASSES-}" <<'PY'
import glob, json, os, re, statistics, subprocess, sys
runs, result, command, load_before, load_after, pairs, before = sys.argv[1:]
pairs = [(p.split(":") + [None])[:2] for p in pairs.split()]
if before:
    command = "BEFORE_CLASSES=%s %s" % (before, command)
    # Each bantin benchmark of the older build: against the same rival, and new against old.
    pairs += [(a + "@before", b) for a, b in pairs if b] + [(a, a + "@before") for a, _ in pairs]
# (round, benchmark) -> op/s from the mean time, op/s at the median and the fastest time, B/op
score, p50, best, alloc, jmh = {}, {}, {}, {}, []
for path in glob.glob(os.path.join(runs, "r*.json")):
    rnd, name = re.match(r"r(\d+)-(.*)\.json$", os.path.basename(path)).groups()
    rnd = int(rnd)
    for r in json.load(open(path)):
        m = r["primaryMetric"]
        per_second = lambda us: 1e6 / us if m["scoreUnit"] == "us/op" else us
        score[rnd, name] = per_second(m["score"])
        if "scorePercentiles" in m and m["scoreUnit"] == "us/op":
            p50[rnd, name] = per_second(m["scorePercentiles"]["50.0"])
            best[rnd, name] = per_second(m["scorePercentiles"]["0.0"])
        alloc[rnd, name] = r["secondaryMetrics"].get("gc.alloc.rate.norm", {}).get("score")
        jmh.append(dict(r, round=rnd))
rounds = sorted({k[0] for k in score})

def per_round(a, b, table):
    if b is None:
        return []
    return [table[r, a] / table[r, b] for r in rounds
            if table.get((r, a)) and table.get((r, b))]

def span(rs):
    return "%.2f [%.2f, %.2f]" % (statistics.median(rs), min(rs), max(rs)) if rs else "-"

def med(table, name):
    vs = [table[r, name] for r in rounds if table.get((r, name)) is not None]
    return statistics.median(vs) if vs else float("nan")

target = lambda b: ">= 1.0" if b and b.startswith("rome") else "-"
nan_dash = lambda v: "%9.0f" % v if v == v else "%9s" % "-"
head = "%-33s %9s %9s %-20s %-9s %-20s %-20s %9s %9s %-18s" % ("bantin / rival", "op/s",
    "rival", "ratio", "target", "ratio of medians", "ratio of fastest", "kB/op", "rival",
    "alloc ratio")
lines = [head, "-" * len(head)]
rows = []
for a, b in pairs:
    rs, al = per_round(a, b, score), per_round(a, b, alloc)
    met = bool(rs) and statistics.median(rs) >= 1.0
    rows.append(dict(bantin=a, rival=b, ops=med(score, a), rival_ops=med(score, b),
        ratio=statistics.median(rs) if rs else None, ratio_min=min(rs, default=None),
        ratio_max=max(rs, default=None), target=target(b), met=met if target(b) != "-" else None,
        alloc=med(alloc, a), rival_alloc=med(alloc, b),
        alloc_ratio=statistics.median(al) if al else None,
        p50_ratios=per_round(a, b, p50), best_ratios=per_round(a, b, best)))
    lines.append("%-33s %s %s %-20s %-9s %-20s %-20s %s %s %-18s" % (a + (" / " + b if b else ""),
        nan_dash(med(score, a)), nan_dash(med(score, b)), span(rs),
        target(b) + (" ok" if met else " NO") if target(b) != "-" else "-",
        span(per_round(a, b, p50)), span(per_round(a, b, best)),
        nan_dash(med(alloc, a) / 1024), nan_dash(med(alloc, b) / 1024), span(al)))
sh = lambda c: subprocess.run(c, shell=True, capture_output=True, text=True).stdout.strip()
cpu, nproc = sh("lscpu | grep 'Model name' | sed 's/.*: *//'"), sh("nproc")
lines += ["",
    "ratio: bantin op/s / rival op/s within a round, median [min, max] over %d rounds;" % len(rounds),
    "ratio of medians, of fastest: the same with op/s taken from the median and the fastest",
    "operation's time instead of the mean (steadier when the machine is loaded);",
    "op/s and kB/op (gc.alloc.rate.norm) are medians over the rounds; alloc ratio lower is better.",
    "command: " + command, "machine: %s, %s cores, %s" % (cpu, nproc, jmh[0]["vmVersion"]),
    "load before: " + load_before.strip(), "load after:  " + load_after.strip()]
print("\n" + "\n".join(lines))
json.dump(dict(command=command, cpu=cpu, nproc=nproc, load_before=load_before.strip(),
    load_after=load_after.strip(), table=rows, text="\n".join(lines), jmh=jmh),
    open(result, "w"), indent=1, ensure_ascii=False)
print("\nResult: " + result)
PY
