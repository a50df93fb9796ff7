package vn.bantin.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads and validates the tree of {@code feeds.yml} (schema in CONTRACT.md) into a
 * {@link FeedsConfig}, reporting every problem found.
 */
final class FeedsReader {
  /** Source and category ids: they appear in URLs ({@code /feeds/{id}.rss}) and metrics. */
  static final Pattern ID = Pattern.compile("[a-z0-9-]{1,64}");

  /** The shortest poll interval: news sites publish by the minute at most. */
  static final Duration MIN_INTERVAL = Duration.ofMinutes(1);

  private FeedsReader() {}

  static FeedsConfig read(YamlNode root, Duration fallbackInterval, Problems problems) {
    if (root instanceof YamlNode.Scalar s && s.kind() == YamlNode.Kind.NULL) {
      problems.add(0, "version", "required (the file is empty; start it with version: 1)");
      return new FeedsConfig(fallbackInterval, List.of(), List.of());
    }
    if (!(root instanceof YamlNode.Mapping)) {
      MappingReader.of(root, "", problems, List.of()); // reports the wrong type once
      return new FeedsConfig(fallbackInterval, List.of(), List.of());
    }
    MappingReader top = MappingReader.of(root, "", problems,
        List.of("version", "defaults", "sources", "categories"));
    version(top);
    Duration interval = top.section("defaults", List.of("interval"))
        .duration("interval", fallbackInterval, MIN_INTERVAL);

    List<SourceConfig> sources = new ArrayList<>();
    Map<String, Integer> sourceLines = new HashMap<>();
    List<YamlNode> sourceNodes = top.list("sources");
    for (int i = 0; i < sourceNodes.size(); i++) {
      if (!isMapping(sourceNodes.get(i), "sources[" + i + "]", problems)) {
        continue;
      }
      MappingReader m = MappingReader.of(sourceNodes.get(i), "sources[" + i + "]", problems,
          SourceReader.KEYS);
      SourceConfig source = SourceReader.read(m, interval);
      if (isNewId(m, source.id(), sourceLines)) {
        sources.add(source);
      }
    }

    List<CategoryConfig> categories = new ArrayList<>();
    Map<String, Integer> categoryLines = new HashMap<>();
    List<YamlNode> categoryNodes = top.list("categories");
    for (int i = 0; i < categoryNodes.size(); i++) {
      if (!isMapping(categoryNodes.get(i), "categories[" + i + "]", problems)) {
        continue;
      }
      MappingReader m = MappingReader.of(categoryNodes.get(i), "categories[" + i + "]", problems,
          CategoryReader.KEYS);
      CategoryConfig category = CategoryReader.read(m, sourceLines.keySet());
      if (isNewId(m, category.id(), categoryLines)) {
        categories.add(category);
      }
    }
    return new FeedsConfig(interval, sources, categories);
  }

  private static void version(MappingReader top) {
    if (top.require("version")) {
      top.value("version")
          .filter(v -> !(v instanceof YamlNode.Scalar s && s.kind() == YamlNode.Kind.INTEGER
              && s.text().equals("1")))
          .ifPresent(v -> top.report("version", "must be 1, got " + v.describe()));
    }
  }

  /**
   * Reads an id that must match {@link #ID}; reports a problem and returns "" when it does not.
   */
  static String id(MappingReader m) {
    String id = m.requiredText("id");
    if (!id.isEmpty() && !ID.matcher(id).matches()) {
      m.report("id", "must be 1 to 64 of a-z, 0-9 and -");
      return "";
    }
    return id;
  }

  /** Records {@code id} as seen; reports a duplicate (and returns false) when it was seen before. */
  private static boolean isNewId(MappingReader m, String id, Map<String, Integer> seen) {
    if (id.isEmpty()) {
      return true; // already reported; keep the entry so later rules still check it
    }
    Integer first = seen.putIfAbsent(id, m.lineOf("id"));
    if (first != null) {
      m.report("id", "duplicate id '" + id + "'; first at line " + first);
      return false;
    }
    return true;
  }

  // A source that is not a mapping is one problem; "id: required" and the like would only confuse.
  private static boolean isMapping(YamlNode node, String path, Problems problems) {
    if (node instanceof YamlNode.Mapping) {
      return true;
    }
    if (!(node instanceof YamlNode.Scalar s && s.kind() == YamlNode.Kind.REPORTED)) {
      problems.add(node.line(), path, MappingReader.notAMapping(node));
    }
    return false;
  }
}
