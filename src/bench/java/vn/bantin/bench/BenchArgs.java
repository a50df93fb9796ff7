package vn.bantin.bench;

import java.util.HashMap;
import java.util.Map;

/** The {@code key=value} arguments the bench scripts pass to a benchmark's main. */
final class BenchArgs {
  private BenchArgs() {}

  /** Each argument split at its first {@code =}; a later one of the same key wins. */
  static Map<String, String> parse(String[] argv) {
    Map<String, String> args = new HashMap<>();
    for (String a : argv) {
      int eq = a.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException("expected key=value: " + a);
      }
      args.put(a.substring(0, eq), a.substring(eq + 1));
    }
    return args;
  }
}
