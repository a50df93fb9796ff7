"""Tables of bench/poll-ab.sh: per figure of poll.sh's results, each run's median per build.

Arguments: build=result.md ..., in the order run. Figures are the rows of the results' first
table (their median cell) and the CPU seconds per cycle of the store's writer and keys threads.
"""
import collections
import re
import statistics
import sys

runs = collections.OrderedDict()
for arg in sys.argv[1:]:
    build, path = arg.split("=", 1)
    figures = {}
    text = open(path, encoding="utf-8").read()
    for name, median in re.findall(r"^\| ([^|]+?) \| ([0-9.]+)x? \[", text, re.M):
        figures[name] = float(median)
    for kind, line in re.findall(r"^- (changed|unchanged): (.*)$", text, re.M):
        for thread, seconds in re.findall(r"(bantin-store-wr|bantin-store-ke) ([0-9.]+)", line):
            figures["%s: %s CPU s per cycle" % (kind, thread)] = float(seconds)
    runs.setdefault(build, []).append(figures)

names = []
for results in runs.values():
    for figures in results:
        names += [n for n in figures if n not in names]
print("| figure | " + " | ".join(runs) + " |")
print("|---" * (len(runs) + 1) + "|")
for name in names:
    cells = []
    for results in runs.values():
        values = [f[name] for f in results if name in f]
        cells.append(" · ".join("%g" % v for v in values)
                     + (" (median %g)" % statistics.median(values) if len(values) > 1 else ""))
    print("| %s | %s |" % (name, " | ".join(cells)))
