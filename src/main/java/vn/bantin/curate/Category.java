package vn.bantin.curate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import vn.bantin.model.Story;

/**
 * A category as served: its feed metadata and the rules a story must meet to appear in it.
 *
 * @param sourceIds the enabled sources it takes stories from
 * @param maxAge stories older than this are left out, or {@code null}
 * @param limit the number of stories served when the request names none
 */
public record Category(String id, String title, String description, Set<String> sourceIds,
    List<Keyword> include, List<Keyword> exclude, Duration maxAge, int limit) {

  public Category {
    sourceIds = Set.copyOf(sourceIds);
    include = List.copyOf(include);
    exclude = List.copyOf(exclude);
  }

  /** The oldest publication date kept at {@code now}, or {@code null} when age does not matter. */
  public Instant since(Instant now) {
    return maxAge == null ? null : now.minus(maxAge);
  }

  /** Whether the keywords keep {@code story}; sources and age are checked elsewhere. */
  public boolean keeps(Story story) {
    return !hasKeywords() || keeps(Keyword.Text.of(story));
  }

  /** Whether the category has keywords at all; without any it keeps every story. */
  boolean hasKeywords() {
    return !include.isEmpty() || !exclude.isEmpty();
  }

  /** {@link #keeps(Story)} on the story's text, prepared once for every category. */
  boolean keeps(Keyword.Text text) {
    boolean included = include.isEmpty() || include.stream().anyMatch(k -> k.matches(text));
    return included && exclude.stream().noneMatch(k -> k.matches(text));
  }
}
