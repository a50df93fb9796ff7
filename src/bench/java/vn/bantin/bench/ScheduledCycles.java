package vn.bantin.bench;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Scheduled poll cycles on the shared store, for {@link SharedPollBench}: every source is made
 * due at once in the database ({@code next_poll = 0}), and the instances' schedulers (a look for
 * due sources every second, at most {@code fetch.concurrency} leases held per instance) poll
 * them; a cycle ends when no source is due or leased any more. One instance is {@code a} with
 * {@code b} frozen (SIGSTOP: it holds no lease then, and takes none), two is both. Here each
 * source is polled exactly once per cycle, which the upstream's counters check.
 */
final class ScheduledCycles {
  private static final long TIMEOUT_NANOS = TimeUnit.MINUTES.toNanos(10);

  private final PollUpstream upstream;
  private final int feeds;
  private final int items;
  private final BantinProcess b;
  private final Connection db;
  private final StringBuilder report;
  private int generation;

  /** {@code generation}: the upstream's current one, continued from here. */
  ScheduledCycles(PollUpstream upstream, int feeds, int items, BantinProcess b, Connection db,
      int generation, StringBuilder report) {
    this.upstream = upstream;
    this.feeds = feeds;
    this.items = items;
    this.b = b;
    this.db = db;
    this.generation = generation;
    this.report = report;
  }

  /** One warm-up pair, then {@code pairs} pairs of each kind asked, alternating order. */
  void run(int pairs, boolean unchanged, boolean changed) throws Exception {
    List<Boolean> kinds = changed && unchanged ? List.of(false, true)
        : List.of(changed);
    for (boolean isChanged : kinds) {
      String kind = isChanged ? "changed" : "unchanged";
      print("warm-up scheduled " + kind + " one", cycle(false, isChanged));
      print("warm-up scheduled " + kind + " two", cycle(true, isChanged));
    }
    String load = PollPairs.uptime();
    StringBuilder runs = new StringBuilder(
        "| pair | kind | order | one s | two s |\n|---|---|---|---|---|\n");
    Ratios[] ratio = {new Ratios(), new Ratios()};
    Ratios[] oneRate = {new Ratios(), new Ratios()};
    Ratios[] twoRate = {new Ratios(), new Ratios()};
    for (int p = 1; p <= pairs; p++) {
      for (boolean isChanged : kinds) {
        String kind = isChanged ? "changed" : "unchanged";
        double one;
        double two;
        if (p % 2 == 1) {
          one = print("pair " + p + " scheduled " + kind + " one", cycle(false, isChanged));
          two = print("pair " + p + " scheduled " + kind + " two", cycle(true, isChanged));
        } else {
          two = print("pair " + p + " scheduled " + kind + " two", cycle(true, isChanged));
          one = print("pair " + p + " scheduled " + kind + " one", cycle(false, isChanged));
        }
        int k = isChanged ? 1 : 0;
        double per = isChanged ? (double) feeds * items : feeds;
        ratio[k].add(two / one);
        oneRate[k].add(per / one);
        twoRate[k].add(per / two);
        runs.append("| %d | %s | %s | %.3f | %.3f |\n".formatted(p, kind,
            p % 2 == 1 ? "one, two" : "two, one", one, two));
      }
    }
    report.append("## Scheduled cycles on the shared store: one instance against two\n\n")
        .append("every source made due at once; ").append(feeds).append(" sources of ")
        .append(items).append(" entries, ").append(pairs).append(" pairs\n\nload before: ")
        .append(load).append("\nload after: ").append(PollPairs.uptime()).append("\n\n")
        .append("| figure | median [min, max] |\n|---|---|\n");
    for (boolean isChanged : kinds) {
      int k = isChanged ? 1 : 0;
      String kind = isChanged ? "changed" : "unchanged";
      String unit = isChanged ? "entries/s" : "sources/s";
      report.append("| %s: two / one time | %s |\n".formatted(kind, ratio[k].summary("%.2fx")))
          .append("| %s: %s, one | %s |\n".formatted(kind, unit, oneRate[k].summary("%.0f")))
          .append("| %s: %s, two | %s |\n".formatted(kind, unit, twoRate[k].summary("%.0f")));
    }
    report.append('\n').append(runs).append('\n');
    System.out.print(report.substring(report.lastIndexOf("## Scheduled")));
  }

  /** One cycle, timed from making every source due to none being due or leased. */
  private double cycle(boolean two, boolean changed) throws Exception {
    if (changed) {
      upstream.generation(++generation);
    }
    if (!two) {
      signal("STOP");
    }
    try {
      long[] before = upstream.counts();
      long started = System.nanoTime();
      try (Statement s = db.createStatement()) {
        s.executeUpdate("UPDATE sources SET next_poll = 0");
      }
      while (pending() > 0) {
        if (System.nanoTime() - started > TIMEOUT_NANOS) {
          throw new IllegalStateException("a scheduled cycle did not end within 10 minutes");
        }
        Thread.sleep(20);
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      long[] after = upstream.counts();
      long ok = after[0] - before[0];
      long notModified = after[1] - before[1];
      if (ok + notModified != feeds || ok != (changed ? feeds : 0)) {
        throw new IllegalStateException("scheduled cycle: upstream answered " + ok + " 200s and "
            + notModified + " 304s for " + feeds + " sources");
      }
      return seconds;
    } finally {
      if (!two) {
        signal("CONT");
      }
    }
  }

  /** Sources due or leased now, by the database's clock. */
  private int pending() throws SQLException {
    try (Statement s = db.createStatement();
        ResultSet rows = s.executeQuery("SELECT count(*) FROM sources WHERE NOT gone AND"
            + " (lease_holder IS NOT NULL OR next_poll IS NULL"
            + " OR next_poll <= (EXTRACT(EPOCH FROM now()) * 1000)::BIGINT)")) {
      rows.next();
      return rows.getInt(1);
    }
  }

  private void signal(String name) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(b.pid())).start();
    if (kill.waitFor() != 0) {
      throw new IOException("kill -" + name + " " + b.pid() + " failed");
    }
  }

  private static double print(String what, double seconds) {
    System.out.printf("  %-36s %7.3f s%n", what, seconds);
    return seconds;
  }
}
