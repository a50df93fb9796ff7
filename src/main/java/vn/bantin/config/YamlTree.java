package vn.bantin.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Builds a {@link YamlNode} tree from YAML text with Jackson's streaming parser, keeping each
 * node's line. Duplicate keys (which Jackson would silently resolve to the last) and aliases are
 * reported as problems; the tree keeps the first occurrence of a key.
 */
final class YamlTree {
  /** The largest file read, in bytes or chars: config files are a few kilobytes. */
  static final int MAX_SIZE = 1 << 20;

  /** Path used for problems of the YAML syntax itself. */
  static final String SYNTAX_PATH = "(yaml)";

  // Config files nest four levels at most; the cap turns a pathological file into a problem.
  private static final int MAX_DEPTH = 64;

  // Jackson's parser does not expand aliases (it reports them as text), so an alias "bomb" cannot
  // blow up here; aliases are refused anyway because bantin never needs them.
  private static final YAMLFactory FACTORY = YAMLFactory.builder()
      // "key:" with nothing after it is null, as YAML says (the builder does not default to it).
      .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
      // YAML 1.2: only true and false are booleans, so a tag "no" or "on" stays text.
      .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
      .build();

  private YamlTree() {}

  /**
   * Reads one YAML document. An empty document (nothing, or only comments) is a NULL scalar on
   * line 1. Returns empty, with the problem added, when the text is not YAML or is too large.
   */
  static Optional<YamlNode> parse(String text, Problems problems) {
    if (text.length() > MAX_SIZE) {
      problems.add(0, "(file)", "larger than " + MAX_SIZE + " bytes");
      return Optional.empty();
    }
    // A UTF-8 byte order mark is legal before a YAML stream; drop it so no parser trips on it.
    String yaml = text.startsWith("\uFEFF") ? text.substring(1) : text;
    try (JsonParser p = FACTORY.createParser(yaml)) {
      try {
        if (p.nextToken() == null) {
          return Optional.of(new YamlNode.Scalar(1, YamlNode.Kind.NULL, "", null));
        }
        YamlNode root = read(p, "", problems);
        if (p.nextToken() != null) {
          problems.add(line(p), SYNTAX_PATH, "more than one YAML document (---); write one");
        }
        return Optional.of(root);
      } catch (JsonProcessingException e) {
        problems.add(errorLine(e, p), SYNTAX_PATH, errorMessage(e));
        return Optional.empty();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading YAML from a string", e); // a String cannot fail
    }
  }

  private static YamlNode read(JsonParser p, String path, Problems problems) throws IOException {
    int line = line(p);
    JsonToken token = p.currentToken();
    return switch (token) {
      case START_OBJECT -> readMapping(p, path, problems, line);
      case START_ARRAY -> readSequence(p, path, problems, line);
      case VALUE_STRING -> {
        if (((YAMLParser) p).isCurrentAlias()) {
          problems.add(line, path, "YAML aliases (*" + p.getText() + ") are not supported;"
              + " write the value out");
          yield scalar(line, YamlNode.Kind.REPORTED, p.getText(), null);
        }
        yield scalar(line, YamlNode.Kind.TEXT, p.getText(), p.getText());
      }
      case VALUE_NUMBER_INT -> scalar(line, YamlNode.Kind.INTEGER, p.getText(), p.getNumberValue());
      case VALUE_NUMBER_FLOAT -> scalar(line, YamlNode.Kind.DECIMAL, p.getText(), p.getNumberValue());
      case VALUE_TRUE, VALUE_FALSE ->
          scalar(line, YamlNode.Kind.BOOLEAN, p.getText(), token == JsonToken.VALUE_TRUE);
      case VALUE_NULL -> scalar(line, YamlNode.Kind.NULL, "", null);
      default -> {
        // VALUE_EMBEDDED_OBJECT: a !!binary scalar and the like.
        problems.add(line, path, "unsupported YAML value; write plain text");
        yield scalar(line, YamlNode.Kind.REPORTED, "", null);
      }
    };
  }

  private static YamlNode readMapping(JsonParser p, String path, Problems problems, int line)
      throws IOException {
    List<YamlNode.Member> members = new ArrayList<>();
    Map<String, Integer> firstLines = new HashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      int keyLine = line(p);
      String keyPath = path.isEmpty() ? key : path + "." + key;
      p.nextToken();
      YamlNode value = read(p, keyPath, problems);
      Integer first = firstLines.putIfAbsent(key, keyLine);
      if (first == null) {
        members.add(new YamlNode.Member(key, keyLine, value));
      } else {
        problems.add(keyLine, keyPath, "duplicate key; first at line " + first);
      }
    }
    return new YamlNode.Mapping(line, members);
  }

  private static YamlNode readSequence(JsonParser p, String path, Problems problems, int line)
      throws IOException {
    List<YamlNode> items = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      items.add(read(p, path + "[" + items.size() + "]", problems));
    }
    return new YamlNode.Sequence(line, items);
  }

  private static YamlNode scalar(int line, YamlNode.Kind kind, String text, Object value) {
    return new YamlNode.Scalar(line, kind, text, value);
  }

  private static int line(JsonParser p) {
    return p.currentTokenLocation().getLineNr();
  }

  // SnakeYAML knows where a syntax error is (its problem mark); Jackson's own location can lag
  // behind at the previous token, so prefer SnakeYAML's.
  private static int errorLine(JsonProcessingException e, JsonParser p) {
    if (e.getCause() instanceof MarkedYAMLException m) {
      Mark mark = m.getProblemMark() != null ? m.getProblemMark() : m.getContextMark();
      if (mark != null) {
        return mark.getLine() + 1;
      }
    }
    if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
      return e.getLocation().getLineNr();
    }
    return p.currentLocation().getLineNr();
  }

  private static String errorMessage(JsonProcessingException e) {
    if (e.getCause() instanceof MarkedYAMLException m && m.getProblem() != null) {
      String context = m.getContext() == null ? "" : " (" + m.getContext()
          + (m.getContextMark() == null ? "" : " at line " + (m.getContextMark().getLine() + 1))
          + ")";
      return "invalid YAML: " + m.getProblem() + context;
    }
    if (e instanceof StreamConstraintsException) {
      return "nested deeper than " + MAX_DEPTH + " levels";
    }
    return "invalid YAML: " + e.getOriginalMessage();
  }
}
