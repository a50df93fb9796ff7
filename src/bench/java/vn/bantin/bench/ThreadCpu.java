package vn.bantin.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU seconds a Linux process's threads have used, summed by thread name with its digits
 * dropped ({@code bantin-parse-0} and {@code -1} are {@code bantin-parse-}), read from
 * {@code /proc/PID/task/TID/schedstat} (nanoseconds on the CPU; a cycle of a few hundredths of
 * a second is a handful of the 10 ms ticks {@code stat} counts in), or {@code stat} where the
 * kernel keeps no schedstat. Empty where there is no /proc.
 */
final class ThreadCpu {
  private static final double TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux port

  private ThreadCpu() {}

  static Map<String, Double> of(long pid) {
    return byGroup(pid, false);
  }

  /**
   * Seconds the threads of each group were ready to run but waited for a core ({@code
   * schedstat}'s second field); empty where the kernel keeps no schedstat.
   */
  static Map<String, Double> waited(long pid) {
    return byGroup(pid, true);
  }

  private static Map<String, Double> byGroup(long pid, boolean waited) {
    Map<String, Double> byGroup = new TreeMap<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      tasks.forEach(task -> {
        try {
          String stat = Files.readString(task.resolve("stat"));
          int open = stat.indexOf('(');
          int close = stat.lastIndexOf(')');
          String name = stat.substring(open + 1, close).replaceAll("\\d+", "");
          double seconds = waited ? waitSeconds(task) : seconds(task, stat, close);
          if (!Double.isNaN(seconds)) {
            byGroup.merge(name, seconds, Double::sum);
          }
        } catch (IOException | RuntimeException e) {
          // the thread ended meanwhile
        }
      });
    } catch (IOException e) {
      return byGroup;
    }
    return byGroup;
  }

  private static double seconds(Path task, String stat, int close) throws IOException {
    Path schedstat = task.resolve("schedstat");
    if (Files.exists(schedstat)) {
      // "run-time-ns wait-time-ns timeslices" (Documentation/scheduler/sched-stats.rst)
      return schedstat(schedstat, 0);
    }
    // After "(comm) ": state is field 3; utime and stime are fields 14 and 15.
    String[] fields = stat.substring(close + 2).split(" ");
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
  }

  private static double waitSeconds(Path task) throws IOException {
    Path schedstat = task.resolve("schedstat");
    return Files.exists(schedstat) ? schedstat(schedstat, 1) : Double.NaN;
  }

  private static double schedstat(Path schedstat, int field) throws IOException {
    return Long.parseLong(Files.readString(schedstat).trim().split(" ")[field]) / 1e9;
  }

  /** {@code after - before} per group. */
  static Map<String, Double> minus(Map<String, Double> after, Map<String, Double> before) {
    Map<String, Double> used = new TreeMap<>();
    after.forEach((group, seconds) -> used.put(group, seconds - before.getOrDefault(group, 0.0)));
    return used;
  }

  /** {@code after - before} per group, groups that used under 5 ms left out, largest first. */
  static String delta(Map<String, Double> before, Map<String, Double> after) {
    StringBuilder out = new StringBuilder();
    minus(after, before).entrySet().stream()
        .filter(e -> e.getValue() >= 0.005)
        .sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
        .forEach(e -> out.append(out.length() > 0 ? ", " : "").append(e.getKey())
            .append(String.format(" %.3f", e.getValue())));
    return out.toString();
  }
}
