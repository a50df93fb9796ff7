package vn.bantin.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A series of per-pair figures, summed up as median [min, max]. */
final class Ratios {
  private final List<Double> values = new ArrayList<>();

  void add(double value) {
    values.add(value);
  }

  boolean isEmpty() {
    return values.isEmpty();
  }

  double median() {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** {@code median [min, max]} with {@code format} (a String.format pattern for one value). */
  String summary(String format) {
    if (values.isEmpty()) {
      return "-";
    }
    return String.format(format, median()) + " [" + String.format(format,
        Collections.min(values)) + ", " + String.format(format, Collections.max(values)) + "]";
  }
}
