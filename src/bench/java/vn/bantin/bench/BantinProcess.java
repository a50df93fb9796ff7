package vn.bantin.bench;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * bantin's real jar in a process of its own, for the poll benchmarks: started with a settings
 * file and a feeds.yml, stopped (SIGTERM, then SIGKILL after 15 s) by {@link #stop} or by a JVM
 * shutdown hook. Its pid is written to {@code pidFile} so the calling script can kill it too.
 */
final class BantinProcess implements AutoCloseable {
  static final String TOKEN = "bench-token";

  private final Process process;
  private final String base;
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final Thread hook;

  /** What one {@code POST /admin/api/refresh} answered, and how long it took. */
  record Refresh(long startNanos, long nanos, JsonObject summary) {
    int count(String key) {
      return summary.getInteger(key, -1);
    }
  }

  private BantinProcess(Process process, int port) {
    this.process = process;
    this.base = "http://127.0.0.1:" + port;
    this.hook = new Thread(() -> process.destroyForcibly());
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /**
   * Starts {@code jar} on {@code port}, private networks allowed and the fetch limits given, and
   * waits up to 60 s for {@code /health}.
   */
  static BantinProcess start(Path jar, List<String> javaOptions, Path work, int port,
      Path feedsYml, int concurrency, int perHost) throws IOException, InterruptedException {
    return start(jar, javaOptions, work, port, feedsYml, concurrency, perHost, null);
  }

  /**
   * The same, with the shared store at {@code storeUrl} ({@code BANTIN_STORE_URL}) when not
   * null; {@code work} holds this instance's files (settings, data directory, log, pid).
   */
  static BantinProcess start(Path jar, List<String> javaOptions, Path work, int port,
      Path feedsYml, int concurrency, int perHost, String storeUrl)
      throws IOException, InterruptedException {
    Files.createDirectories(work);
    Path conf = work.resolve("bantin.yml");
    Files.writeString(conf, """
        http:
          host: 127.0.0.1
          port: %d
        store:
          data_dir: %s
        admin:
          token: %s
        fetch:
          allow_private_networks: true
          concurrency: %d
          per_host_concurrency: %d
        """.formatted(port, work.resolve("data"), TOKEN, concurrency, perHost));
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(javaOptions);
    command.addAll(List.of("-jar", jar.toString(), "--conf", conf.toString(), "--feeds",
        feedsYml.toString()));
    ProcessBuilder builder = new ProcessBuilder(command);
    if (storeUrl != null) {
      builder.environment().put("BANTIN_STORE_URL", storeUrl);
    }
    Process process = builder
        .redirectErrorStream(true)
        .redirectOutput(work.resolve("bantin.log").toFile())
        .start();
    Files.writeString(work.resolve("bantin.pid"), Long.toString(process.pid()));
    BantinProcess bantin = new BantinProcess(process, port);
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < until) {
      if (!process.isAlive()) {
        throw new IOException("bantin exited with " + process.exitValue() + "; see "
            + work.resolve("bantin.log"));
      }
      try {
        if (bantin.get("/health").statusCode() == 200) {
          return bantin;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    bantin.close();
    throw new IOException("bantin did not answer /health within 60 s");
  }

  long pid() {
    return process.pid();
  }

  String base() {
    return base;
  }

  /** Starts a full refresh; the future completes with its answer (at most 10 minutes). */
  CompletableFuture<Refresh> refreshAsync() {
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/admin/api/refresh"))
        .header("Authorization", "Bearer " + TOKEN)
        .timeout(Duration.ofMinutes(10))
        .POST(HttpRequest.BodyPublishers.noBody())
        .build();
    long started = System.nanoTime();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
      long nanos = System.nanoTime() - started;
      if (response.statusCode() != 200) {
        throw new IllegalStateException("refresh answered " + response.statusCode() + ": "
            + response.body());
      }
      return new Refresh(started, nanos, new JsonObject(response.body()));
    });
  }

  /** A full refresh, timed from sending the request to receiving the summary. */
  Refresh refresh() {
    return refreshAsync().join();
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(15, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(5, TimeUnit.SECONDS);
    }
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // already shutting down
    }
  }
}
