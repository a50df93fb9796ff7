package vn.bantin.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Reads a list of text (tags, keywords, source ids) item by item, each problem at its item's
 * line and path ({@code categories[0].sources[1]}).
 */
final class TextItems {
  private TextItems() {}

  /** The non-blank text items of {@code key}'s list; other items are reported and left out. */
  static List<String> texts(MappingReader m, String key) {
    return read(m, key, item -> true);
  }

  /**
   * The non-blank text items of {@code key}'s list. Other items are reported and left out; so are
   * items {@code check} rejects (it reports them itself, see {@link #problem}).
   */
  static List<String> read(MappingReader m, String key, Predicate<Item> check) {
    List<YamlNode> nodes = m.list(key);
    List<String> out = new ArrayList<>(nodes.size());
    for (int i = 0; i < nodes.size(); i++) {
      YamlNode node = nodes.get(i);
      Item item = new Item(m.problems(), node.line(), m.pathOf(key) + "[" + i + "]", "");
      text(item, node).filter(t -> check.test(item.withText(t))).ifPresent(out::add);
    }
    return out;
  }

  /** One list item as found, for a {@code check} to judge and report. */
  record Item(Problems problems, int line, String path, String text) {
    Item withText(String t) {
      return new Item(problems, line, path, t);
    }

    /** Reports a problem about this item. */
    void problem(String message) {
      problems.add(line, path, message);
    }
  }

  private static Optional<String> text(Item item, YamlNode node) {
    if (node instanceof YamlNode.Scalar s && s.kind() == YamlNode.Kind.REPORTED) {
      return Optional.empty();
    }
    if (!(node instanceof YamlNode.Scalar s) || s.kind() == YamlNode.Kind.NULL) {
      item.problem("expected text, got " + node.describe());
      return Optional.empty();
    }
    if (s.text().isBlank()) {
      item.problem("must not be blank");
      return Optional.empty();
    }
    return Optional.of(s.text());
  }
}
