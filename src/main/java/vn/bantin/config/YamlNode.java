package vn.bantin.config;

import java.util.List;
import java.util.Optional;

/** A YAML value with the 1-based line it starts on: what the readers of both files walk. */
sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Mapping, YamlNode.Sequence {

  int line();

  /** How a problem names what it found instead, e.g. {@code a list}. */
  String describe();

  /** What kind of scalar YAML resolved ({@code 15m} is text, {@code 8080} an integer). */
  enum Kind { TEXT, INTEGER, DECIMAL, BOOLEAN, NULL, REPORTED }

  /**
   * A scalar. {@code value} is a {@link Number} for INTEGER and DECIMAL, a {@link Boolean} for
   * BOOLEAN, else the text. REPORTED marks a value already reported as a problem (an alias, a
   * binary); readers skip it without another problem.
   */
  record Scalar(int line, Kind kind, String text, Object value) implements YamlNode {
    @Override
    public String describe() {
      return switch (kind) {
        case TEXT -> "the text \"" + text + "\"";
        case INTEGER, DECIMAL -> "the number " + text;
        case BOOLEAN -> "the boolean " + text;
        case NULL -> "nothing";
        case REPORTED -> "an unsupported value";
      };
    }

    /** Absent values: an empty YAML value, {@code ~}, {@code null}, or one already reported. */
    boolean isAbsent() {
      return kind == Kind.NULL || kind == Kind.REPORTED;
    }
  }

  /** One key of a mapping, with the line of the key. */
  record Member(String key, int line, YamlNode value) {}

  /** A mapping; keys are unique (a duplicate is reported and dropped while reading). */
  record Mapping(int line, List<Member> members) implements YamlNode {
    public Mapping {
      members = List.copyOf(members);
    }

    Optional<Member> member(String key) {
      return members.stream().filter(m -> m.key().equals(key)).findFirst();
    }

    @Override
    public String describe() {
      return "a mapping";
    }
  }

  /** A sequence (a YAML list). */
  record Sequence(int line, List<YamlNode> items) implements YamlNode {
    public Sequence {
      items = List.copyOf(items);
    }

    @Override
    public String describe() {
      return "a list";
    }
  }
}
