package vn.bantin.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One fixed-length {@code wrk --latency} run, its requests per second and 99th percentile read
 * from wrk's report. Killed when it outlives its duration by a minute.
 */
record WrkRun(double requestsPerSecond, double p99Micros, long errors, String output) {
  private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
  private static final Pattern P99 = Pattern.compile("(?m)^\\s+99%\\s+([\\d.]+)(us|ms|s)\\s*$");
  private static final Pattern ERRORS = Pattern.compile(
      "(?:Non-2xx or 3xx responses|connect|read|write|timeout)[: ]+(\\d+)");

  /** Starts wrk; {@link #await} reads its result. */
  static Process start(String url, int seconds, int connections, List<String> headers)
      throws IOException {
    List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c" + connections,
        "-d" + seconds + "s", "--latency"));
    for (String h : headers) {
      command.add("-H");
      command.add(h);
    }
    command.add(url);
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  static WrkRun await(Process wrk, int seconds) throws IOException, InterruptedException {
    if (!wrk.waitFor(seconds + 60L, TimeUnit.SECONDS)) {
      wrk.destroyForcibly();
      throw new IOException("wrk did not end");
    }
    String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    Matcher rps = RPS.matcher(out);
    Matcher p99 = P99.matcher(out);
    if (!rps.find() || !p99.find()) {
      throw new IOException("no wrk figures in:\n" + out);
    }
    double micros = Double.parseDouble(p99.group(1)) * switch (p99.group(2)) {
      case "us" -> 1;
      case "ms" -> 1e3;
      default -> 1e6;
    };
    long errors = 0;
    Matcher e = ERRORS.matcher(out);
    while (e.find()) {
      errors += Long.parseLong(e.group(1));
    }
    return new WrkRun(Double.parseDouble(rps.group(1)), micros, errors, out);
  }
}
