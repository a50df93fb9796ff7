package vn.bantin.dedup;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import vn.bantin.model.Entry;

/**
 * The story-identity rule: when an incoming entry is a story already seen.
 *
 * <p>Readers subscribe to category feeds that merge many news sites, and the same article reaches
 * them through several sources (a VOV piece reprinted by a provincial paper, an item re-polled
 * with new tracking parameters). The contract ("Duplicates") makes two entries the same story
 * when any of four rules holds: (1) the same source and the same guid/id; (2) the same canonical
 * link ({@link CanonicalLink}); (3) the same normalized title ({@link TitleKey}) published within
 * {@link #TITLE_WINDOW} of each other; (4) near-duplicate title and summary. Rules 1 to 3 are
 * implemented here; rule 4, near-duplicate fingerprints, is not implemented yet. The rules are
 * tried in that order, cheapest and surest first, and each is an indexed lookup by the store
 * ({@link Lookup}), never a scan. Sharing words is not enough: titles must be equal after
 * normalization, so "Đảng ủy Khối triển khai …" and "Đảng ủy Khối sơ kết …" stay apart.
 */
public final class StoryIdentity {

  /** Rule 3: equal title keys make one story only when published at most this far apart. */
  public static final Duration TITLE_WINDOW = Duration.ofHours(48);

  /** Which rule matched. */
  public enum Rule {
    /** Rule 1: the same source published the same guid/id again. */
    SAME_SOURCE_KEY,
    /** Rule 2: the canonical links are equal. */
    SAME_CANONICAL_LINK,
    /** Rule 3: the title keys are equal and the dates within {@link #TITLE_WINDOW}. */
    SAME_TITLE
  }

  /**
   * The keys an entry can be found by.
   *
   * @param canonicalLink {@link CanonicalLink#of} the link, or {@code null}
   * @param titleKey {@link TitleKey#of} the title, or {@code null}
   */
  public record Keys(String canonicalLink, String titleKey) {}

  /**
   * A match of an incoming entry with a stored story.
   *
   * @param storyId the story the entry belongs to
   * @param rule the rule that matched
   */
  public record Match(String storyId, Rule rule) {

    public Match {
      Objects.requireNonNull(storyId, "storyId");
      Objects.requireNonNull(rule, "rule");
    }
  }

  /**
   * Indexed lookups over what is already stored; each answers a story id or {@code null}.
   *
   * @param <X> what the lookups may throw, e.g. {@link java.sql.SQLException}
   */
  public interface Lookup<X extends Exception> {

    /** The story of the entry {@code entryKey} of source {@code sourceId}. */
    String storyOfEntry(String sourceId, String entryKey) throws X;

    /** A story one of whose entries has this canonical link. */
    String storyWithLink(String canonicalLink) throws X;

    /** A story one of whose entries has this title key and was published in [from, to]. */
    String storyWithTitle(String titleKey, Instant from, Instant to) throws X;
  }

  private StoryIdentity() {}

  /** The keys of {@code entry}. */
  public static Keys keysOf(Entry entry) {
    return new Keys(CanonicalLink.of(entry.link()), TitleKey.of(entry.title()));
  }

  /**
   * The stored story {@code entry} belongs to, trying rules 1, 2 and 3 in order.
   *
   * @param keys {@link #keysOf} the entry (the caller usually stores them too)
   * @return the match, or empty when the entry is a new story
   */
  public static <X extends Exception> Optional<Match> match(Entry entry, Keys keys,
      Lookup<X> lookup) throws X {
    String known = lookup.storyOfEntry(entry.sourceId(), entry.key());
    if (known != null) {
      return Optional.of(new Match(known, Rule.SAME_SOURCE_KEY));
    }
    if (keys.canonicalLink() != null) {
      String byLink = lookup.storyWithLink(keys.canonicalLink());
      if (byLink != null) {
        return Optional.of(new Match(byLink, Rule.SAME_CANONICAL_LINK));
      }
    }
    if (keys.titleKey() != null) {
      Instant published = entry.published();
      String byTitle = lookup.storyWithTitle(keys.titleKey(),
          published.minus(TITLE_WINDOW), published.plus(TITLE_WINDOW));
      if (byTitle != null) {
        return Optional.of(new Match(byTitle, Rule.SAME_TITLE));
      }
    }
    return Optional.empty();
  }

  /** Whether two entries are the same story by rules 1 to 3, without any store. */
  public static boolean sameStory(Entry a, Entry b) {
    if (a.sourceId().equals(b.sourceId()) && a.key().equals(b.key())) {
      return true;
    }
    Keys ka = keysOf(a);
    Keys kb = keysOf(b);
    if (ka.canonicalLink() != null && ka.canonicalLink().equals(kb.canonicalLink())) {
      return true;
    }
    return ka.titleKey() != null && ka.titleKey().equals(kb.titleKey())
        && withinTitleWindow(a.published(), b.published());
  }

  /** Whether two publication dates are at most {@link #TITLE_WINDOW} apart. */
  public static boolean withinTitleWindow(Instant a, Instant b) {
    return Duration.between(a, b).abs().compareTo(TITLE_WINDOW) <= 0;
  }
}
