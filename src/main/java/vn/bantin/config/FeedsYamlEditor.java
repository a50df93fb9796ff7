package vn.bantin.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Edits one source or category of a feeds.yml text while keeping everything else of the file
 * byte for byte: comments, blank lines, key order, quoting and the other items. Pure: text in,
 * text out; the result is validated by whoever saves it.
 *
 * <p>The YAML library cannot write comments back, so the text is edited line by line. An item
 * is its {@code - } line through its last line (including comment lines right below that are
 * indented deeper than its {@code -}); the comment lines directly above its {@code - } (no
 * blank line between, indented no deeper than the {@code -}) belong to it too. A replaced item
 * is written anew in place, so comments inside it and its own quoting and key order are lost;
 * the comments above it stay. An added item goes right after the last item of its list, written
 * with the same indentation as the items there; a missing list is appended at the end of the
 * file, an empty one ({@code []}, {@code ~} or nothing) becomes a block list on its key line, and
 * removing the last item leaves {@code key: []}. Line breaks (LF or CR LF), a byte order mark
 * and the presence of a final line break are kept.
 *
 * <p>Values are written as YAML 1.1 and 1.2 readers both read them back: keys in schema order
 * ({@code id, title, url, tags, interval, enabled} / {@code id, title, description, sources,
 * tags, include, exclude, max_age, limit}, then unknown keys as given), null values left out,
 * strings plain unless that could read as something else (see {@code YamlValues}), then
 * double-quoted with JSON escapes; lists in flow style {@code [a, b]}.
 *
 * <p>Refused with a {@link ConfigException} (one problem on the line concerned, path
 * {@code sources} or {@code categories}): flow-style lists ({@code sources: [{id: a}]}), a root
 * that is not block-style {@code key: value} lines, a list key holding something else; and
 * invalid YAML, with its syntax problem (path {@code (yaml)}).
 */
public final class FeedsYamlEditor {
  /** The two lists that hold items with an {@code id}. */
  public enum Section { SOURCES, CATEGORIES }

  private FeedsYamlEditor() {}

  /**
   * Adds the item with {@code fields.get("id")} to the end of {@code section}, or replaces the
   * item with that id where it stands (its comments above stay).
   *
   * @param fields the item as JSON would give it: strings, numbers, booleans, lists of strings;
   *     keys as in feeds.yml ({@code id}, {@code title}, {@code url}, {@code tags},
   *     {@code interval}, {@code enabled}, {@code description}, {@code sources},
   *     {@code include}, {@code exclude}, {@code max_age}, {@code limit})
   * @throws ConfigException when {@code yaml} has no such section layout to edit (not a mapping,
   *     flow style lists) — the caller answers 422
   */
  public static String upsert(String yaml, Section section, Map<String, Object> fields)
      throws ConfigException {
    TextLines lines = TextLines.of(yaml);
    YamlNode root = parse(yaml);
    SectionLayout layout = SectionLayout.locate(lines, root, key(section));
    Object id = fields.get("id");
    Optional<SectionLayout.Item> same = id == null ? Optional.empty()
        : layout.items().stream().filter(i -> id.toString().equals(i.id())).findFirst();
    if (same.isPresent()) {
      lines.replace(same.get().dash(), same.get().end() + 1,
          item(section, fields, layout.itemIndent(), layout.fieldOffset()));
    } else if (!layout.items().isEmpty()) {
      int after = layout.items().get(layout.items().size() - 1).end() + 1;
      lines.replace(after, after, item(section, fields, layout.itemIndent(),
          layout.fieldOffset()));
    } else {
      // The first item: indented like the other list's items, else two spaces in.
      SectionLayout other = otherLayout(lines, root, section);
      int indent = other.itemIndent() >= 0 ? other.itemIndent() : layout.rootIndent() + 2;
      List<String> added = item(section, fields, indent, other.fieldOffset());
      if (layout.keyLine() >= 0) {
        lines.set(layout.keyLine(), layout.keyHead() + ":" + spaced(layout.keyComment()));
        lines.replace(layout.keyLine() + 1, layout.keyLine() + 1, added);
      } else {
        List<String> block = new ArrayList<>();
        if (lines.size() > 0 && !lines.isBlank(lines.size() - 1)) {
          block.add("");
        }
        block.add(layout.keyHead() + ":");
        block.addAll(added);
        lines.replace(lines.size(), lines.size(), block);
      }
    }
    return lines.text();
  }

  /**
   * Removes the item {@code id} of {@code section} with the comment lines directly above it.
   *
   * @return the new text, or the same text when there is no such item
   * @throws ConfigException when the item is there but cannot be cut out (as for upsert), or
   *     {@code yaml} is not YAML
   */
  public static String remove(String yaml, Section section, String id) throws ConfigException {
    YamlNode root = parse(yaml);
    if (!SectionLayout.contains(root, key(section), id)) {
      return yaml;
    }
    TextLines lines = TextLines.of(yaml);
    SectionLayout layout = SectionLayout.locate(lines, root, key(section));
    SectionLayout.Item item = layout.items().stream().filter(i -> id.equals(i.id()))
        .findFirst().orElseThrow(); // contains said so, and the layout agrees with the tree
    lines.replace(item.lead(), item.end() + 1, List.of());
    if (layout.items().size() == 1) {
      // An empty block list would read as null; write the empty list the validator accepts.
      lines.set(layout.keyLine(), layout.keyHead() + ": []" + spaced(layout.keyComment()));
    }
    return lines.text();
  }

  private static YamlNode parse(String yaml) throws ConfigException {
    Problems problems = new Problems(SectionLayout.FILE);
    Optional<YamlNode> root = YamlTree.parse(yaml, problems);
    if (root.isEmpty()) {
      problems.throwIfAny(); // invalid YAML: its syntax problem
    }
    // Other problems (a duplicate key ...) are left to the validation of the result.
    return root.orElseThrow();
  }

  private static SectionLayout otherLayout(TextLines lines, YamlNode root, Section section) {
    Section other = section == Section.SOURCES ? Section.CATEGORIES : Section.SOURCES;
    try {
      return SectionLayout.locate(lines, root, key(other));
    } catch (ConfigException e) {
      // The other list is flow style or odd; it only lends its indentation.
      return new SectionLayout(key(other), 0, -1, "", "", List.of(), -1, 2);
    }
  }

  /** The lines of one list item, its {@code -} at column {@code indent}. */
  static List<String> item(Section section, Map<String, Object> fields, int indent,
      int fieldOffset) {
    Set<String> keys = new LinkedHashSet<>(
        section == Section.SOURCES ? SourceReader.KEYS : CategoryReader.KEYS);
    keys.retainAll(fields.keySet());
    keys.addAll(fields.keySet()); // unknown keys last, as given: validation reports them
    List<String> out = new ArrayList<>();
    for (String k : keys) {
      Object value = fields.get(k);
      if (value != null) {
        String head = out.isEmpty() ? " ".repeat(indent) + "-" + " ".repeat(fieldOffset - 1)
            : " ".repeat(indent + fieldOffset);
        out.add(head + YamlValues.key(k) + ": " + YamlValues.value(value));
      }
    }
    if (out.isEmpty()) {
      out.add(" ".repeat(indent) + "- {}");
    }
    return out;
  }

  private static String key(Section section) {
    return section == Section.SOURCES ? "sources" : "categories";
  }

  private static String spaced(String comment) {
    return comment.isEmpty() ? "" : " " + comment;
  }
}
