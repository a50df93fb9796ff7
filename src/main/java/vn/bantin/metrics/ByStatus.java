package vn.bantin.metrics;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;

/**
 * Meters by HTTP status code, made the first time a code is seen: the three-digit codes (RFC 9110
 * §15) by index, any other value in a map. Thread-safe; when two threads make the same code's
 * meters at once, the registry hands both the same meters and the first stored is kept.
 */
final class ByStatus<T> {
  private static final int CODES = 1000;

  private final IntFunction<T> make;
  private final AtomicReferenceArray<T> byCode = new AtomicReferenceArray<>(CODES);
  private final ConcurrentMap<Integer, T> otherCodes = new ConcurrentHashMap<>();

  ByStatus(IntFunction<T> make) {
    this.make = make;
  }

  T get(int code) {
    if (code < 0 || code >= CODES) {
      return otherCodes.computeIfAbsent(code, make::apply);
    }
    T meters = byCode.get(code);
    if (meters == null) {
      byCode.compareAndSet(code, null, make.apply(code));
      meters = byCode.get(code);
    }
    return meters;
  }
}
