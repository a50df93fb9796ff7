package vn.bantin.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A text as lines that each keep their own line break, so that lines nobody touched come back
 * byte for byte. Lines are split where SnakeYAML counts one (YAML 1.1: CR LF, CR, LF, NEL, LS,
 * PS), so that index {@code n} is the parser's line {@code n + 1}. New lines get the file's
 * break (its first CR LF or LF; LF in a file without one); the file keeps or lacks its final
 * break as it did; a byte order mark stays in front.
 */
final class TextLines {
  private static final String BOM = "\uFEFF";

  private final List<String> contents = new ArrayList<>();
  private final List<String> breaks = new ArrayList<>();
  private final boolean bom;
  private final boolean finalBreak;
  private final String eol;

  private TextLines(String text) {
    bom = text.startsWith(BOM);
    String body = bom ? text.substring(1) : text;
    String firstBreak = null;
    int start = 0;
    int i = 0;
    while (i < body.length()) {
      char c = body.charAt(i);
      int width = c == '\r' && i + 1 < body.length() && body.charAt(i + 1) == '\n' ? 2
          : c == '\r' || c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029' ? 1 : 0;
      if (width == 0) {
        i++;
        continue;
      }
      String lineBreak = body.substring(i, i + width);
      if (firstBreak == null && (lineBreak.equals("\n") || lineBreak.equals("\r\n"))) {
        firstBreak = lineBreak;
      }
      contents.add(body.substring(start, i));
      breaks.add(lineBreak);
      i += width;
      start = i;
    }
    // An empty file gets a final break when something is added; else the last line keeps none.
    finalBreak = body.isEmpty() || start == body.length();
    if (start < body.length()) {
      contents.add(body.substring(start));
      breaks.add("");
    }
    eol = firstBreak == null ? "\n" : firstBreak;
  }

  static TextLines of(String text) {
    return new TextLines(text);
  }

  int size() {
    return contents.size();
  }

  /** Line {@code index} (0-based) without its break. */
  String content(int index) {
    return contents.get(index);
  }

  /** Whether line {@code index} is empty or only spaces and tabs. */
  boolean isBlank(int index) {
    return contents.get(index).isBlank();
  }

  /** Whether line {@code index} is a comment alone ({@code # ...} after optional indentation). */
  boolean isComment(int index) {
    return contents.get(index).stripLeading().startsWith("#");
  }

  /** Whether line {@code index} holds YAML: neither blank nor a comment. */
  boolean isContent(int index) {
    return !isBlank(index) && !isComment(index);
  }

  /** The spaces in front of line {@code index} (YAML indents with spaces only). */
  int indent(int index) {
    String line = contents.get(index);
    int n = 0;
    while (n < line.length() && line.charAt(n) == ' ') {
      n++;
    }
    return n;
  }

  /** Whether line {@code index} is a block list entry ({@code - ...}) at column {@code indent}. */
  boolean isDash(int index, int indent) {
    String s = contents.get(index);
    return indent(index) == indent && s.length() > indent && s.charAt(indent) == '-'
        && (s.length() == indent + 1 || s.charAt(indent + 1) == ' '
            || s.charAt(indent + 1) == '\t');
  }

  /** Whether line {@code index} starts a flow list ({@code [}). */
  boolean startsFlow(int index) {
    return contents.get(index).stripLeading().startsWith("[");
  }

  /** Whether the text holds nothing but blank lines, comments and document markers. */
  boolean isOnlyComments() {
    for (int i = 0; i < contents.size(); i++) {
      String s = contents.get(i).strip();
      if (isContent(i) && !s.equals("---") && !s.equals("...")) {
        return false;
      }
    }
    return true;
  }

  /** Rewrites line {@code index}, keeping its break. */
  void set(int index, String content) {
    contents.set(index, content);
  }

  /** Replaces lines {@code from} to {@code to} (exclusive) with {@code lines}. */
  void replace(int from, int to, List<String> lines) {
    if (from == contents.size() && from > 0 && breaks.get(from - 1).isEmpty()) {
      breaks.set(from - 1, eol); // appending after a last line that had no break
    }
    contents.subList(from, to).clear();
    breaks.subList(from, to).clear();
    contents.addAll(from, lines);
    breaks.addAll(from, Collections.nCopies(lines.size(), eol));
  }

  /** The text, with the original final-break state and byte order mark. */
  String text() {
    StringBuilder out = new StringBuilder(bom ? BOM : "");
    for (int i = 0; i < contents.size(); i++) {
      boolean last = i == contents.size() - 1;
      out.append(contents.get(i)).append(last && !finalBreak ? "" : breaks.get(i));
    }
    return out.toString();
  }
}
