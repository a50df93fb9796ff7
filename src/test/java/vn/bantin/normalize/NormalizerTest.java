package vn.bantin.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer.Form;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.bantin.config.Settings;
import vn.bantin.model.Entry;
import vn.bantin.parse.ParsedEntry;
import vn.bantin.parse.ParsedFeed;

class NormalizerTest {

  private static final Instant FETCHED = Instant.parse("2025-06-03T12:00:00Z");
  private static final String FEED_URL = "https://vov.vn/rss/chinh-tri.rss";
  private static final String BASE = "https://vov.vn/chinh-tri/";
  private final Normalizer normalizer = new Normalizer(caps(100));

  private static Settings.Parse caps(int maxEntries) {
    return new Settings.Parse(2, 64, maxEntries, 40, 120, 200);
  }

  private static ParsedEntry item(String id, String link, String title, Instant published) {
    return new ParsedEntry(id, link, title, null, null, null, published, null, BASE);
  }

  private List<Entry> normalize(ParsedEntry... items) {
    return normalizer.normalize("vov", new ParsedFeed("VOV", BASE, List.of(items)), FEED_URL,
        FETCHED);
  }

  private Entry one(ParsedEntry item) {
    return normalize(item).get(0);
  }

  @Test
  void nfdInputComesOutNfc() {
    String nfd = java.text.Normalizer.normalize("Đảng bộ tỉnh Lai Châu", Form.NFD);
    assertThat(nfd).isNotEqualTo("Đảng bộ tỉnh Lai Châu");
    Entry e = one(new ParsedEntry(nfd, null, nfd, "<p>" + nfd + "</p>", "<b>" + nfd + "</b>",
        nfd, null, null, BASE));
    assertThat(e.title()).isEqualTo("Đảng bộ tỉnh Lai Châu");
    assertThat(e.summaryHtml()).isEqualTo("<p>Đảng bộ tỉnh Lai Châu</p>");
    assertThat(e.contentHtml()).isEqualTo("<b>Đảng bộ tỉnh Lai Châu</b>");
    assertThat(e.author()).isEqualTo("Đảng bộ tỉnh Lai Châu");
    assertThat(e.key()).isEqualTo("id:Đảng bộ tỉnh Lai Châu");
  }

  @Test
  void titlesBecomePlainText() {
    Entry e = one(item("1", null, "  <b>Hội&nbsp;nghị</b>\n  Trung ương &amp; &quot;Đảng&quot; ",
        null));
    assertThat(e.title()).isEqualTo("Hội nghị Trung ương & \"Đảng\"");
  }

  @Test
  void capsApplyToTitleSummaryContentAndAuthor() {
    String longText = "Nghị quyết ".repeat(100);
    Entry e = one(new ParsedEntry("1", null, longText, "<p>" + longText + "</p>",
        "<div><p>" + longText + "</p></div>", longText, null, null, BASE));
    assertThat(e.title()).hasSizeLessThanOrEqualTo(40).startsWith("Nghị quyết Nghị");
    assertThat(e.summaryHtml()).hasSizeLessThanOrEqualTo(120).startsWith("<p>Nghị").endsWith("</p>");
    assertThat(e.contentHtml()).hasSizeLessThanOrEqualTo(200).endsWith("</p></div>");
    assertThat(e.author()).hasSizeLessThanOrEqualTo(40);
  }

  @Test
  void aTitleCapNeverSplitsASurrogatePair() {
    Entry e = one(item("1", null, "a".repeat(39) + "😀😀", null));
    assertThat(e.title()).isEqualTo("a".repeat(39));
  }

  @Test
  void linksAreResolvedAndOnlyHttpKept() {
    List<Entry> entries = normalize(item("1", "../xa-hoi/tin.html", "a", null),
        item("2", "javascript:alert(1)", "b", null), item("3", "mailto:bbt@vov.vn", "c", null));
    assertThat(entries).extracting(Entry::link)
        .containsExactly("https://vov.vn/xa-hoi/tin.html", null, null);
  }

  @Test
  void summaryLinksAreAbsoluteAgainstTheEntryBase() {
    Entry e = one(new ParsedEntry("1", null, "t", "<a href=\"chi-tiet.html\">x</a>", null, null,
        null, null, "https://tinhuy.laichau.gov.vn/hoat-dong/"));
    assertThat(e.summaryHtml()).contains("href=\"https://tinhuy.laichau.gov.vn/hoat-dong/chi-tiet.html\"");
  }

  static Stream<Arguments> dates() {
    Instant past = Instant.parse("2025-06-01T08:00:00Z");
    Instant older = Instant.parse("2025-05-01T08:00:00Z");
    Instant future = FETCHED.plus(Duration.ofDays(3));
    Instant before1970 = Instant.parse("1969-12-31T23:59:59Z");
    return Stream.of(
        Arguments.of(Named.of("published wins", past), older, past),
        Arguments.of(Named.of("updated when published missing", null), older, older),
        Arguments.of(Named.of("fetch time when both missing", null), null, FETCHED),
        Arguments.of(Named.of("future becomes fetch time", future), null, FETCHED),
        Arguments.of(Named.of("future updated becomes fetch time", null), future, FETCHED),
        Arguments.of(Named.of("before 1970 falls to updated", before1970), older, older),
        Arguments.of(Named.of("before 1970 alone becomes fetch time", before1970), null, FETCHED),
        Arguments.of(Named.of("the epoch itself is kept", Instant.EPOCH), null, Instant.EPOCH));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dates")
  void publishedDate(Instant published, Instant updated, Instant expected) {
    Entry e = one(new ParsedEntry("1", null, "t", null, null, null, published, updated, BASE));
    assertThat(e.published()).isEqualTo(expected);
    assertThat(e.fetchedAt()).isEqualTo(FETCHED);
  }

  static Stream<Arguments> keys() {
    return Stream.of(
        Arguments.of(Named.of("guid, trimmed", item("  vov-1001 \n", "/a", "t", null)),
            "id:vov-1001"),
        Arguments.of(Named.of("absolute link without guid", item(null, "/a.html", "t", null)),
            "link:https://vov.vn/a.html"),
        Arguments.of(Named.of("blank guid falls to the link", item("  ", "/a.html", "t", null)),
            "link:https://vov.vn/a.html"),
        Arguments.of(Named.of("non-http link falls to the hash",
            item(null, "javascript:x()", "Tin", null)), "hash:"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("keys")
  void keyDerivation(ParsedEntry item, String expectedPrefixOrKey) {
    String key = one(item).key();
    if (expectedPrefixOrKey.equals("hash:")) {
      assertThat(key).matches("hash:[0-9a-f]{32}");
    } else {
      assertThat(key).isEqualTo(expectedPrefixOrKey);
    }
  }

  @Test
  void theHashKeyIsStableAcrossPollsAndFormsButFollowsTheText() {
    String nfc = "Đảng bộ tỉnh";
    String nfd = java.text.Normalizer.normalize(nfc, Form.NFD);
    ParsedEntry first = new ParsedEntry(null, null, nfc, "<p>Tóm tắt</p>", null, null, null,
        null, BASE);
    ParsedEntry again = new ParsedEntry(null, null, "  <b>" + nfd + "</b> ", "<p>Tóm tắt</p>",
        null, null, null, null, BASE);
    ParsedEntry other = new ParsedEntry(null, null, nfc, "<p>Tóm tắt khác</p>", null, null, null,
        null, BASE);
    assertThat(one(again).key()).isEqualTo(one(first).key());
    assertThat(one(other).key()).isNotEqualTo(one(first).key());
  }

  @Test
  void duplicateKeysInOneFeedKeepTheFirst() {
    List<Entry> entries = normalize(item("a", null, "Tin A", null), item("b", null, "Tin B", null),
        item("a", null, "Tin A (tin liên quan)", null));
    assertThat(entries).extracting(Entry::title).containsExactly("Tin A", "Tin B");
  }

  @Test
  void maxEntriesKeepsTheNewestInDocumentOrder() {
    Normalizer capped = new Normalizer(caps(3));
    Instant base = Instant.parse("2025-06-01T00:00:00Z");
    List<ParsedEntry> items = new ArrayList<>();
    int[] hours = {5, 1, 9, 3, 7, 2};
    for (int i = 0; i < hours.length; i++) {
      items.add(item("id-" + i, null, "h" + hours[i], base.plus(Duration.ofHours(hours[i]))));
    }
    List<Entry> entries = capped.normalize("vov", new ParsedFeed("VOV", BASE, items), FEED_URL,
        FETCHED);
    assertThat(entries).extracting(Entry::title).containsExactly("h5", "h9", "h7");
  }

  @Test
  void aHundredThousandItemsAreCapped() {
    List<ParsedEntry> items = new ArrayList<>();
    Instant base = Instant.parse("2025-01-01T00:00:00Z");
    for (int i = 0; i < 100_000; i++) {
      items.add(item("id-" + i, null, "Tin " + i, base.plusSeconds(i)));
    }
    List<Entry> entries = normalizer.normalize("vov", new ParsedFeed("VOV", BASE, items),
        FEED_URL, FETCHED);
    assertThat(entries).hasSize(100);
    assertThat(entries.get(0).title()).isEqualTo("Tin 99900");
    assertThat(entries.get(99).title()).isEqualTo("Tin 99999");
  }

  @Test
  void missingFieldsBecomeEmptyNotNull() {
    Entry e = one(new ParsedEntry(null, null, null, null, null, "   ", null, null, BASE));
    assertThat(e.title()).isEmpty();
    assertThat(e.summaryHtml()).isEmpty();
    assertThat(e.contentHtml()).isEmpty();
    assertThat(e.author()).isNull();
    assertThat(e.sourceId()).isEqualTo("vov");
  }
}
