#!/usr/bin/env python3
"""Ratios of bench/serve.sh: reads the runs (TSV) and the run's description (stdin, "key: value"
lines), prints the table of median per-pair ratios [min, max] against the targets and writes it
with every run to a markdown file.

usage: serve_report.py RUNS.tsv RESULT.md < description
"""
import csv
import statistics
import sys
from collections import defaultdict

# (scenario, rival, measure) -> (comparison, bound); the targets of the serving benchmark.
TARGETS = {
    ("identity", "nginx", "rps"): (">=", 1.0),
    ("identity", "reference", "rps"): (">=", 0.9),
    ("gzip", "nginx", "rps"): (">=", 1.0),
    ("gzip", "reference", "rps"): (">=", 0.9),
    ("304", "nginx", "rps"): (">=", 1.1),
    ("identity", "nginx", "p99"): ("<=", 2.0),
    ("gzip", "nginx", "p99"): ("<=", 2.0),
    ("304", "nginx", "p99"): ("<=", 2.0),
}
GZIP_OVER_IDENTITY = (">=", 1.5)


def main(runs_path, result_path):
    description = [line.rstrip("\n") for line in sys.stdin if line.strip()]
    runs = list(csv.DictReader(open(runs_path), delimiter="\t"))
    # (conns, scenario, rival, pair) -> server -> run
    by_pair = defaultdict(dict)
    for r in runs:
        by_pair[(int(r["conns"]), r["scenario"], r["rival"], int(r["pair"]))][r["server"]] = r

    rows = []  # (conns, scenario, what, ratios, target)
    ratios = defaultdict(list)
    for (conns, scenario, rival, pair), servers in sorted(by_pair.items()):
        b, o = servers.get("bantin"), servers.get(rival)
        if b and o:
            ratios[(conns, scenario, rival, "rps")].append(float(b["rps"]) / float(o["rps"]))
            ratios[(conns, scenario, rival, "p99")].append(
                float(b["p99_us"]) / max(1.0, float(o["p99_us"])))
    for (conns, scenario, rival, measure), values in sorted(
            ratios.items(), key=lambda kv: (-kv[0][0], order(kv[0][1]), kv[0][2], kv[0][3])):
        what = f"bantin/{rival} {'req/s' if measure == 'rps' else 'p99'}"
        rows.append((conns, scenario, what, values, TARGETS.get((scenario, rival, measure))))
    # gzip over identity of one server, from its runs of the same pair index and rival.
    conns_set = sorted({k[0] for k in by_pair}, reverse=True)
    rivals = sorted({k[2] for k in by_pair})
    for conns in conns_set:
        for rival in rivals:
            for server in ("bantin", rival):
                values = []
                for pair in sorted({k[3] for k in by_pair}):
                    g = by_pair.get((conns, "gzip", rival, pair), {}).get(server)
                    i = by_pair.get((conns, "identity", rival, pair), {}).get(server)
                    if g and i:
                        values.append(float(g["rps"]) / float(i["rps"]))
                if values:
                    label = f"{server} gzip/identity req/s" + (
                        f" (runs paired with {rival})" if server == "bantin" else "")
                    rows.append((conns, "gzip", label, values,
                                 GZIP_OVER_IDENTITY if server == "bantin" else None))

    table = ["| c | scenario | ratio | median [min, max] | target | met |",
             "|---|---|---|---|---|---|"]
    for conns, scenario, what, values, target in rows:
        med = statistics.median(values)
        cell = f"{med:.2f} [{min(values):.2f}, {max(values):.2f}]"
        goal, met = "", ""
        if target:
            op, bound = target
            goal = f"{op} {bound}"
            met = "yes" if (med >= bound if op == ">=" else med <= bound) else "**no**"
        table.append(f"| {conns} | {scenario} | {what} | {cell} | {goal} | {met} |")

    medians = ["| c | scenario | server | median req/s | median p99 (ms) | runs | errors |",
               "|---|---|---|---|---|---|---|"]
    groups = defaultdict(list)
    for r in runs:
        groups[(int(r["conns"]), r["scenario"], r["server"])].append(r)
    for (conns, scenario, server), rs in sorted(
            groups.items(), key=lambda kv: (-kv[0][0], order(kv[0][1]), kv[0][2])):
        medians.append("| %d | %s | %s | %.0f | %.2f | %d | %d |" % (
            conns, scenario, server, statistics.median(float(r["rps"]) for r in rs),
            statistics.median(float(r["p99_us"]) for r in rs) / 1000, len(rs),
            sum(int(r["errors"]) for r in rs)))

    print("\n".join(table))
    print()
    print("\n".join(medians))
    with open(result_path, "w") as out:
        out.write("# Serving benchmark\n\n")
        out.write("\n".join(f"- {line}" for line in description) + "\n\n")
        out.write("## Median per-pair ratios [min, max]\n\n" + "\n".join(table) + "\n\n")
        out.write("## Medians per server\n\n" + "\n".join(medians) + "\n\n")
        out.write("## Every run, in order\n\n| c | scenario | rival | pair | server | req/s | "
                  "p99 (us) | errors |\n|---|---|---|---|---|---|---|---|\n")
        for r in runs:
            out.write("| " + " | ".join(r[k] for k in (
                "conns", "scenario", "rival", "pair", "server", "rps", "p99_us", "errors"))
                + " |\n")


def order(scenario):
    return {"identity": 0, "gzip": 1, "304": 2}.get(scenario, 3)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
