package vn.bantin.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * The measured runs of {@link SharedPollBench}: pairs of poll cycles, one instance (a full
 * refresh of {@code a}) against two (full refreshes of {@code a} and {@code b} sent at once, a
 * cycle lasting until the later answer), in alternating order. A cycle polls every source once
 * in all, checked against the upstream's counters; polls beyond that (a source both instances
 * polled) are counted and reported, not failed. Appends its tables to the report.
 */
final class SharedCycles {
  private final PollUpstream upstream;
  private final int feeds;
  private final int items;
  private final BantinProcess a;
  private final BantinProcess b;
  private final long postgresPid;
  private final StringBuilder report;
  private final Map<String, double[]> cpu = new TreeMap<>();
  private final Map<String, Integer> cpuCycles = new TreeMap<>();
  private boolean counting;
  private int generation;

  /** One cycle: seconds, sources polled by a and b, requests the upstream answered. */
  private record Cycle(double seconds, int byA, int byB, long requests) {}

  SharedCycles(PollUpstream upstream, int feeds, int items, BantinProcess a, BantinProcess b,
      long postgresPid, StringBuilder report) {
    this.upstream = upstream;
    this.feeds = feeds;
    this.items = items;
    this.a = a;
    this.b = b;
    this.postgresPid = postgresPid;
    this.report = report;
  }

  /**
   * Settles the polls both instances start with (generation 0: feeds without items), then five
   * unchanged cycles of each kind and, when {@code changed}, one changed cycle of each, not
   * counted: the JIT of both instances compiles the poll and store code meanwhile.
   */
  void warmUp(boolean changed) {
    System.out.println("== warm-up (not counted)");
    CompletableFuture<BantinProcess.Refresh> first = a.refreshAsync();
    b.refreshAsync().join();
    first.join();
    for (int i = 0; i < 5; i++) {
      print("warm-up unchanged one", one(false));
      print("warm-up unchanged two", two(false));
    }
    if (changed) {
      print("warm-up changed one", one(true));
      print("warm-up changed two", two(true));
    }
  }

  /** {@code pairs} unchanged pairs, the first {@code changedPairs} each followed by a changed one. */
  void run(int pairs, int changedPairs) {
    Ratios unchanged = new Ratios();
    Ratios unchangedOne = new Ratios();
    Ratios unchangedTwo = new Ratios();
    Ratios changed = new Ratios();
    Ratios changedOne = new Ratios();
    Ratios changedTwo = new Ratios();
    long[] extra = new long[2];
    StringBuilder runs = new StringBuilder("| pair | kind | order | one s | two s |"
        + " two: sources by a / b | two: upstream requests |\n|---|---|---|---|---|---|---|\n");
    String load = PollPairs.uptime();
    counting = true;
    for (int p = 1; p <= pairs; p++) {
      for (boolean isChanged : p <= changedPairs ? List.of(false, true) : List.of(false)) {
        boolean oneFirst = p % 2 == 1;
        String kind = isChanged ? "changed" : "unchanged";
        Cycle one;
        Cycle two;
        if (oneFirst) {
          one = print("pair " + p + " " + kind + " one", one(isChanged));
          two = print("pair " + p + " " + kind + " two", two(isChanged));
        } else {
          two = print("pair " + p + " " + kind + " two", two(isChanged));
          one = print("pair " + p + " " + kind + " one", one(isChanged));
        }
        (isChanged ? changed : unchanged).add(two.seconds() / one.seconds());
        double per = isChanged ? (double) feeds * items : feeds;
        (isChanged ? changedOne : unchangedOne).add(per / one.seconds());
        (isChanged ? changedTwo : unchangedTwo).add(per / two.seconds());
        extra[isChanged ? 1 : 0] += two.requests() - feeds;
        runs.append("| %d | %s | %s | %.3f | %.3f | %d / %d | %d |\n".formatted(p, kind,
            oneFirst ? "one, two" : "two, one", one.seconds(), two.seconds(), two.byA(),
            two.byB(), two.requests()));
      }
    }
    counting = false;
    report.append("## Poll cycle on the shared store: one instance against two\n\n")
        .append(feeds).append(" sources of ").append(items).append(" entries, ").append(pairs)
        .append(" unchanged pairs, ").append(changedPairs).append(" changed pairs\n\n")
        .append("load before: ").append(load).append("\nload after: ")
        .append(PollPairs.uptime()).append("\n\n")
        .append("| figure | median [min, max] |\n|---|---|\n")
        .append("| unchanged: two / one time | ").append(unchanged.summary("%.2fx"))
        .append(" |\n| unchanged: sources/s, one | ").append(unchangedOne.summary("%.0f"))
        .append(" |\n| unchanged: sources/s, two | ").append(unchangedTwo.summary("%.0f"))
        .append(" |\n| changed: two / one time | ").append(changed.summary("%.2fx"))
        .append(" |\n| changed: entries/s end to end, one | ").append(changedOne.summary("%.0f"))
        .append(" |\n| changed: entries/s end to end, two | ").append(changedTwo.summary("%.0f"))
        .append(" |\n\nPolls beyond one per source in the measured two-instance cycles: ")
        .append(extra[0]).append(" unchanged, ").append(extra[1]).append(" changed.\n\n")
        .append(runs).append("\nCPU seconds per cycle (mean over the measured cycles):\n\n");
    cpu.forEach((what, s) -> report.append("- %s: a %.2f, b %.2f, postgresql %.2f%n"
        .formatted(what, s[0] / cpuCycles.get(what), s[1] / cpuCycles.get(what),
            s[2] / cpuCycles.get(what))));
    report.append('\n');
    System.out.print(report);
  }

  /** A full refresh of {@code a} alone. */
  private Cycle one(boolean changed) {
    if (changed) {
      nextGeneration();
    }
    long[] before = upstream.counts();
    double[] cpuBefore = cpuNow();
    BantinProcess.Refresh r = a.refresh();
    cpuUsed((changed ? "changed" : "unchanged") + " one", cpuBefore);
    check(List.of(r), changed);
    long requests = checkRequests(before, changed);
    if (requests != feeds || r.count("sources") != feeds) {
      throw new IllegalStateException("one instance polled " + r.summary() + ", upstream "
          + requests + " requests, wanted " + feeds);
    }
    return new Cycle(r.nanos() / 1e9, r.count("sources"), 0, requests);
  }

  /** Full refreshes of {@code a} and {@code b} sent at once, until the later answer. */
  private Cycle two(boolean changed) {
    if (changed) {
      nextGeneration();
    }
    long[] before = upstream.counts();
    double[] cpuBefore = cpuNow();
    CompletableFuture<BantinProcess.Refresh> fa = a.refreshAsync();
    CompletableFuture<BantinProcess.Refresh> fb = b.refreshAsync();
    BantinProcess.Refresh ra = fa.join();
    BantinProcess.Refresh rb = fb.join();
    cpuUsed((changed ? "changed" : "unchanged") + " two", cpuBefore);
    check(List.of(ra, rb), changed);
    long requests = checkRequests(before, changed);
    long start = Math.min(ra.startNanos(), rb.startNanos());
    long end = Math.max(ra.startNanos() + ra.nanos(), rb.startNanos() + rb.nanos());
    System.out.printf("    a: %s in %.3f s; b: %s in %.3f s%n", ra.summary(), ra.nanos() / 1e9,
        rb.summary(), rb.nanos() / 1e9);
    return new Cycle((end - start) / 1e9, ra.count("sources"), rb.count("sources"), requests);
  }

  /**
   * The answers together: no errors, every source polled at least once, and for a changed
   * cycle every entry a new story (a source polled twice is 304 the second time).
   */
  private void check(List<BantinProcess.Refresh> answers, boolean changed) {
    int sources = 0;
    int fetched = 0;
    int fresh = 0;
    for (BantinProcess.Refresh r : answers) {
      if (r.count("errors") != 0) {
        throw new IllegalStateException("refresh with errors: " + r.summary());
      }
      sources += r.count("sources");
      fetched += r.count("fetched");
      fresh += r.count("new");
    }
    if (sources < feeds || (changed && (fetched != feeds || fresh != feeds * items))
        || (!changed && fetched != 0)) {
      throw new IllegalStateException("refreshes answered " + answers.stream()
          .map(BantinProcess.Refresh::summary).toList() + " for " + feeds + " sources");
    }
  }

  /** Requests the upstream answered since {@code before}: 200s exactly one per source if changed. */
  private long checkRequests(long[] before, boolean changed) {
    long[] after = upstream.counts();
    long ok = after[0] - before[0];
    long notModified = after[1] - before[1];
    if (ok != (changed ? feeds : 0) || ok + notModified < feeds) {
      throw new IllegalStateException("upstream answered " + ok + " 200s and " + notModified
          + " 304s for " + feeds + " sources");
    }
    return ok + notModified;
  }

  private double[] cpuNow() {
    return new double[] {ProcessCpu.of(a.pid()), ProcessCpu.of(b.pid()),
        ProcessCpu.tree(postgresPid)};
  }

  private void cpuUsed(String what, double[] before) {
    double[] after = cpuNow();
    double[] used = new double[3];
    for (int i = 0; i < 3; i++) {
      used[i] = after[i] - before[i];
    }
    System.out.printf("    CPU s: a %.2f, b %.2f, postgresql %.2f%n", used[0], used[1], used[2]);
    if (counting) {
      cpuCycles.merge(what, 1, Integer::sum);
      double[] sum = cpu.computeIfAbsent(what, k -> new double[3]);
      for (int i = 0; i < 3; i++) {
        sum[i] += used[i];
      }
    }
  }

  /** The upstream's generation now. */
  int generation() {
    return generation;
  }

  private void nextGeneration() {
    upstream.generation(++generation);
  }

  private static Cycle print(String what, Cycle c) {
    System.out.printf("  %-28s %7.3f s (%d requests; a %d, b %d sources)%n", what, c.seconds(),
        c.requests(), c.byA(), c.byB());
    return c;
  }
}
