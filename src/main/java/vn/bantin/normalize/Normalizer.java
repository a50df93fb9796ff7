package vn.bantin.normalize;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import vn.bantin.config.Settings;
import vn.bantin.model.Entry;
import vn.bantin.parse.ParsedEntry;
import vn.bantin.parse.ParsedFeed;

/**
 * Turns one parsed feed into the entries bantin stores: NFC text, plain-text titles, sanitized
 * HTML with absolute links, http(s) links only, usable dates, a stable key per item, at most
 * {@code maxEntries} of them. Immutable and safe to share between threads.
 */
public final class Normalizer {

  private final Settings.Parse caps;
  private final HtmlSanitizer sanitizer = new HtmlSanitizer();

  /** @param caps the entry count and text length limits of {@code conf/bantin.yml} */
  public Normalizer(Settings.Parse caps) {
    this.caps = Objects.requireNonNull(caps, "caps");
  }

  /**
   * The feed's entries, in document order, without repeated keys (the first occurrence wins: feeds
   * repeat items in "related news" blocks) and, when there are more than {@code maxEntries}, only
   * the newest by published date.
   *
   * @param sourceId the configured source, copied into every entry
   * @param feed what the parser read
   * @param feedUrl where the feed was fetched from; the base for an entry without one
   * @param fetchedAt when it was fetched: the date of undated and future-dated entries
   */
  public List<Entry> normalize(String sourceId, ParsedFeed feed, String feedUrl,
      Instant fetchedAt) {
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(fetchedAt, "fetchedAt");
    List<Candidate> unique = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int position = 0;
    for (ParsedEntry raw : feed.entries()) {
      Candidate c = candidate(position++, raw, feedUrl, fetchedAt);
      if (seen.add(c.key())) {
        unique.add(c);
      }
    }
    List<Entry> entries = new ArrayList<>();
    for (Candidate c : newest(unique, caps.maxEntries())) {
      entries.add(entry(sourceId, c, fetchedAt));
    }
    return entries;
  }

  /** What deciding identity, order and the cap needs: cheap, no content sanitizing. */
  private record Candidate(int position, ParsedEntry raw, String baseUrl, String link, String key,
      Instant published) {}

  private Candidate candidate(int position, ParsedEntry raw, String feedUrl, Instant fetchedAt) {
    String base = raw.baseUrl() != null ? raw.baseUrl() : feedUrl;
    String link = Links.absolute(Texts.nfc(raw.link()), base);
    String key = EntryKeys.of(raw.id(), link,
        () -> title(raw) + "\n" + summary(raw, base));
    return new Candidate(position, raw, base, link, key,
        PublishedDates.of(raw.published(), raw.updated(), fetchedAt));
  }

  /** The {@code max} newest (ties: earlier in the document), still in document order. */
  private static List<Candidate> newest(List<Candidate> all, int max) {
    if (all.size() <= max) {
      return all;
    }
    List<Candidate> byDate = new ArrayList<>(all);
    byDate.sort(Comparator.comparing(Candidate::published).reversed()
        .thenComparingInt(Candidate::position));
    List<Candidate> kept = new ArrayList<>(byDate.subList(0, Math.max(0, max)));
    kept.sort(Comparator.comparingInt(Candidate::position));
    return kept;
  }

  private Entry entry(String sourceId, Candidate c, Instant fetchedAt) {
    ParsedEntry raw = c.raw();
    String author = Texts.cap(Texts.textWithoutMarkup(raw.author()), caps.maxTitleChars()).strip();
    return new Entry(sourceId, c.key(), c.link(), title(raw), summary(raw, c.baseUrl()),
        sanitizer.sanitize(raw.contentHtml(), c.baseUrl(), caps.maxContentChars()),
        author.isEmpty() ? null : author, c.published(), fetchedAt);
  }

  private String title(ParsedEntry raw) {
    return Texts.cap(Texts.textWithoutMarkup(raw.title()), caps.maxTitleChars()).strip();
  }

  private String summary(ParsedEntry raw, String baseUrl) {
    return sanitizer.sanitize(raw.summaryHtml(), baseUrl, caps.maxSummaryChars());
  }
}
