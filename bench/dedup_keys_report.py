"""Prints the tables of bench/dedup-keys.sh from JMH's JSON.

One JSON: per function, the speed-up of the rewritten code over its frozen first version (the
x_before benchmark of the same run), before/after time per entry for every pair of forks, and
after/before allocation, as median [min, max]; then ns/op and B/op of every benchmark. --before-after side=path ...: per function, the
before/after speed-up (time ratio) and after/before allocation of each round (the i-th run of
each side), as the median [min, max] over rounds.
"""
import json
import statistics
import sys


def scores(path):
    out = {}
    for r in json.load(open(path)):
        name = r["benchmark"].rsplit(".", 1)[-1]
        ns = statistics.mean(x for f in r["primaryMetric"]["rawData"] for x in f)
        gc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
        alloc = statistics.mean(x for f in gc["rawData"] for x in f) if gc else float("nan")
        out[name] = (ns, alloc)
    return out


def cell(values):
    if not values:
        return "-"
    return "%.2fx [%.2f, %.2f]" % (statistics.median(values), min(values), max(values))


if sys.argv[1] == "--before-after":
    runs = {"before": [], "after": []}
    for arg in sys.argv[2:]:
        side, path = arg.split("=", 1)
        runs[side].append(scores(path))
    names = sorted(set().union(*[r.keys() for r in runs["before"] + runs["after"]]))
    print()
    print("%-18s %-24s %-24s %12s %12s %10s %10s" % (
        "function", "speed-up before/after", "alloc after/before", "ns before", "ns after",
        "B before", "B after"))
    for name in names:
        pairs = [(b[name], a[name]) for b, a in zip(runs["before"], runs["after"])
                 if name in b and name in a]
        speed = [b[0] / a[0] for b, a in pairs]
        alloc = [a[1] / b[1] for b, a in pairs if b[1] > 0]
        med = lambda k, i: statistics.median(p[i][k] for p in pairs)
        print("%-18s %-24s %-24s %12.0f %12.0f %10.0f %10.0f" % (
            name, cell(speed), cell(alloc), med(0, 0), med(0, 1), med(1, 0), med(1, 1)))
else:
    forks = {}
    for r in json.load(open(sys.argv[1])):
        name = r["benchmark"].rsplit(".", 1)[-1]
        gc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
        forks[name] = ([statistics.mean(f) for f in r["primaryMetric"]["rawData"] if f],
                       [statistics.mean(f) for f in gc["rawData"] if f] if gc else [])
    print()
    print("%-18s %-24s %-24s %12s %12s %10s %10s" % (
        "function", "speed-up before/after", "alloc after/before", "ns before", "ns after",
        "B before", "B after"))
    for name in sorted(n for n in forks if not n.endswith("_before")):
        # A function without a frozen first version (categoriesOf) gets its own figures only.
        before = forks.get(name + "_before", ([], []))
        after = forks[name]
        speed = [b / a for b in before[0] for a in after[0]]
        alloc = [a / b for b in before[1] for a in after[1] if b > 0]
        med = lambda xs: statistics.median(xs) if xs else float("nan")
        print("%-18s %-24s %-24s %12.0f %12.0f %10.0f %10.0f" % (
            name, cell(speed), cell(alloc), med(before[0]), med(after[0]), med(before[1]),
            med(after[1])))
