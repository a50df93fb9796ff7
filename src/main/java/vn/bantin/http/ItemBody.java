package vn.bantin.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.bantin.config.FeedsYamlEditor.Section;

/**
 * A source or category sent as JSON, checked for shape only: a JSON object whose keys are
 * feeds.yml's keys with the right JSON types. What the values mean (URL, durations, references)
 * is feeds.yml's validator's business. {@code null} stands for an absent key.
 */
final class ItemBody {
  /** The JSON types a key may have. */
  private enum Kind { TEXT, TEXTS, BOOLEAN, WHOLE_NUMBER }

  private static final Map<String, Kind> SOURCE = ordered(
      "id", Kind.TEXT, "title", Kind.TEXT, "url", Kind.TEXT, "tags", Kind.TEXTS,
      "interval", Kind.TEXT, "enabled", Kind.BOOLEAN);
  private static final Map<String, Kind> CATEGORY = ordered(
      "id", Kind.TEXT, "title", Kind.TEXT, "description", Kind.TEXT, "sources", Kind.TEXTS,
      "tags", Kind.TEXTS, "include", Kind.TEXTS, "exclude", Kind.TEXTS, "max_age", Kind.TEXT,
      "limit", Kind.WHOLE_NUMBER);

  /** How reading a body ended. */
  sealed interface Read {}

  /** The item's keys in feeds.yml order, as {@link vn.bantin.config.FeedsYamlEditor} takes them. */
  record Fields(Map<String, Object> fields) implements Read {}

  /** Not an object, or {@code field} has the wrong type or is unknown ({@code null}: the body). */
  record Bad(String field, String message) implements Read {}

  private ItemBody() {}

  /**
   * Reads {@code body} as one item of {@code section}.
   *
   * @param pathId the id named by the URL ({@code PUT}), which the body may repeat but not
   *     contradict; {@code null} when the body must name it ({@code POST})
   */
  static Read read(Buffer body, Section section, String pathId) {
    Object json;
    try {
      json = body == null || body.length() == 0 ? null : Json.decodeValue(body);
    } catch (DecodeException e) {
      return new Bad(null, "the body is not JSON");
    }
    if (!(json instanceof JsonObject object)) {
      return new Bad(null, "the body must be a JSON object");
    }
    Map<String, Kind> kinds = section == Section.SOURCES ? SOURCE : CATEGORY;
    for (String key : object.fieldNames()) {
      if (!kinds.containsKey(key)) {
        return new Bad(key, "unknown field " + key + "; known: " + String.join(", ",
            kinds.keySet()));
      }
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    for (Map.Entry<String, Kind> key : kinds.entrySet()) {
      Object value = object.getValue(key.getKey());
      if (value == null) {
        continue;
      }
      Object checked = check(value, key.getValue());
      if (checked == null) {
        return new Bad(key.getKey(), key.getKey() + " must be " + describe(key.getValue()));
      }
      fields.put(key.getKey(), checked);
    }
    Object id = pathId != null ? pathId : fields.get("id");
    if (id == null) {
      return new Bad("id", "id is required");
    }
    if (!id.equals(fields.getOrDefault("id", id))) {
      return new Bad("id", "id " + fields.get("id") + " differs from " + pathId
          + " in the URL; an id cannot be changed");
    }
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("id", id); // first, as feeds.yml writes it
    item.putAll(fields);
    return new Fields(item);
  }

  /** {@code value} as the editor takes it, or {@code null} when it has the wrong type. */
  private static Object check(Object value, Kind kind) {
    return switch (kind) {
      case TEXT -> value instanceof String ? value : null;
      case BOOLEAN -> value instanceof Boolean ? value : null;
      case WHOLE_NUMBER -> (value instanceof Integer || value instanceof Long)
          && ((Number) value).longValue() == ((Number) value).intValue()
          ? ((Number) value).intValue() : null;
      case TEXTS -> {
        if (!(value instanceof JsonArray array)) {
          yield null;
        }
        List<Object> items = array.getList();
        yield items.stream().allMatch(i -> i instanceof String) ? List.copyOf(items) : null;
      }
    };
  }

  private static String describe(Kind kind) {
    return switch (kind) {
      case TEXT -> "a string";
      case TEXTS -> "a list of strings";
      case BOOLEAN -> "true or false";
      case WHOLE_NUMBER -> "a whole number";
    };
  }

  private static Map<String, Kind> ordered(Object... pairs) {
    Map<String, Kind> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], (Kind) pairs[i + 1]);
    }
    return map;
  }
}
