package vn.bantin.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where one top-level list ({@code sources:} or {@code categories:}) of a block-style feeds.yml
 * lies, in 0-based line indexes of a {@link TextLines}. The parsed tree says what the items are,
 * the text where they are; the two must agree, and a layout this cannot place exactly is refused
 * with a {@link ConfigException}, never guessed.
 *
 * @param keyLine the line of {@code key:}, or -1 when the file has no such key
 * @param keyHead the key line up to its colon, as written ({@code "  sources"})
 * @param keyComment a comment after the colon ({@code # ...}), or ""
 * @param itemIndent the column of the items' {@code -}, or -1 when there are no items
 * @param fieldOffset how far the first key of an item stands right of its {@code -}
 */
record SectionLayout(String key, int rootIndent, int keyLine, String keyHead, String keyComment,
    List<Item> items, int itemIndent, int fieldOffset) {

  static final String FILE = "feeds.yml";
  static final String FLOW_LIST = "cannot edit a flow-style list; edit the file by hand";
  static final String FLOW_MAPPING = "cannot edit a flow-style mapping; edit the file by hand";
  static final String LAYOUT = "cannot place the items of this list; edit the file by hand";

  // After "key:": nothing, [] or a null, then perhaps a comment.
  private static final Pattern EMPTY_VALUE =
      Pattern.compile("(?<value>\\[[ \\t]*\\]|~|null|Null|NULL)?[ \\t]*(?<comment>#.*)?");

  /**
   * One item: its comment lines directly above start at {@code lead}, its {@code -} is on
   * {@code dash}, its last line is {@code end}. {@code id} is null when it has none.
   */
  record Item(String id, int lead, int dash, int end) {}

  /** The layout of {@code key} in {@code lines}, whose parsed tree is {@code root}. */
  static SectionLayout locate(TextLines lines, YamlNode root, String key) throws ConfigException {
    if (root instanceof YamlNode.Scalar s && s.kind() == YamlNode.Kind.NULL
        && lines.isOnlyComments()) {
      return missing(key, 0); // nothing but comments: the key is appended
    }
    if (!(root instanceof YamlNode.Mapping mapping)) {
      throw refused(root.line(), key,
          "cannot edit a file whose top level is not key: value lines; edit the file by hand");
    }
    if (mapping.members().isEmpty()) {
      throw refused(mapping.line(), key, FLOW_MAPPING); // {} is the only empty mapping
    }
    YamlNode.Member first = mapping.members().get(0);
    Matcher firstKey = keyLine(lines, first.line() - 1, first.key());
    if (firstKey == null) {
      throw refused(first.line(), key, FLOW_MAPPING);
    }
    int rootIndent = firstKey.group(1).length();
    int index = indexOf(mapping, key);
    if (index < 0) {
      return missing(key, rootIndent);
    }
    YamlNode.Member member = mapping.members().get(index);
    int k = member.line() - 1;
    Matcher m = keyLine(lines, k, key);
    if (m == null || m.group(1).length() != rootIndent) {
      throw refused(member.line(), key, LAYOUT);
    }
    String rest = m.group(3) == null ? "" : m.group(3);
    Matcher empty = EMPTY_VALUE.matcher(rest);
    int limit = index + 1 < mapping.members().size()
        ? mapping.members().get(index + 1).line() - 2 : lines.size() - 1;
    int end = sectionEnd(lines, k, limit, rootIndent);
    int next = nextContent(lines, k + 1, end);
    YamlNode value = member.value();
    if (value instanceof YamlNode.Scalar s && s.kind() == YamlNode.Kind.NULL
        || value instanceof YamlNode.Sequence seq && seq.items().isEmpty()) {
      if (!empty.matches() || next >= 0) { // e.g. "[\n]", or the value on the next line
        boolean flow = rest.startsWith("[") || next >= 0 && lines.startsFlow(next);
        throw refused(member.line(), key, flow ? FLOW_LIST : LAYOUT);
      }
      return new SectionLayout(key, rootIndent, k, m.group(1) + m.group(2), comment(empty),
          List.of(), -1, 2);
    }
    if (!(value instanceof YamlNode.Sequence seq)) {
      throw refused(member.line(), key,
          "cannot edit: expected a list, got " + value.describe() + "; edit the file by hand");
    }
    if (!empty.matches() || empty.group("value") != null) {
      throw refused(member.line(), key, rest.startsWith("[") ? FLOW_LIST : LAYOUT);
    }
    if (next < 0 || !lines.isDash(next, lines.indent(next))) {
      boolean flow = next >= 0 && lines.startsFlow(next);
      throw refused(next < 0 ? member.line() : next + 1, key, flow ? FLOW_LIST : LAYOUT);
    }
    List<Item> items = items(lines, seq, k, end, lines.indent(next), key);
    return new SectionLayout(key, rootIndent, k, m.group(1) + m.group(2), comment(empty), items,
        lines.indent(next), fieldOffset(lines.content(next), lines.indent(next)));
  }

  /** Whether the tree of {@code key} holds an item with {@code id}. */
  static boolean contains(YamlNode root, String key, String id) {
    return root instanceof YamlNode.Mapping m
        && m.member(key).map(YamlNode.Member::value).orElse(null) instanceof YamlNode.Sequence s
        && s.items().stream().anyMatch(item -> id.equals(idOf(item)));
  }

  static ConfigException refused(int line, String key, String message) {
    return new ConfigException(List.of(new ConfigProblem(FILE, line, key, message)));
  }

  private static SectionLayout missing(String key, int rootIndent) {
    return new SectionLayout(key, rootIndent, -1, " ".repeat(rootIndent) + key, "", List.of(),
        -1, 2);
  }

  // Lines (k, end] hold the items; the tree's items must stand one per "- " line, in order.
  private static List<Item> items(TextLines lines, YamlNode.Sequence seq, int k, int end,
      int indent, String key) throws ConfigException {
    List<Integer> dashes = new ArrayList<>();
    for (int l = k + 1; l <= end; l++) {
      if (lines.isDash(l, indent)) {
        dashes.add(l);
      }
    }
    if (dashes.size() != seq.items().size()) {
      throw refused(k + 1, key, LAYOUT);
    }
    List<Item> items = new ArrayList<>();
    int previousEnd = k;
    for (int j = 0; j < dashes.size(); j++) {
      int dash = dashes.get(j);
      int limit = j + 1 < dashes.size() ? dashes.get(j + 1) - 1 : end;
      int line = seq.items().get(j).line() - 1;
      if (line < dash || line > limit) {
        throw refused(dash + 1, key, LAYOUT);
      }
      int last = dash;
      for (int l = dash + 1; l <= limit; l++) {
        last = lines.isContent(l) ? l : last;
      }
      // A comment right below the last line and indented like its keys is part of the item.
      while (last < limit && lines.isComment(last + 1) && lines.indent(last + 1) > indent) {
        last++;
      }
      int lead = dash;
      while (lead - 1 > previousEnd && lines.isComment(lead - 1)
          && lines.indent(lead - 1) <= indent) {
        lead--;
      }
      items.add(new Item(idOf(seq.items().get(j)), lead, dash, last));
      previousEnd = last;
    }
    return List.copyOf(items);
  }

  private static String idOf(YamlNode item) {
    return item instanceof YamlNode.Mapping m
        && m.member("id").map(YamlNode.Member::value).orElse(null) instanceof YamlNode.Scalar s
        && s.kind() != YamlNode.Kind.NULL ? s.text() : null;
  }

  private static int indexOf(YamlNode.Mapping mapping, String key) {
    for (int i = 0; i < mapping.members().size(); i++) {
      if (mapping.members().get(i).key().equals(key)) {
        return i;
      }
    }
    return -1;
  }

  // The last line of the section: before the next top-level key, a "..." or "---".
  private static int sectionEnd(TextLines lines, int k, int limit, int rootIndent) {
    for (int l = k + 1; l <= limit; l++) {
      if (lines.isContent(l) && lines.indent(l) <= rootIndent && !lines.isDash(l, rootIndent)) {
        return l - 1;
      }
    }
    return limit;
  }

  private static int nextContent(TextLines lines, int from, int to) {
    for (int l = from; l <= to; l++) {
      if (lines.isContent(l)) {
        return l;
      }
    }
    return -1;
  }

  private static int fieldOffset(String dashLine, int indent) {
    int j = indent + 1;
    while (j < dashLine.length() && dashLine.charAt(j) == ' ') {
      j++;
    }
    // "-" and a tab, or "-" alone with the mapping below: keys two columns right of the dash.
    return j > indent + 1 && j < dashLine.length() && dashLine.charAt(j) != '#' ? j - indent : 2;
  }

  // "key:" at the start of line l, as plain, "quoted" or 'quoted' text; group 3 is what follows.
  private static Matcher keyLine(TextLines lines, int l, String key) {
    if (l < 0 || l >= lines.size()) {
      return null;
    }
    String k = Pattern.quote(key);
    Matcher m = Pattern.compile("( *)(" + k + "|\"" + k + "\"|'" + k + "')[ \\t]*:(?:[ \\t]+(.*))?")
        .matcher(lines.content(l));
    return m.matches() ? m : null;
  }

  private static String comment(Matcher empty) {
    return empty.group("comment") == null ? "" : empty.group("comment");
  }
}
