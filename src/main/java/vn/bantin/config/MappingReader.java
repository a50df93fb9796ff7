package vn.bantin.config;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import vn.bantin.config.YamlNode.Kind;

/**
 * Typed access to one YAML mapping that turns every misuse (an unknown key, a wrong type, a value
 * out of range) into a located problem and a fallback value, so that reading goes on and every
 * problem of a file is found in one pass.
 */
final class MappingReader {
  private final YamlNode.Mapping mapping;
  private final String path;
  private final Problems problems;

  private MappingReader(YamlNode.Mapping mapping, String path, Problems problems) {
    this.mapping = mapping;
    this.path = path;
    this.problems = problems;
  }

  /** {@code node} as a mapping of {@code allowed} keys; absent or not a mapping reads as empty. */
  static MappingReader of(YamlNode node, String path, Problems problems, List<String> allowed) {
    YamlNode.Mapping mapping = node instanceof YamlNode.Mapping m ? m
        : new YamlNode.Mapping(node.line(), List.of());
    if (mapping != node && !(node instanceof YamlNode.Scalar s && s.isAbsent())) {
      problems.add(node.line(), path.isEmpty() ? "(root)" : path, notAMapping(node));
    }
    for (YamlNode.Member m : mapping.members()) {
      if (!allowed.contains(m.key())) {
        problems.add(m.line(), join(path, m.key()),
            "unknown key; allowed: " + String.join(", ", allowed));
      }
    }
    return new MappingReader(mapping, path, problems);
  }

  static String notAMapping(YamlNode node) {
    return "expected a mapping (key: value lines), got " + node.describe();
  }

  /** The line of the mapping itself: its first key, or its parent's key when empty. */
  int line() {
    return mapping.line();
  }

  Problems problems() {
    return problems;
  }

  /** This mapping's path, e.g. {@code sources[2]}; {@code (root)} for the document. */
  String path() {
    return path.isEmpty() ? "(root)" : path;
  }

  String pathOf(String key) {
    return join(path, key);
  }

  /** The line of {@code key}'s value, or of the mapping when the key is missing. */
  int lineOf(String key) {
    return mapping.member(key).map(m -> m.value().line()).orElse(mapping.line());
  }

  /** The value of {@code key}; empty when missing or absent ({@code key:} alone, {@code ~}). */
  Optional<YamlNode> value(String key) {
    return mapping.member(key).map(YamlNode.Member::value)
        .filter(v -> !(v instanceof YamlNode.Scalar s && s.isAbsent()));
  }

  /** A nested mapping; a missing one reads as empty, located at this mapping's line for key. */
  MappingReader section(String key, List<String> allowed) {
    YamlNode node = mapping.member(key).map(YamlNode.Member::value)
        .orElse(new YamlNode.Scalar(mapping.line(), Kind.NULL, "", null));
    return of(node, pathOf(key), problems, allowed);
  }

  /** Any scalar as text (YAML reads {@code title: 2024} as a number, yet it is a fine title). */
  Optional<String> text(String key) {
    return scalar(key, "text", Kind.TEXT, Kind.INTEGER, Kind.DECIMAL, Kind.BOOLEAN)
        .map(YamlNode.Scalar::text);
  }

  /**
   * Whether {@code key} has a value; reports "required" when not, at the key's line, the
   * mapping's, or 0 for a key missing from the root.
   */
  boolean require(String key) {
    Optional<YamlNode.Member> member = mapping.member(key);
    if (member.isPresent() && !(member.get().value() instanceof YamlNode.Scalar s
        && s.kind() == Kind.NULL)) {
      return true;
    }
    int line = member.map(YamlNode.Member::line).orElse(path.isEmpty() ? 0 : mapping.line());
    problems.add(line, pathOf(key), "required");
    return false;
  }

  /** Text that must be present and not blank; reports a problem and returns "" otherwise. */
  String requiredText(String key) {
    return require(key) ? nonBlankText(key, "") : "";
  }

  /** Optional text that, when given, must not be blank. */
  String nonBlankText(String key, String fallback) {
    Optional<String> t = text(key);
    if (t.isPresent() && t.get().isBlank()) {
      report(key, "must not be blank");
    }
    return t.orElse(fallback);
  }

  long integer(String key, long fallback, long min, long max) {
    Optional<YamlNode.Scalar> s = scalar(key, "an integer", Kind.INTEGER);
    if (s.isEmpty()) {
      return fallback;
    }
    BigInteger n = new BigInteger(s.get().value().toString());
    boolean low = n.compareTo(BigInteger.valueOf(min)) < 0;
    if (low || n.compareTo(BigInteger.valueOf(max)) > 0) {
      boolean unbounded = max == Long.MAX_VALUE || max == Integer.MAX_VALUE;
      report(key, !unbounded ? "must be " + min + " to " + max
          : low ? "must be at least " + min : "must be at most " + max);
      return fallback;
    }
    return n.longValue();
  }

  int integer(String key, int fallback, int min, int max) {
    return (int) integer(key, (long) fallback, min, max);
  }

  double decimal(String key, double fallback, double min, double max) {
    Optional<YamlNode.Scalar> s = scalar(key, "a number", Kind.DECIMAL, Kind.INTEGER);
    if (s.isEmpty()) {
      return fallback;
    }
    double d = ((Number) s.get().value()).doubleValue();
    if (!(d >= min && d <= max)) { // also refuses NaN
      report(key, "must be " + min + " to " + max);
      return fallback;
    }
    return d;
  }

  boolean bool(String key, boolean fallback) {
    return scalar(key, "true or false", Kind.BOOLEAN).map(s -> (Boolean) s.value())
        .orElse(fallback);
  }

  /** A duration of at least {@code min}; {@code fallback} (may be null) when missing or bad. */
  Duration duration(String key, Duration fallback, Duration min) {
    try {
      Optional<Duration> d = text(key).map(Durations::parse);
      if (d.isPresent() && d.get().compareTo(min) < 0) {
        report(key, "must be at least " + Durations.format(min));
        return fallback;
      }
      return d.orElse(fallback);
    } catch (IllegalArgumentException e) {
      report(key, e.getMessage());
      return fallback;
    }
  }

  /** The items of a list; a missing key is an empty list, anything else a problem. */
  List<YamlNode> list(String key) {
    Optional<YamlNode> v = value(key);
    if (v.isPresent() && !(v.get() instanceof YamlNode.Sequence)) {
      report(key, "expected a list, got " + v.get().describe());
      return List.of();
    }
    return v.map(n -> ((YamlNode.Sequence) n).items()).orElse(List.of());
  }

  /** A problem about {@code key}'s value, at that value's line. */
  void report(String key, String message) {
    problems.add(lineOf(key), pathOf(key), message);
  }

  // The scalar of key if it has one of kinds; else reports what was expected.
  private Optional<YamlNode.Scalar> scalar(String key, String expected, Kind... kinds) {
    Optional<YamlNode> v = value(key);
    if (v.isPresent() && v.get() instanceof YamlNode.Scalar s && List.of(kinds).contains(s.kind())) {
      return Optional.of(s);
    }
    v.ifPresent(node -> report(key, "expected " + expected + ", got " + node.describe()));
    return Optional.empty();
  }

  static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
