#!/usr/bin/env bash
# Builds and runs RenderBenchmark (bench/README.md "Rendering"). Extra arguments go to JMH, e.g.
#   bench/render.sh -f 5                       more forks, for tighter ranges
#   bench/render.sh 'render(Rss|Atom)|rome(Rss|Atom)'   a subset (a regexp over method names)
# Writes bench/results/render-<date>.json (machine, load before and after, the table, JMH's
# results) and prints bantin/Rome per format: median ratio of the forks [min, max] vs target.
set -euo pipefail
cd "$(dirname "$0")/.."

build=target-bench
mvn -B -q -Pbench -DbuildDir="$build" -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile="$build/bench.classpath"
cp="$build/classes:$build/test-classes:$(cat "$build/bench.classpath")"

mkdir -p bench/results
stamp=$(date +%Y%m%d-%H%M%S)
result="bench/results/render-$stamp.json"
raw="$build/render-$stamp.jmh.json"
pattern=RenderBenchmark
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  case "${args[i]}" in
    -h | -l | -lp | -lrf | -lprof) ;;
    -*) i=$((i + 1)) ;;
    *) pattern= ;; # JMH runs the union of the patterns it gets: one given replaces the default
  esac
done

# Three forks of every benchmark in one invocation: the ratios are taken fork by fork (fork i of
# bantin against fork i of Rome) and reported as median [min, max]. About 5 minutes on 2 cores.
defaults=(-f 3 -wi 3 -w 1s -i 4 -r 1s -prof gc -rf json -rff "$raw")
jmh=()
for ((i = 0; i < ${#defaults[@]}; i += 2)); do
  [[ " ${args[*]-} " == *" ${defaults[i]} "* ]] || jmh+=("${defaults[i]}" "${defaults[i + 1]}")
done
load_before=$(uptime)
java -cp "$cp" org.openjdk.jmh.Main $pattern "${jmh[@]}" "$@"
load_after=$(uptime)

python3 - "$raw" "$result" "bench/render.sh $*" "$load_before" "$load_after" <<'PY'
import json, statistics, subprocess, sys
raw, result, command, load_before, load_after = sys.argv[1:]
runs = {r["benchmark"].rsplit(".", 1)[1]: r for r in json.load(open(raw))}

def forks(name, metric=None):
    """The mean score of each fork, in fork order."""
    r = runs[name]
    m = r["primaryMetric"] if metric is None else r["secondaryMetrics"].get(metric)
    return [statistics.mean(f) for f in m["rawData"]] if m else []

def ratios(a, b, metric=None):
    return [x / y for x, y in zip(forks(a, metric), forks(b, metric))]

def span(rs):
    return "%.2f [%.2f, %.2f]" % (statistics.median(rs), min(rs), max(rs)) if rs else "-"

alloc = "gc.alloc.rate.norm"
pairs = [("RSS", "renderRss", "romeRss"), ("Atom", "renderAtom", "romeAtom"),
         ("RSS + gzip", "serveRss", "romeGzipRss"), ("Atom + gzip", "serveAtom", "romeGzipAtom")]
rows, lines = [], []
head = "%-12s %11s %11s %-22s %-7s %9s %9s %-20s" % (
    "figure", "bantin op/s", "Rome op/s", "ratio (median [range])", "target", "bantin kB",
    "Rome kB", "alloc ratio")
lines += [head, "-" * len(head)]
for label, ours, theirs in pairs:
    if ours not in runs or theirs not in runs:
        continue
    rs, al = ratios(ours, theirs), ratios(ours, theirs, alloc)
    ok = statistics.median(rs) >= 1.0
    row = dict(figure=label, bantin=ours, rome=theirs, ops=statistics.mean(forks(ours)),
               rome_ops=statistics.mean(forks(theirs)), ratio=statistics.median(rs),
               ratio_min=min(rs), ratio_max=max(rs), target=">= 1.0", met=ok,
               alloc=statistics.mean(forks(ours, alloc) or [0]),
               rome_alloc=statistics.mean(forks(theirs, alloc) or [0]),
               alloc_ratio=statistics.median(al) if al else None)
    rows.append(row)
    lines.append("%-12s %11.0f %11.0f %-22s %-7s %9.0f %9.0f %-20s" % (
        label, row["ops"], row["rome_ops"], span(rs), ">=1.0 " + ("ok" if ok else "NO"),
        row["alloc"] / 1024, row["rome_alloc"] / 1024, span(al)))
lines += ["", "%-12s %11s %9s %-28s" % ("bantin only", "op/s", "alloc kB", "serve/render (cost of gzip+ETag)")]
for fmt in ("Rss", "Atom", "Json", "Html"):
    for kind in ("render", "serve"):
        name = kind + fmt
        if name in runs:
            lines.append("%-12s %11.0f %9.0f %s" % (
                name, statistics.mean(forks(name)), statistics.mean(forks(name, alloc) or [0]) / 1024,
                span(ratios("serve" + fmt, "render" + fmt)) if kind == "serve" and "render" + fmt in runs else ""))
cpu = subprocess.run("lscpu | grep 'Model name' | sed 's/.*: *//'", shell=True,
                     capture_output=True, text=True).stdout.strip()
nproc = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
lines += ["", "ratio: bantin op/s / Rome op/s per fork (fork i against fork i), median [min, max];",
          "alloc ratio: bantin bytes per op / Rome bytes per op (lower is better).",
          "machine: %s, %s cores; java %s" % (cpu, nproc, next(iter(runs.values()))["vmVersion"]),
          "load before: " + load_before.strip(), "load after:  " + load_after.strip()]
print("\n".join(lines))
json.dump(dict(command=command, cpu=cpu, nproc=nproc, load_before=load_before.strip(),
               load_after=load_after.strip(), table=rows, text="\n".join(lines),
               jmh=list(runs.values())), open(result, "w"), indent=1, ensure_ascii=False)
print("\nResult: " + result)
PY
