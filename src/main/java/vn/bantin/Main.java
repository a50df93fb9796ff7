package vn.bantin;

import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import vn.bantin.config.ConfigException;
import vn.bantin.config.ConfigLoader;
import vn.bantin.config.ConfigProblem;
import vn.bantin.config.Settings;

/**
 * {@code java -jar bantin.jar [--conf FILE] [--feeds FILE] [--demo]}: reads the configuration,
 * starts bantin and stops it cleanly on SIGTERM or SIGINT (exit 0). An invalid configuration
 * exits 2 with one {@code file:line field: message} line per problem.
 */
public final class Main {
  private static final Duration MAX_EVENT_LOOP_TIME = Duration.ofSeconds(2);
  private static final long STOP_TIMEOUT_SECONDS = 60;
  private static final Path DEFAULT_CONF = Path.of("conf", "bantin.yml");
  private static final String LOG_FORMAT = "java.util.logging.SimpleFormatter.format";

  private Main() {}

  public static void main(String[] args) throws Exception {
    // One line per log record: time, level, logger, message.
    if (System.getProperty(LOG_FORMAT) == null) {
      System.setProperty(LOG_FORMAT, "%1$tF %1$tT.%1$tL %4$s %3$s: %5$s%6$s%n");
    }
    Path conf = DEFAULT_CONF;
    Path feedsFile = Path.of("feeds.yml");
    boolean demo = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--conf" -> conf = Path.of(argument(args, ++i, "--conf"));
        case "--feeds" -> feedsFile = Path.of(argument(args, ++i, "--feeds"));
        case "--demo" -> demo = true;
        default -> usage("unknown argument " + args[i]);
      }
    }
    // Installed before start-up, so that a signal arriving while starting is not lost either.
    CompletableFuture<Void> stopRequested = new CompletableFuture<>();
    sun.misc.Signal.handle(new sun.misc.Signal("TERM"), signal -> stopRequested.complete(null));
    sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> stopRequested.complete(null));
    Bantin bantin;
    try {
      Settings settings = settings(conf);
      bantin = demo ? startDemo(settings) : start(settings, feedsFile);
    } catch (ConfigException e) {
      for (ConfigProblem p : e.problems()) {
        System.err.println(p);
      }
      System.exit(2);
      return;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof ConfigException invalid) { // shared store: checked once open
        invalid.problems().forEach(System.err::println);
        System.exit(2);
        return;
      }
      System.err.println("bantin could not start: " + e.getCause().getMessage());
      System.exit(1);
      return;
    }
    stopRequested.join();
    bantin.stop().toCompletionStage().toCompletableFuture().get(STOP_TIMEOUT_SECONDS,
        TimeUnit.SECONDS);
    System.exit(0);
  }

  /** The settings of {@code conf}; every default when the default file is absent. */
  private static Settings settings(Path conf) throws ConfigException {
    if (conf.equals(DEFAULT_CONF) && !Files.exists(conf)) {
      return ConfigLoader.applyEnv(ConfigLoader.defaults(), System.getenv());
    }
    return ConfigLoader.loadSettings(conf, System.getenv());
  }

  private static Bantin start(Settings settings, Path feedsFile) throws Exception {
    return Bantin.start(settings, feedsFile, InstantSource.system(), MAX_EVENT_LOOP_TIME)
        .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  /**
   * Serves the bundled sample feeds to itself over loopback; state, and the demo's feeds.yml
   * (editable through the admin API like any other), go to data/demo.
   */
  private static Bantin startDemo(Settings settings) throws Exception {
    Vertx upstreamVertx = Vertx.vertx();
    int port = DemoUpstream.start(upstreamVertx).toCompletionStage().toCompletableFuture()
        .get(10, TimeUnit.SECONDS).actualPort();
    Path dataDir = settings.store().dataDir().resolve("demo");
    Files.createDirectories(dataDir);
    Path feeds = dataDir.resolve("feeds.yml");
    Files.writeString(feeds, DemoUpstream.feedsYaml(port));
    Settings.Fetch f = settings.fetch();
    Settings demo = new Settings(settings.http(),
        new Settings.Store(dataDir, settings.store().url(),
            settings.store().retention(), settings.store().readPoolSize()),
        settings.admin(),
        new Settings.Fetch(f.connectTimeout(), f.deadline(), f.maxBodyBytes(),
            f.maxDecodedBytes(), f.maxRedirects(), f.concurrency(), f.perHostConcurrency(), true,
            f.userAgent()),
        settings.poll(), settings.parse(), settings.serve());
    Bantin bantin = start(demo, feeds);
    // The feeds are served from the start, empty until the first polls are stored: the address
    // is printed once they are, so that whoever opens it first sees the merged feeds.
    bantin.refreshAll().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    String base = "http://localhost:" + bantin.port();
    System.out.println("bantin demo: sample sources on "
        + "127.0.0.1:" + port + "; merged feeds at " + base + "/feeds/all.rss (.atom, .json), "
        + base + "/api/categories, " + base + "/feeds.opml");
    return bantin;
  }

  private static String argument(String[] args, int i, String flag) {
    if (i >= args.length) {
      usage(flag + " needs a file");
    }
    return args[i];
  }

  private static void usage(String problem) {
    System.err.println(problem);
    System.err.println("usage: java -jar bantin.jar [--conf FILE] [--feeds FILE] [--demo]");
    System.exit(64);
  }
}
