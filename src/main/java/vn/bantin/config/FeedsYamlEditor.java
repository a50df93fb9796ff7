package vn.bantin.config;

import java.util.Map;

/**
 * Edits one source or category of a feeds.yml text while keeping everything else of the file
 * byte for byte: comments, blank lines, key order, quoting and the other items. Pure: text in,
 * text out; the result is validated by whoever saves it.
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
    throw new UnsupportedOperationException("not yet built");
  }

  /**
   * Removes the item {@code id} of {@code section} with the comment lines directly above it.
   *
   * @return the new text, or the same text when there is no such item
   */
  public static String remove(String yaml, Section section, String id) throws ConfigException {
    throw new UnsupportedOperationException("not yet built");
  }
}
