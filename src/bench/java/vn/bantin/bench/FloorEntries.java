package vn.bantin.bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import vn.bantin.config.ConfigLoader;
import vn.bantin.config.Settings;
import vn.bantin.dedup.StoryIdentity;
import vn.bantin.dedup.StoryIdentity.Keys;
import vn.bantin.model.Entry;
import vn.bantin.normalize.Normalizer;
import vn.bantin.parse.FeedParseException;
import vn.bantin.parse.FeedParser;

/**
 * The entries of one changed poll cycle of {@code bench/poll.sh}: generation {@code g} of {@link
 * PollFeeds} for sources {@code bao-1 .. bao-F}, parsed and normalized by bantin's own parser and
 * normalizer, as its parse pool does, with their dedup keys (fingerprints computed) alongside.
 */
final class FloorEntries {

  /** One source's poll: its entries and their keys, in feed order. */
  record Poll(String sourceId, List<Entry> entries, List<Keys> keys) {}

  private FloorEntries() {}

  /** Generation {@code g} of {@code feeds} feeds of {@code items} items each. */
  static List<Poll> generation(int g, int feeds, int items, Instant base)
      throws FeedParseException {
    Settings settings = ConfigLoader.defaults();
    FeedParser parser = new FeedParser(settings.parse().maxDepth());
    Normalizer normalizer = new Normalizer(settings.parse());
    PollFeeds upstream = new PollFeeds(items, base);
    // Fetched just after the newest item, like a cycle run when the generation went up.
    Instant fetchedAt = base.plusSeconds(3600L * g + 5).truncatedTo(ChronoUnit.MILLIS);
    List<Poll> polls = new ArrayList<>(feeds);
    for (int f = 1; f <= feeds; f++) {
      String url = "http://127.0.0.1/feed-" + f + ".xml";
      List<Entry> entries = normalizer.normalize("bao-" + f,
          parser.parse(upstream.feed(g, f), "application/rss+xml", url), url, fetchedAt);
      List<Keys> keys = new ArrayList<>(entries.size());
      for (Entry entry : entries) {
        Keys k = StoryIdentity.keysOf(entry);
        k.fingerprint();
        keys.add(k);
      }
      polls.add(new Poll("bao-" + f, entries, keys));
    }
    return polls;
  }

  static int count(List<Poll> polls) {
    return polls.stream().mapToInt(p -> p.entries().size()).sum();
  }
}
