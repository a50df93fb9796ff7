package vn.bantin.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes the values of an API edit as YAML that reads back as the same value, in YAML 1.1 and
 * 1.2 readers alike (Jackson, SnakeYAML, PyYAML, yq ...). A string is double-quoted, with
 * JSON-style escapes, when it is empty, has spaces around it, contains {@code ": "} or
 * {@code " #"} or ends with {@code :}, starts with one of {@code -?:,[]{}#&*!|>'"%@`}, reads as a
 * boolean or null ({@code true false yes no on off y n null ~}, any case), a number
 * ({@code 123 1.5 .5 1e3 0x1F 1:30}) or a date ({@code 2024-01-01}), or holds a control
 * character or line separator; inside a flow list also when it contains one of {@code ,[]{}}.
 * Otherwise it is plain ({@code VOV – Chính trị}, {@code 10m}, {@code https://vov.vn/rss}).
 * Lists are written in flow style ({@code [a, b]}), numbers and booleans as they are.
 */
final class YamlValues {
  // Booleans and nulls of YAML 1.1 and 1.2: whichever a reader follows, it would not see text.
  private static final Set<String> WORDS =
      Set.of("true", "false", "yes", "no", "on", "off", "y", "n", "null", "~");

  private static final Pattern NUMBER_LIKE = Pattern.compile(
      "[-+]?(?:\\.?[0-9][0-9_]*(?:\\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?" // 12, 1.5, .5, 1e3, 1_000
          + "|0[xXoObB][0-9a-fA-F_]+" // 0x1f, 0o17, 0b101
          + "|[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?" // YAML 1.1 base 60: 1:30 is 90
          + "|\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))"
          + "|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt \\t].*)?"); // YAML 1.1 timestamps

  // YAML 1.2 section 5.3: a plain scalar must not start with an indicator character.
  private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`";

  // Inside [a, b] these end a plain scalar (YAML 1.2 section 7.3.3, ns-plain-safe-in).
  private static final String FLOW_INDICATORS = ",[]{}";

  private YamlValues() {}

  /** {@code value} as a block mapping value; null becomes {@code null}. */
  static String value(Object value) {
    return write(value, false);
  }

  /** {@code key} as a block mapping key. */
  static String key(String key) {
    return key.equals("<<") ? quoted(key) : text(key, false); // << is a merge key in YAML 1.1
  }

  /** {@code s} plain when that reads back as the same text, else double-quoted. */
  static String text(String s, boolean inFlow) {
    return needsQuotes(s, inFlow) ? quoted(s) : s;
  }

  static boolean needsQuotes(String s, boolean inFlow) {
    if (s.isEmpty() || !s.strip().equals(s)) {
      return true; // "" reads as null; YAML drops spaces around a plain scalar
    }
    if (INDICATORS.indexOf(s.charAt(0)) >= 0 || s.endsWith(":")
        || s.contains(": ") || s.contains(":\t") || s.contains(" #") || s.contains("\t#")) {
      return true; // ": " starts a mapping value, " #" a comment
    }
    if (WORDS.contains(s.toLowerCase(Locale.ROOT)) || NUMBER_LIKE.matcher(s).matches()) {
      return true;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (isEscaped(c) || inFlow && FLOW_INDICATORS.indexOf(c) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** {@code s} double-quoted, escaped as JSON would (YAML 1.2 double quotes are a superset). */
  static String quoted(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (isEscaped(c)) {
            out.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private static String write(Object value, boolean inFlow) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String s) {
      return text(s, inFlow);
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      return Double.isNaN(d) ? ".nan" : Double.isInfinite(d) ? (d > 0 ? ".inf" : "-.inf")
          : value.toString();
    }
    if (value instanceof Boolean || value instanceof Integer || value instanceof Long
        || value instanceof Short || value instanceof Byte || value instanceof BigInteger
        || value instanceof BigDecimal) {
      return value.toString();
    }
    if (value instanceof Collection<?> items) {
      return items.stream().map(item -> write(item, true))
          .collect(Collectors.joining(", ", "[", "]"));
    }
    if (value instanceof Map<?, ?> map) {
      return map.entrySet().stream()
          .map(e -> text(String.valueOf(e.getKey()), true) + ": " + write(e.getValue(), true))
          .collect(Collectors.joining(", ", "{", "}"));
    }
    return text(value.toString(), inFlow);
  }

  // Controls, the YAML 1.1 line breaks NEL, LS and PS, and a byte order mark: never literal.
  private static boolean isEscaped(char c) {
    return c < 0x20 || c >= 0x7F && c <= 0x9F || c == '\u2028' || c == '\u2029' || c == '\uFEFF';
  }
}
