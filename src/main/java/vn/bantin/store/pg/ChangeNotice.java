package vn.bantin.store.pg;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What one instance tells the others on {@link PgChanges#CHANNEL} when a transaction changed
 * stories: which instance wrote it and which categories now render differently. As text it is
 * {@code origin:ids}, the ids comma-separated in order, or {@code origin:*} for every category.
 *
 * @param origin the writing store's random id, so a store can skip its own notices
 * @param categories the changed category ids; {@code null} means every category
 */
record ChangeNotice(String origin, Set<String> categories) {

  /**
   * The longest payload sent. PostgreSQL refuses a NOTIFY payload of 8000 bytes or more (SQL
   * command NOTIFY); ids are ASCII ({@code [a-z0-9-]}), so characters are bytes, and a change
   * too long to list is sent as "every category", which is never wrong, only slower.
   */
  static final int MAX_PAYLOAD = 7900;
  private static final String EVERYTHING = "*";
  private static final Pattern ID = Pattern.compile("[a-z0-9-]{1,64}");

  ChangeNotice {
    categories = categories == null ? null : Set.copyOf(categories);
  }

  /** A notice that every category may have changed. */
  static ChangeNotice everything(String origin) {
    return new ChangeNotice(origin, null);
  }

  /** Whether this notice names no particular categories: all of them may have changed. */
  boolean isEverything() {
    return categories == null;
  }

  /** The NOTIFY payload, under {@link #MAX_PAYLOAD} characters. */
  String payload() {
    if (categories != null) {
      String listed = origin + ":" + String.join(",", new TreeSet<>(categories));
      if (listed.length() <= MAX_PAYLOAD) {
        return listed;
      }
    }
    return origin + ":" + EVERYTHING;
  }

  /**
   * Reads a payload. One it cannot read (another version's, say) means every category: a
   * needless re-render is cheap, a stale feed is not.
   */
  static ChangeNotice parse(String payload) {
    int colon = payload == null ? -1 : payload.indexOf(':');
    if (colon < 0) {
      return everything("");
    }
    String origin = payload.substring(0, colon);
    String ids = payload.substring(colon + 1);
    if (ids.equals(EVERYTHING) || ids.isEmpty()) {
      return everything(origin);
    }
    String[] parts = ids.split(",", -1);
    if (!Arrays.stream(parts).allMatch(id -> ID.matcher(id).matches())) {
      return everything(origin);
    }
    return new ChangeNotice(origin, new TreeSet<>(Arrays.asList(parts)));
  }
}
