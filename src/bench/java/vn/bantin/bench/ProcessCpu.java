package vn.bantin.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU seconds (user + system) a Linux process has used, read from {@code /proc/PID/stat}; with
 * {@link #tree}, also those of its children, live and reaped (a PostgreSQL server: the
 * postmaster and its backends). NaN where there is no /proc.
 */
final class ProcessCpu {
  private static final double TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux port

  private ProcessCpu() {}

  /** The process's own CPU seconds. */
  static double of(long pid) {
    long[] f = fields(pid);
    return f == null ? Double.NaN : (f[11] + f[12]) / TICKS_PER_SECOND;
  }

  /** The process's CPU seconds, its reaped children's and those of its live children. */
  static double tree(long pid) {
    long[] own = fields(pid);
    if (own == null) {
      return Double.NaN;
    }
    long ticks = own[11] + own[12] + own[13] + own[14];
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path p : (Iterable<Path>) procs::iterator) {
        String name = p.getFileName().toString();
        if (!name.chars().allMatch(Character::isDigit)) {
          continue;
        }
        long[] f = fields(Long.parseLong(name));
        if (f != null && f[1] == pid) {
          ticks += f[11] + f[12];
        }
      }
    } catch (IOException e) {
      return Double.NaN;
    }
    return ticks / TICKS_PER_SECOND;
  }

  /**
   * The numeric fields of /proc/PID/stat after the command name, from field 3 (state, as 0) on:
   * index 1 is ppid, 11 utime, 12 stime, 13 cutime, 14 cstime (proc(5)); null when unreadable.
   */
  private static long[] fields(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // The command name is in parentheses and may hold spaces: split after the last ')'.
      String[] parts = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
      long[] out = new long[15];
      for (int i = 1; i < out.length; i++) {
        out[i] = Long.parseLong(parts[i]);
      }
      return out;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
