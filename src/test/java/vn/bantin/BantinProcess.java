package vn.bantin;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * bantin's {@link Main} in a separate JVM, as users run it: a conf and a feeds file, its own
 * environment (no {@code BANTIN_*} variable inherited), its log read from stderr. It can be
 * stopped with SIGTERM or killed with SIGKILL.
 */
final class BantinProcess implements AutoCloseable {
  private static final Pattern SERVING = Pattern.compile("bantin serving on http://[^:]+:(\\d+)");

  private final Process process;
  private final List<String> log = new CopyOnWriteArrayList<>();
  private final CompletableFuture<Integer> port = new CompletableFuture<>();
  private final HttpClient client = HttpClient.newHttpClient();

  private BantinProcess(Process process) {
    this.process = process;
    Thread reader = new Thread(this::readLog, "bantin-process-log");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Starts {@code java vn.bantin.Main --conf conf --feeds feeds} on the test class path with
   * {@code env} added, and waits until it serves (at most 60 s).
   */
  static BantinProcess start(Path conf, Path feeds, Map<String, String> env) throws Exception {
    List<String> command = List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        // Start-up time is most of each run: no tiered compilation beyond C1, a small heap.
        "-XX:TieredStopAtLevel=1", "-Xmx256m",
        "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "--conf", conf.toString(), "--feeds", feeds.toString());
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.environment().keySet().removeIf(k -> k.startsWith("BANTIN_"));
    builder.environment().putAll(env);
    BantinProcess bantin = new BantinProcess(builder.start());
    try {
      bantin.port.get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      bantin.process.destroyForcibly().waitFor();
      throw new AssertionError("bantin did not start; its log: " + bantin.log, e);
    }
    return bantin;
  }

  private void readLog() {
    try (BufferedReader err = new BufferedReader(
        new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = err.readLine()) != null) {
        log.add(line);
        Matcher serving = SERVING.matcher(line);
        if (serving.find()) {
          port.complete(Integer.parseInt(serving.group(1)));
        }
      }
    } catch (IOException e) {
      // the process died: what was read is the log
    }
    port.completeExceptionally(new IllegalStateException("exited before serving"));
  }

  /** The process id of bantin's JVM. */
  long pid() {
    return process.pid();
  }

  /** Every line bantin wrote to stderr so far. */
  List<String> log() {
    return new ArrayList<>(log);
  }

  String url(String path) {
    return "http://127.0.0.1:" + port.join() + path;
  }

  HttpResponse<String> get(String path) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(url(path)))
        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** POST of a JSON body with the test token. */
  HttpResponse<String> post(String path, String json) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(url(path)))
        .header("Authorization", TunedServer.AUTH).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** POST /admin/api/refresh with the test token; the summary. */
  JsonObject refresh() throws Exception {
    HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(
            url("/admin/api/refresh"))).header("Authorization", TunedServer.AUTH)
        .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(60)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new AssertionError("refresh answered " + r.statusCode() + ": " + r.body());
    }
    return new JsonObject(r.body());
  }

  /** GET /admin/api/sources with the test token. */
  JsonArray sources() throws Exception {
    return new JsonArray(client.send(HttpRequest.newBuilder(URI.create(
            url("/admin/api/sources"))).header("Authorization", TunedServer.AUTH)
        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()).body());
  }

  /** SIGKILL: no shutdown hook, no flush, no store close; waits until the process is gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("bantin survived SIGKILL");
    }
  }

  /** SIGTERM, and waits for the clean exit. */
  @Override
  public void close() throws Exception {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  /** The fetch section that lets bantin poll fixtures, which listen on loopback. */
  static final String ALLOW_PRIVATE_NETWORKS = """
      fetch:
        allow_private_networks: true
      """;

  /**
   * Writes a conf to {@code file}: loopback on a free port, the store in {@code data}, the test
   * token, then {@code more} (YAML sections).
   */
  static Path conf(Path file, Path data, String more) {
    return write(file, """
        http:
          host: 127.0.0.1
          port: 0
        store:
          data_dir: %s
        admin:
          token: %s
        """.formatted(data, TestServer.TOKEN) + more);
  }

  /** Writes {@code text} to {@code file}. */
  static Path write(Path file, String text) {
    try {
      return java.nio.file.Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
