package vn.bantin.bench;

import java.util.Map;

/**
 * CPU seconds the JIT compiler threads of a process ({@code C1 CompilerThre...}, {@code C2
 * CompilerThre...}, one group once {@link ThreadCpu} drops the digits) used between two reads.
 * A server runs warm: a cycle during which the compiler still works is measured on a JVM that
 * is still compiling what the cycle runs, and on a small machine the compiler also takes a core
 * from the cycle's own threads.
 */
final class JitCpu {
  /** The compiler threads' group in {@link ThreadCpu#of}: "C2 CompilerThread0" without digits. */
  static final String GROUP = "C CompilerThre";

  private final long pid;
  private double last;

  JitCpu(long pid) {
    this.pid = pid;
    this.last = total();
  }

  /** The compiler seconds of this process since the last call (or construction). */
  double sinceLast() {
    double now = total();
    double used = now - last;
    last = now;
    return used;
  }

  private double total() {
    Map<String, Double> byGroup = ThreadCpu.of(pid);
    return byGroup.getOrDefault(GROUP, 0.0);
  }
}
