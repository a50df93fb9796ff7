package vn.bantin.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * The measured runs of {@link PollBench}: poll-cycle pairs (bantin against the reference, all
 * unchanged and all changed) and serving pairs (wrk alone against wrk during a changed cycle),
 * each pair in alternating order. Appends its tables to the report and prints every run.
 */
final class PollPairs {
  /** Warm-up rounds (one unchanged cycle of each side) run whatever the compilers do. */
  static final int MIN_WARM_UP_ROUNDS = 10;
  /** Rounds in a row the compilers must stay (nearly) idle before measuring. */
  static final int SETTLED_ROUNDS = 3;
  /** Compiler CPU of a settled round: one /proc tick. */
  static final double JIT_SETTLED_SECONDS = 0.01;
  /**
   * Compiler CPU of a settled changed warm-up round. A changed cycle runs most of bantin's code
   * (parse, normalize, dedup, store) tens of thousands of times, so C2 keeps compiling for a few
   * cycles of 200 × 50 (1.9 s, 1.3, 1.3, 1.5, then 0.3 to 0.5 s a cycle, 2026-11-27), where the
   * reference's parse pass, run thousands of times in this JVM, is long compiled.
   */
  static final double CHANGED_JIT_SETTLED_SECONDS = 0.5;
  /**
   * Compiler CPU of a settled serving warm-up pair, over its polling run. After the changed
   * warm-up, the first cycles under wrk still compiled 1.25 and 0.64 s (the rest of bantin's
   * ingest used ~0.45 s), then 0.12-0.38 s (2026-11-28).
   */
  static final double SERVING_JIT_SETTLED_SECONDS = 0.2;
  /** wrk's request headers: a feed reader's. */
  private static final List<String> WRK_HEADERS = List.of("Accept-Encoding: gzip");
  /** bantin's Vert.x event loops in {@link ThreadCpu#of} ("vert.x-eventloop-thread-N"). */
  private static final String EVENT_LOOPS = "vert.x-eventloo";
  /** bantin's meters {@link #meters} reads, and their places in its answer. */
  private static final String[] METERS = {"bantin_render_count_total",
      "bantin_store_writer_rest_seconds_total", "jvm_gc_pause_seconds_count",
      "jvm_gc_pause_seconds_sum"};
  private static final int RENDERS = 0;
  private static final int RESTED = 1;
  private static final int GC_PAUSES = 2;
  private static final int GC_PAUSED = 3;
  private final PollUpstream upstream;
  private final int feeds;
  private final int items;
  private final BantinProcess bantin;
  private final PollReference reference;
  private final PollReference metered;
  private final StringBuilder report;
  private final List<String> urls = new ArrayList<>();
  private final Ratios changedSeconds = new Ratios();
  private final Map<String, Map<String, Double>> cpu = new TreeMap<>();
  private final Map<String, Integer> cpuCycles = new TreeMap<>();
  private final JitCpu bantinJit;
  /** JIT compiler seconds during each measured unchanged cycle: bantin's, the reference's. */
  private final Ratios jitBantin = new Ratios();
  private final Ratios jitReference = new Ratios();
  /** The CPU of the last measured cycle: bantin's event loops, all bantin, the reference's. */
  private double bantinLoopCpu;
  private double bantinCpu;
  private double referenceLoopCpu;
  private double lastReferenceJit;
  private final JitCpu benchCycleJit = new JitCpu(ProcessHandle.current().pid());
  private boolean counting;
  private int generation;
  private int warmUpRounds;
  private boolean warmUpSettled;
  private int changedWarmUpRounds;
  private boolean changedWarmUpSettled;
  /** After which changed pair {@link #snapshotAfter} copies bantin's store; 0: none. */
  private int snapshotPair;
  private Path snapshotData;
  private Path snapshotTo;

  PollPairs(PollUpstream upstream, int port, int feeds, int items, BantinProcess bantin,
      PollReference reference, PollReference metered, StringBuilder report) {
    this.upstream = upstream;
    this.feeds = feeds;
    this.items = items;
    this.bantin = bantin;
    this.reference = reference;
    this.metered = metered;
    this.report = report;
    this.bantinJit = new JitCpu(bantin.pid());
    for (int f = 1; f <= feeds; f++) {
      urls.add(upstream.url(f, port));
    }
  }

  /**
   * Copies bantin's database and its WAL ({@code bantin.db}, {@code bantin.db-wal}) from {@code
   * dataDir} into directory {@code to} right after bantin's cycle of changed pair {@code pair},
   * for {@link WalPages}: the WAL first, so that every page it names is in the database copy.
   */
  void snapshotAfter(int pair, Path dataDir, Path to) {
    snapshotPair = pair;
    snapshotData = dataDir;
    snapshotTo = to;
  }

  private void snapshot(int pair) throws IOException {
    if (pair != snapshotPair) {
      return;
    }
    Files.createDirectories(snapshotTo);
    for (String file : List.of("bantin.db-wal", "bantin.db")) {
      Files.copy(snapshotData.resolve(file), snapshotTo.resolve(file),
          StandardCopyOption.REPLACE_EXISTING);
    }
    System.out.println("    copied bantin's database and WAL into " + snapshotTo);
  }

  /**
   * Settles bantin's first poll (of generation 0, feeds without items), then warms both sides
   * up the way a server runs, warm: rounds of one unchanged cycle of each side (and of bantin's
   * one-source refresh, and in the first rounds a read of its /metrics) until bantin's
   * JIT compiler used at most {@link #JIT_SETTLED_SECONDS} over each of {@link #SETTLED_ROUNDS}
   * rounds in a row (this JVM's, which runs the reference and the upstream, is printed too); at
   * least {@link #MIN_WARM_UP_ROUNDS}, at most {@code maxRounds}. Then rounds of one changed
   * cycle of each side, until bantin's compiler used at most {@link
   * #CHANGED_JIT_SETTLED_SECONDS} over one, at most {@code maxChangedRounds} (0: none). None of
   * it is counted.
   */
  void warmUp(int maxChangedRounds, int maxRounds) {
    System.out.println("== warm-up (not counted)");
    bantin.refresh(); // joins the poll bantin starts with
    bantinJit.sinceLast();
    int settled = 0;
    int round = 0;
    while (round < maxRounds && (round < MIN_WARM_UP_ROUNDS || settled < SETTLED_ROUNDS)) {
      round++;
      print("warm-up unchanged bantin", unchangedBantin());
      print("warm-up unchanged reference", unchangedReference(reference));
      double benchCompiler = lastReferenceJit;
      print("warm-up unchanged reference with metrics", unchangedReference(metered));
      benchCompiler += lastReferenceJit;
      // What the measured pairs do besides their cycles: without these in the warm-up, the first
      // read of /metrics and the first one-source refreshes came with the pairs, and bantin's
      // compiler used 0.011-0.037 s in each measured cycle (a cycle is ~0.025 s on 2 cores).
      // The pairs read /metrics only before and after them: the first ten rounds read it too
      // (in every round the compiler settled later: after 49-57 rounds of 1,000 sources, not
      // 31-46).
      oneSourceBantin();
      if (round <= MIN_WARM_UP_ROUNDS) {
        meters();
      }
      double bantinCompiler = bantinJit.sinceLast();
      System.out.printf("    round %d: JIT compiler CPU s: bantin %.3f, bench JVM %.3f%n", round,
          bantinCompiler, benchCompiler);
      // bantin's compiler decides: this JVM's keeps compiling the benchmark's own bookkeeping
      // (reading /proc, printing) a little longer, in the background of the reference cycles.
      boolean quiet = bantinCompiler <= JIT_SETTLED_SECONDS;
      settled = quiet ? settled + 1 : 0;
    }
    warmUpRounds = round;
    warmUpSettled = settled >= SETTLED_ROUNDS;
    if (!warmUpSettled) {
      System.out.println("    the JIT compilers were still busy after " + round + " rounds");
    }
    while (changedWarmUpRounds < maxChangedRounds && !changedWarmUpSettled) {
      changedWarmUpRounds++;
      nextGeneration();
      bantinJit.sinceLast();
      print("warm-up changed bantin", changedBantin());
      print("warm-up changed reference", changedReference(false));
      print("warm-up changed reference+parse", changedReference(true));
      double bantinCompiler = bantinJit.sinceLast();
      System.out.printf("    changed round %d: bantin's JIT compiler CPU s %.3f%n",
          changedWarmUpRounds, bantinCompiler);
      changedWarmUpSettled = bantinCompiler <= CHANGED_JIT_SETTLED_SECONDS;
    }
  }

  /**
   * {@code pairs} pairs of unchanged cycles, the first {@code changedPairs} of them each followed
   * by a pair of changed cycles; JFR of bantin over them all when {@code profile} names a file.
   */
  void cycles(int pairs, int changedPairs, String profile)
      throws IOException, InterruptedException {
    Ratios unchanged = new Ratios();
    Ratios unchangedMetered = new Ratios();
    Ratios oneSource = new Ratios();
    Ratios unchangedLessOne = new Ratios();
    Ratios sourcesPerSecond = new Ratios();
    Ratios loopCpu = new Ratios();
    Ratios allCpu = new Ratios();
    Ratios changed = new Ratios();
    Ratios changedFetchOnly = new Ratios();
    Ratios entriesPerSecond = new Ratios();
    Ratios parseShare = new Ratios();
    StringBuilder runs = new StringBuilder("| pair | kind | bantin s | reference s |"
        + " reference+parse s |\n|---|---|---|---|---|\n");
    String load = uptime();
    double restedBefore = meters()[RESTED];
    counting = true;
    if (profile != null) {
      jcmd("JFR.start", "name=poll", "settings=profile", "filename=" + profile);
    }
    for (int p = 1; p <= pairs; p++) {
      boolean bantinFirst = p % 2 == 1;
      double b;
      double r;
      double rm;
      if (bantinFirst) {
        b = print("pair " + p + " unchanged bantin", unchangedBantin());
        r = print("pair " + p + " unchanged reference", unchangedReference(reference));
        rm = print("pair " + p + " unchanged reference+metrics", unchangedReference(metered));
      } else {
        rm = print("pair " + p + " unchanged reference+metrics", unchangedReference(metered));
        r = print("pair " + p + " unchanged reference", unchangedReference(reference));
        b = print("pair " + p + " unchanged bantin", unchangedBantin());
      }
      double one = oneSourceBantin();
      unchanged.add(b / r);
      unchangedMetered.add(b / rm);
      oneSource.add(one * 1e3);
      unchangedLessOne.add((b - one) / r);
      loopCpu.add(bantinLoopCpu / referenceLoopCpu);
      allCpu.add(bantinCpu / referenceLoopCpu);
      sourcesPerSecond.add(feeds / b);
      runs.append("| %d | unchanged | %.3f | %.3f (with metrics %.3f) | |\n".formatted(p, b, r,
          rm));
      if (p > changedPairs) {
        continue;
      }
      nextGeneration();
      double rf;
      double rp;
      if (bantinFirst) {
        b = print("pair " + p + " changed bantin", changedBantin());
        snapshot(p);
        rf = print("pair " + p + " changed reference", changedReference(false));
        rp = print("pair " + p + " changed reference+parse", changedReference(true));
      } else {
        rf = print("pair " + p + " changed reference", changedReference(false));
        rp = print("pair " + p + " changed reference+parse", changedReference(true));
        b = print("pair " + p + " changed bantin", changedBantin());
        snapshot(p);
      }
      changed.add(b / rp);
      changedFetchOnly.add(b / rf);
      entriesPerSecond.add((double) feeds * items / b);
      parseShare.add(rp / rf);
      changedSeconds.add(b);
      runs.append("| %d | changed | %.3f | %.3f | %.3f |\n".formatted(p, b, rf, rp));
    }
    counting = false;
    double rested = meters()[RESTED] - restedBefore;
    if (profile != null) {
      jcmd("JFR.stop", "name=poll");
    }
    report.append("## Poll cycle\n\n").append(feeds).append(" sources of ").append(items)
        .append(" entries, ").append(pairs).append(" unchanged pairs, ").append(changedPairs)
        .append(" changed pairs\n\nload before: ").append(load)
        .append("\nload after: ").append(uptime()).append("\n\n")
        .append("| figure | median [min, max] | target |\n|---|---|---|\n")
        .append("| unchanged: bantin / reference time | ").append(unchanged.summary("%.2fx"))
        .append(" | <= 1.5x |\n| unchanged: bantin / reference with bantin's Vert.x metrics | ")
        .append(unchangedMetered.summary("%.2fx"))
        .append(" | |\n| unchanged: bantin's refresh of one source (the admin request's round"
            + " trip and one poll), ms | ").append(oneSource.summary("%.2f"))
        .append(" | |\n| unchanged: (bantin - that one-source refresh) / reference time | ")
        .append(unchangedLessOne.summary("%.2fx"))
        .append(" | |\n| unchanged: CPU of bantin's event loops / the reference's event loop | ")
        .append(loopCpu.summary("%.2fx"))
        .append(" | |\n| unchanged: CPU of all bantin's threads / the reference's event loop | ")
        .append(allCpu.summary("%.2fx"))
        .append(" | |\n| unchanged: sources/s | ").append(sourcesPerSecond.summary("%.0f"))
        .append(" | >= 2000 |\n| changed: bantin / (reference + parse) time | ")
        .append(changed.summary("%.2fx")).append(" | <= 1.25x |\n")
        .append("| changed: bantin / reference (fetch only) time | ")
        .append(changedFetchOnly.summary("%.2fx")).append(" | |\n")
        .append("| changed: (reference + parse) / reference | ").append(parseShare.summary("%.2fx"))
        .append(" | |\n| changed: entries/s end to end (dedup and store included) | ")
        .append(entriesPerSecond.summary("%.0f")).append(" | |\n\n")
        .append("Warm-up: ").append(warmUpRounds).append(" rounds of one unchanged cycle of each"
            + " side, ").append(warmUpSettled ? "until" : "NOT SETTLED: stopped before")
        .append(" bantin's JIT compiler used at most ").append(JIT_SETTLED_SECONDS)
        .append(" s CPU in ").append(SETTLED_ROUNDS).append(" rounds in a row; then ")
        .append(changedWarmUpRounds).append(" rounds of one changed cycle of each side, ")
        .append(changedWarmUpSettled ? "until" : "NOT SETTLED: stopped before")
        .append(" bantin's JIT compiler used at most ").append(CHANGED_JIT_SETTLED_SECONDS)
        .append(" s CPU in one (the store held ").append(changedWarmUpRounds * feeds * items)
        .append(" entries then).\n"
            + "JIT compiler CPU s during each measured unchanged cycle, median [min, max]:"
            + " bantin's ").append(jitBantin.summary("%.3f"))
        .append(", the bench JVM's (reference and upstream) ")
        .append(jitReference.summary("%.3f")).append("\n")
        .append("bantin's store writer rested ").append("%.3f".formatted(rested))
        .append(" s over the measured cycles (it rests only while readers keep its event loops"
            + " busy; none here)\n\n").append(runs).append('\n')
        .append("bantin's CPU seconds per cycle by thread (mean over the measured cycles;"
            + " /proc truncates names to 15 characters):\n\n");
    cpu.forEach((kind, groups) -> {
      report.append("- ").append(kind).append(": ");
      StringBuilder line = new StringBuilder();
      groups.entrySet().stream()
          .sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
          .filter(e -> e.getValue() / cpuCycles.get(kind) >= 0.005)
          .forEach(e -> line.append(line.length() > 0 ? ", " : "").append(e.getKey())
              .append(String.format(" %.3f", e.getValue() / cpuCycles.get(kind))));
      report.append(line).append('\n');
    });
    report.append('\n');
    System.out.print(report);
  }

  /**
   * Profiles an unchanged cycle on both sides, after the measured pairs: JFR ({@code settings}:
   * a name such as {@code profile} or a .jfc file) of bantin over {@code cycles} unchanged cycles back to back, written to
   * {@code prefix-bantin.jfr}, then JFR of this JVM (the reference and the upstream) over as many
   * reference cycles, {@code prefix-reference.jfr}. Cycles of a few hundredths of a second hold
   * a few JFR samples each, hence many of them; starting a recording makes the JIT compile again,
   * hence separate from the measured pairs.
   */
  void profileUnchanged(int cycles, String prefix, String settings)
      throws IOException, InterruptedException {
    System.out.println("== JFR of " + cycles + " unchanged cycles of each side (not counted)");
    jcmd("JFR.start", "name=unchanged", "settings=" + settings,
        "filename=" + prefix + "-bantin.jfr");
    double seconds = 0;
    for (int i = 0; i < cycles; i++) {
      seconds += unchangedBantin();
    }
    jcmd("JFR.stop", "name=unchanged");
    System.out.printf("  bantin: %d cycles, %.3f s each on average%n", cycles, seconds / cycles);
    Configuration configuration;
    try {
      configuration = settings.endsWith(".jfc")
          ? Configuration.create(Path.of(settings)) : Configuration.getConfiguration(settings);
    } catch (java.text.ParseException e) {
      throw new IOException(e);
    }
    try (Recording recording = new Recording(configuration)) {
      recording.setDestination(Path.of(prefix + "-reference.jfr"));
      recording.start();
      seconds = 0;
      for (int i = 0; i < cycles; i++) {
        seconds += unchangedReference(reference);
      }
      recording.stop();
    }
    System.out.printf("  reference: %d cycles, %.3f s each on average%n", cycles,
        seconds / cycles);
  }

  /**
   * {@code pairs} pairs of wrk on the cached category feed (gzip): alone, and during a changed
   * cycle started with it. {@code seconds} 0 means the median changed cycle, 3 to 20 s. First,
   * not counted, at most {@code maxWarmUp} such pairs until bantin's JIT compiler used at most
   * {@link #SERVING_JIT_SETTLED_SECONDS} over a polling run: a server polls for days, and the
   * changed warm-up ({@link #warmUp}) never ran its cycles under a read load.
   */
  void serving(int pairs, int seconds, int connections, int maxWarmUp) throws Exception {
    if (seconds <= 0) {
      if (changedSeconds.isEmpty()) {
        nextGeneration();
        changedSeconds.add(changedBantin());
      }
      seconds = (int) Math.max(3, Math.min(20, Math.round(changedSeconds.median())));
    }
    String url = bantin.base() + "/feeds/tin.rss?limit=100";
    System.out.println("== serving: wrk -t2 -c" + connections + " -d" + seconds + "s " + url);
    WrkRun.await(WrkRun.start(url, 3, connections, WRK_HEADERS), 3); // warm-up
    String header = "| pair | alone req/s | alone p99 ms | polling req/s | polling p99 ms | cycle s"
        + " | renders while polling | writer rested s | JIT s polling | event loops CPU s alone"
        + " / polling | event loops waited for a core s alone / polling | ingest CPU s polling"
        + " | GC pauses alone / polling |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|\n";
    StringBuilder warmUps = new StringBuilder(header);
    int warmUp = 0;
    boolean settled = false;
    while (warmUp < maxWarmUp && !settled) {
      warmUp++;
      ServingPair pair = servingPair(url, seconds, connections, warmUp);
      warmUps.append(pair.row(warmUp));
      System.out.print("warm-up " + pair.row(warmUp));
      settled = pair.polling.cpu(JitCpu.GROUP) <= SERVING_JIT_SETTLED_SECONDS;
    }
    Ratios rps = new Ratios();
    Ratios p99 = new Ratios();
    Ratios covered = new Ratios();
    StringBuilder runs = new StringBuilder(header);
    String load = uptime();
    for (int p = 1; p <= pairs; p++) {
      ServingPair pair = servingPair(url, seconds, connections, p);
      rps.add(pair.polling.wrk.requestsPerSecond() / pair.alone.wrk.requestsPerSecond());
      p99.add(pair.polling.wrk.p99Micros() / pair.alone.wrk.p99Micros());
      covered.add(Math.min(1, pair.cycleSeconds / seconds));
      System.out.print(pair.row(p));
      runs.append(pair.row(p));
    }
    report.append("## Serving under polling\n\nwrk -t2 -c").append(connections).append(" -d")
        .append(seconds).append("s --latency -H 'Accept-Encoding: gzip' /feeds/tin.rss?limit=100"
            + " (all sources in the category), ").append(pairs).append(" pairs\n\nload before: ")
        .append(load).append("\nload after: ").append(uptime()).append("\n\n")
        .append("| figure | median [min, max] | target |\n|---|---|---|\n")
        .append("| req/s polling / alone | ").append(rps.summary("%.2fx")).append(" | >= 0.8x |\n")
        .append("| p99 polling / alone | ").append(p99.summary("%.2fx")).append(" | <= 1.5x |\n")
        .append("| share of the wrk run the cycle lasted | ").append(covered.summary("%.2f"))
        .append(" | 1.00 |\n\n");
    if (covered.median() < 0.9) {
      // A 20 s run around a 3 s cycle measured mostly idle time: 0.93-1.03x req/s where the
      // cycle itself kept 0.64-0.67x (BENCHMARKS.md, fifth round).
      report.append("NOT COMPARABLE: the cycle lasted only part of each wrk run, so the polling"
          + " figures average in time without polling; leave SERVE_SECONDS unset.\n\n");
    }
    report.append(runs).append("\nWarm-up: ").append(warmUp).append(" pairs, not counted, ")
        .append(settled ? "until" : "NOT SETTLED: stopped before").append(" bantin's JIT compiler"
            + " used at most ").append(SERVING_JIT_SETTLED_SECONDS).append(" s CPU over a polling"
            + " run; ingest CPU: bantin's threads named bantin-* (inflate, parse, keys, store"
            + " writer, checkpoints, and the store readers and renders that serve)\n\n")
        .append(warmUps).append('\n');
    System.out.print(report.substring(report.lastIndexOf("## Serving")));
  }

  /** wrk alone and wrk during a changed cycle, alone first in odd pairs, last in even ones. */
  private ServingPair servingPair(String url, int seconds, int connections, int p)
      throws Exception {
    Measured alone = null;
    if (p % 2 == 1) {
      alone = aloneRun(url, seconds, connections);
    }
    nextGeneration(); // before wrk starts: rendering the upstream's feeds is not bantin's work
    Snapshot before = snapshot();
    Process wrk = WrkRun.start(url, seconds, connections, WRK_HEADERS);
    CompletableFuture<BantinProcess.Refresh> cycle = bantin.refreshAsync();
    Measured polling = since(before, WrkRun.await(wrk, seconds));
    BantinProcess.Refresh done = cycle.join();
    double[] cycleMeters = minus(meters(), before.meters());
    check(done, "fetched", feeds);
    if (alone == null) {
      alone = aloneRun(url, seconds, connections);
    }
    return new ServingPair(alone, polling, done.nanos() / 1e9, cycleMeters[RENDERS],
        cycleMeters[RESTED]);
  }

  private Measured aloneRun(String url, int seconds, int connections) throws Exception {
    Snapshot before = snapshot();
    return since(before,
        WrkRun.await(WrkRun.start(url, seconds, connections, WRK_HEADERS), seconds));
  }

  /** bantin's {@link #meters}, and its threads' CPU and waits by {@link ThreadCpu} group. */
  private record Snapshot(double[] meters, Map<String, Double> cpu, Map<String, Double> waited) {}

  private Snapshot snapshot() {
    return new Snapshot(meters(), ThreadCpu.of(bantin.pid()), ThreadCpu.waited(bantin.pid()));
  }

  /** {@code run}, with what bantin used and how its meters moved since {@code before}. */
  private Measured since(Snapshot before, WrkRun run) {
    Snapshot after = snapshot();
    return new Measured(run, ThreadCpu.minus(after.cpu(), before.cpu()),
        ThreadCpu.minus(after.waited(), before.waited()), minus(after.meters(), before.meters()));
  }

  private static double[] minus(double[] after, double[] before) {
    double[] used = new double[after.length];
    Arrays.setAll(used, i -> after[i] - before[i]);
    return used;
  }

  /**
   * One wrk run, with the seconds bantin's threads used a core and waited for one meanwhile, by
   * {@link ThreadCpu} group, and how its {@link #meters} moved.
   */
  private record Measured(WrkRun wrk, Map<String, Double> cpu, Map<String, Double> waited,
      double[] meters) {
    double cpu(String group) {
      return cpu.getOrDefault(group, 0.0);
    }

    String gcPauses() {
      return "%.0f, %.0f ms".formatted(meters[GC_PAUSES], meters[GC_PAUSED] * 1e3);
    }
  }

  /** One serving pair; the polling run's CPU and meters end with wrk, before the cycle may. */
  private record ServingPair(Measured alone, Measured polling, double cycleSeconds,
      double rendered, double rested) {
    String row(int p) {
      double ingest = polling.cpu.entrySet().stream().filter(e -> e.getKey().startsWith("bantin-"))
          .mapToDouble(Map.Entry::getValue).sum();
      return ("| %d | %.0f | %.2f | %.0f | %.2f | %.2f | %.0f | %.2f | %.2f | %.2f / %.2f"
          + " | %.2f / %.2f | %.2f | %s / %s |%s%n").formatted(p, alone.wrk.requestsPerSecond(),
          alone.wrk.p99Micros() / 1e3, polling.wrk.requestsPerSecond(),
          polling.wrk.p99Micros() / 1e3, cycleSeconds, rendered, rested,
          polling.cpu(JitCpu.GROUP), alone.cpu(EVENT_LOOPS), polling.cpu(EVENT_LOOPS),
          alone.waited.getOrDefault(EVENT_LOOPS, 0.0),
          polling.waited.getOrDefault(EVENT_LOOPS, 0.0), ingest,
          alone.gcPauses(), polling.gcPauses(),
          alone.wrk.errors() + polling.wrk.errors() > 0 ? " wrk ERRORS" : "");
    }
  }

  /**
   * From one read of bantin's {@code /metrics}: at {@link #RENDERS} the feeds it has rendered so
   * far (its {@code bantin_render_count_total} counters), at {@link #RESTED} the seconds its store
   * writer has rested so that readers came first (0 for a build before the twelfth round, which
   * has no such meter); NaN when unreadable.
   */
  private double[] meters() {
    double[] totals = new double[METERS.length];
    try {
      for (String line : bantin.get("/metrics").body().split("\n")) {
        for (int i = 0; i < METERS.length; i++) {
          if (line.startsWith(METERS[i])) {
            totals[i] += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
          }
        }
      }
      return totals;
    } catch (IOException | InterruptedException | RuntimeException e) {
      Arrays.fill(totals, Double.NaN);
      return totals;
    }
  }

  private double unchangedBantin() {
    long[] before = upstream.counts();
    Map<String, Double> cpuBefore = ThreadCpu.of(bantin.pid());
    upstream.markCycle();
    BantinProcess.Refresh r = bantin.refresh();
    Map<String, Double> cpuAfter = cpuUsed("unchanged", cpuBefore);
    if (counting) {
      jitBantin.add(cpuAfter.getOrDefault(JitCpu.GROUP, 0.0)
          - cpuBefore.getOrDefault(JitCpu.GROUP, 0.0));
      bantinLoopCpu = cpuAfter.getOrDefault(EVENT_LOOPS, 0.0)
          - cpuBefore.getOrDefault(EVENT_LOOPS, 0.0);
      bantinCpu = cpuAfter.values().stream().mapToDouble(Double::doubleValue).sum()
          - cpuBefore.values().stream().mapToDouble(Double::doubleValue).sum();
    }
    fetchedBy(r);
    check(r, "notModified", feeds);
    checkRequests(before, 0, feeds);
    return r.nanos() / 1e9;
  }

  /**
   * A refresh of one source (a 304), right after an unchanged cycle: what an admin refresh costs
   * besides its polls, timed the same way (from the bench's request to bantin's answer).
   */
  private double oneSourceBantin() {
    long[] before = upstream.counts();
    BantinProcess.Refresh r = bantin.refresh("bao-1");
    check(r, "notModified", 1);
    checkRequests(before, 0, 1);
    return r.nanos() / 1e9;
  }

  private double unchangedReference(PollReference reference) {
    long[] before = upstream.counts();
    benchCycleJit.sinceLast();
    PollReference.Cycle c = reference.cycle(urls, i -> upstream.etag(i + 1), false)
        .toCompletionStage().toCompletableFuture().join();
    double compiler = benchCycleJit.sinceLast();
    lastReferenceJit = compiler;
    System.out.printf("    reference event loop CPU s: %.3f; bench JVM's JIT compiler: %.3f%n",
        c.cpuNanos() / 1e9, compiler);
    if (counting && reference == this.reference) {
      jitReference.add(compiler);
      referenceLoopCpu = c.cpuNanos() / 1e9;
    }
    if (c.notModified() != feeds) {
      throw new IllegalStateException("reference: " + c);
    }
    checkRequests(before, 0, feeds);
    return c.nanos() / 1e9;
  }

  private double changedBantin() {
    long[] before = upstream.counts();
    Map<String, Double> cpuBefore = ThreadCpu.of(bantin.pid());
    upstream.markCycle();
    BantinProcess.Refresh r = bantin.refresh();
    cpuUsed("changed", cpuBefore);
    fetchedBy(r);
    check(r, "fetched", feeds);
    check(r, "new", feeds * items);
    checkRequests(before, feeds, 0);
    return r.nanos() / 1e9;
  }

  private double changedReference(boolean parse) {
    long[] before = upstream.counts();
    PollReference.Cycle c = reference.cycle(urls, i -> null, parse)
        .toCompletionStage().toCompletableFuture().join();
    if (c.ok() != feeds || (parse && c.entries() != feeds * items)) {
      throw new IllegalStateException("reference: " + c);
    }
    checkRequests(before, feeds, 0);
    return c.nanos() / 1e9;
  }

  /**
   * When the upstream saw the first request of a bantin cycle and sent its last answer, against
   * when the cycle ended (the admin's answer came): dispatch, fetching, and what follows.
   */
  private void fetchedBy(BantinProcess.Refresh r) {
    System.out.printf("    upstream's first request at %.3f s, last answer at %.3f s of %.3f s%n",
        (upstream.firstRequestNanos() - r.startNanos()) / 1e9,
        (upstream.lastAnswerNanos() - r.startNanos()) / 1e9, r.nanos() / 1e9);
  }

  private Map<String, Double> cpuUsed(String kind, Map<String, Double> before) {
    Map<String, Double> after = ThreadCpu.of(bantin.pid());
    System.out.println("    bantin CPU s: " + ThreadCpu.delta(before, after));
    if (counting) {
      cpuCycles.merge(kind, 1, Integer::sum);
      after.forEach((group, seconds) -> cpu.computeIfAbsent(kind, k -> new TreeMap<>())
          .merge(group, seconds - before.getOrDefault(group, 0.0), Double::sum));
    }
    return after;
  }

  private void nextGeneration() {
    upstream.generation(++generation);
    System.out.printf("  upstream: generation %d, %d kB of feeds as served%n", generation,
        upstream.generationBytes() / 1024);
  }

  private void check(BantinProcess.Refresh r, String key, int want) {
    if (r.count(key) != want || r.count("errors") != 0) {
      throw new IllegalStateException("bantin's refresh: " + r.summary() + ", wanted " + key
          + " = " + want);
    }
  }

  private void checkRequests(long[] before, int ok, int notModified) {
    long[] after = upstream.counts();
    System.out.printf("    new connections: %d%n", after[3] - before[3]);
    if (after[0] - before[0] != ok || after[1] - before[1] != notModified) {
      throw new IllegalStateException("upstream answered " + (after[0] - before[0]) + " 200s and "
          + (after[1] - before[1]) + " 304s, wanted " + ok + " and " + notModified);
    }
  }

  private static double print(String what, double seconds) {
    System.out.printf("  %-34s %7.3f s%n", what, seconds);
    return seconds;
  }

  private void jcmd(String... command) throws IOException, InterruptedException {
    List<String> line = new ArrayList<>(List.of("jcmd", Long.toString(bantin.pid())));
    line.addAll(List.of(command));
    Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
    System.out.print(new String(p.getInputStream().readAllBytes()));
    p.waitFor();
  }

  static String uptime() {
    try {
      Process p = new ProcessBuilder("uptime").start();
      return new String(p.getInputStream().readAllBytes()).trim();
    } catch (IOException e) {
      return "?";
    }
  }
}
