package vn.bantin.http;

import java.util.ArrayList;
import java.util.List;

/**
 * An {@code If-Match} request header (RFC 9110 §13.1.1): absent, {@code *}, or a list of entity
 * tags compared strongly, so a weak tag ({@code W/"..."}) never matches.
 */
record IfMatch(boolean present, boolean any, List<String> tags) {
  static final IfMatch ABSENT = new IfMatch(false, false, List.of());

  IfMatch {
    tags = List.copyOf(tags);
  }

  /** The parsed header; {@code null} gives {@link #ABSENT}. */
  static IfMatch parse(String header) {
    if (header == null) {
      return ABSENT;
    }
    List<String> tags = new ArrayList<>();
    for (String part : header.split(",")) {
      String tag = part.strip();
      if (tag.equals("*")) {
        return new IfMatch(true, true, List.of());
      }
      if (!tag.isEmpty()) {
        tags.add(tag);
      }
    }
    return new IfMatch(true, false, tags);
  }

  /** Whether {@code etag} (the version in force) satisfies the header; true when absent. */
  boolean matches(String etag) {
    // Strong comparison: both tags must be strong and equal character for character.
    return !present || any || (!etag.startsWith("W/") && tags.contains(etag));
  }

  /**
   * The ETag to hand ConfigService, which compares it with the version in force when it saves:
   * {@code null} (no check) for {@code *}, {@code current} when listed, else a listed tag, which
   * will be stale. Only for a present header.
   */
  String expected(String current) {
    if (any) {
      return null;
    }
    return matches(current) ? current : tags.isEmpty() ? "" : tags.get(0);
  }
}
