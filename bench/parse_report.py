"""Prints the ratios of bench/parse.sh from JMH's JSON: bantin against Rome and StAX.

A ratio is computed for every pair (fork of A, fork of B) from the forks' mean scores; the table
shows the median of those ratios and their range [min, max].
"""
import json
import statistics
import sys


def before_after(args):
    """after/before of ParseBenchmark.bantin per round (the i-th run of each side)."""
    scores = {}
    for arg in args:
        side, path = arg.split("=", 1)
        for r in json.load(open(path)):
            fmt = r["params"]["format"]
            ops = statistics.mean(x for f in r["primaryMetric"]["rawData"] for x in f)
            alloc = statistics.mean(
                x for f in r["secondaryMetrics"]["gc.alloc.rate.norm"]["rawData"] for x in f)
            scores.setdefault((fmt, side), []).append((ops, alloc))
    print()
    print("%-32s %-26s" % ("bantin after/before", "median [min, max] over rounds"))
    for fmt in ("rss", "atom"):
        pairs = list(zip(scores.get((fmt, "after"), []), scores.get((fmt, "before"), [])))
        for name, k in (("ops/s", 0), ("alloc B/op", 1)):
            values = [a[k] / b[k] for a, b in pairs]
            if values:
                print("%-32s %.2fx [%.2f, %.2f]" % ("parse %s: %s" % (fmt, name),
                      statistics.median(values), min(values), max(values)))


if sys.argv[1] == "--before-after":
    before_after(sys.argv[2:])
    sys.exit()

runs = {}
for r in json.load(open(sys.argv[1])):
    cls, method = r["benchmark"].rsplit(".", 2)[-2:]
    key = (cls, r.get("params", {}).get("format", "mix"), method)
    forks = lambda raw: [statistics.mean(f) for f in raw if f]
    alloc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
    runs[key] = {"ops": forks(r["primaryMetric"]["rawData"]),
                 "alloc": forks(alloc["rawData"]) if alloc else []}


def ratio(a, b, metric):
    if a not in runs or b not in runs or not runs[a][metric] or not runs[b][metric]:
        return None
    values = [x / y for x in runs[a][metric] for y in runs[b][metric] if y]
    return statistics.median(values), min(values), max(values)


def cell(r):
    return "-" if r is None else "%.2fx [%.2f, %.2f]" % r


rows = []
for fmt in ("rss", "atom"):
    p = lambda m: ("ParseBenchmark", fmt, m)
    rows.append(("parse %s: bantin/rome ops/s" % fmt, ratio(p("bantin"), p("rome"), "ops"), ">= 1.6", lambda r: r[0] >= 1.6))
    rows.append(("parse %s: bantin/rome alloc B/op" % fmt, ratio(p("bantin"), p("rome"), "alloc"), "<= 0.75", lambda r: r[0] <= 0.75))
    rows.append(("parse %s: stax/bantin ops/s" % fmt, ratio(p("stax"), p("bantin"), "ops"), "(floor)", None))
d = lambda m: ("DateBenchmark", "mix", m)
rows.append(("dates: bantin/rome ops/s", ratio(d("bantin"), d("rome"), "ops"), ">= 10", lambda r: r[0] >= 10))
rows.append(("dates: bantin/rome alloc B/op", ratio(d("bantin"), d("rome"), "alloc"), "(info)", None))

print()
print("%-36s %-26s %-9s %s" % ("figure", "median [min, max]", "target", "met"))
for name, r, target, ok in rows:
    met = "-" if r is None or ok is None else ("yes" if ok(r) else "NO")
    print("%-36s %-26s %-9s %s" % (name, cell(r), target, met))

print()
print("%-44s %16s %16s" % ("benchmark", "ops/s (median)", "B/op (median)"))
for key in sorted(runs):
    v = runs[key]
    med = lambda xs: "%.0f" % statistics.median(xs) if xs else "-"
    print("%-44s %16s %16s" % ("%s.%s [%s]" % (key[0], key[2], key[1]), med(v["ops"]), med(v["alloc"])))
