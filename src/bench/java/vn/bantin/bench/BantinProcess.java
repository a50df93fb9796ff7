package vn.bantin.bench;

import io.vertx.core.json.JsonObject;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
  private final int port;
  private final String base;
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final Thread hook;
  /** The admin connection of {@link #post}, kept between refreshes; null until the first. */
  private Connection admin;
  private long adminUsedNanos;

  /** A connection, with its answer's reads buffered. */
  private record Connection(Socket socket, InputStream in, OutputStream out) {}

  /** What one {@code POST /admin/api/refresh} answered, and how long it took. */
  record Refresh(long startNanos, long nanos, JsonObject summary) {
    int count(String key) {
      return summary.getInteger(key, -1);
    }
  }

  private BantinProcess(Process process, int port) {
    this.process = process;
    this.port = port;
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
    // A thread of its own: two instances' refreshes run at once (the common pool may have one).
    return CompletableFuture.supplyAsync(this::refresh, task -> {
      Thread thread = new Thread(task, "bench-refresh");
      thread.setDaemon(true);
      thread.start();
    });
  }

  /** A full refresh, timed from sending the request to receiving the summary. */
  Refresh refresh() {
    return post("/admin/api/refresh");
  }

  /** A refresh of one source, timed as {@link #refresh()}. */
  Refresh refresh(String sourceId) {
    return post("/admin/api/sources/" + sourceId + "/refresh");
  }

  /**
   * POSTs to the admin API and reads the answer with a blocking socket: one write, then the
   * reads of the answer. The time is bantin's and the loopback's. The JDK's {@link HttpClient},
   * used before, hands each request and answer between its own threads: its {@code GET /health}
   * took 1.0–4.5 ms right after a poll cycle where curl's took 0.8 (process start included), up
   * to a third of the reference's whole unchanged cycle. The connection is kept between
   * refreshes, as a client's would be (bantin has no idle timeout), and opened again, before the
   * clock starts, after 5 s unused.
   */
  private synchronized Refresh post(String path) {
    try {
      Connection connection = adminConnection();
      OutputStream out = connection.out();
      InputStream in = connection.in();
      byte[] request = ("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
          + "\r\nAuthorization: Bearer " + TOKEN + "\r\nContent-Length: 0\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII);
      long started = System.nanoTime();
      out.write(request);
      out.flush();
      String status = line(in);
      int length = -1;
      for (String header = line(in); !header.isEmpty(); header = line(in)) {
        int colon = header.indexOf(':');
        if (colon > 0 && header.substring(0, colon).equalsIgnoreCase("content-length")) {
          length = Integer.parseInt(header.substring(colon + 1).trim());
        }
      }
      if (length < 0) {
        throw new IOException(path + ": an answer without Content-Length: " + status);
      }
      String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
      long nanos = System.nanoTime() - started;
      if (!status.startsWith("HTTP/1.1 200 ")) {
        throw new IllegalStateException(path + " answered " + status + ": " + body);
      }
      adminUsedNanos = System.nanoTime();
      return new Refresh(started, nanos, new JsonObject(body));
    } catch (IOException e) {
      closeAdmin();
      throw new UncheckedIOException(e);
    }
  }

  private Connection adminConnection() throws IOException {
    if (admin != null && System.nanoTime() - adminUsedNanos < TimeUnit.SECONDS.toNanos(5)) {
      return admin;
    }
    closeAdmin();
    Socket socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
    socket.setSoTimeout((int) TimeUnit.MINUTES.toMillis(10));
    admin = new Connection(socket, new BufferedInputStream(socket.getInputStream()),
        socket.getOutputStream());
    return admin;
  }

  private void closeAdmin() {
    if (admin != null) {
      try {
        admin.socket().close();
      } catch (IOException e) {
        // a connection no longer used
      }
      admin = null;
    }
  }

  /** One header line of an answer, without its CRLF. */
  private static String line(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new IOException("the answer ended inside its headers: " + line);
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() throws InterruptedException {
    synchronized (this) {
      closeAdmin();
    }
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
