package vn.bantin.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.bantin.model.Entry;

/**
 * The rewritten dedup keys return exactly what the first versions returned (the Reference*
 * classes, frozen copies): signatures, marks, bands, title keys, canonical links, bylines and
 * story ids are stored, so a single differing output would split or merge stories in databases
 * already in use. Inputs: every text of the labeled pairs, as parsed and raw in NFC, NFD and
 * windows-1258's decomposed tones, and generated texts with odd punctuation, numbers with
 * separators, supplementary characters, context-sensitive lower case, empty and very long texts.
 */
class DedupEquivalenceTest {
  private static final Pattern REFERENCE_TOKEN =
      Pattern.compile("\\p{N}+(?:[.,/:]\\p{N}+)*|[\\p{L}\\p{M}]+");
  private static final Pattern TONES = Pattern.compile("[\u0300\u0301\u0303\u0309\u0323]");
  private static final String[] FRAGMENTS = {
    "VOV.VN - ", "(ĐCSVN) - ", "Lai Châu (TTXVN) - ", "ĐBP - ", "(baolaocai.vn) – ",
    "Theo VOV, ", "Theo Báo Lai Châu: ", " (Theo TTXVN)", " - VOV", " (BLC).", "(TTXVN)\n",
    "Đảng ủy", "tỉnh Lai Châu", "Điện Biên Phủ", "Thủ tướng Phạm Minh Chính", "Hà Nội",
    "đồng chí", "Bí thư", "Chính phủ", "huyện Mường Tè", "xã Đông Cuông", "Sơn La",
    "1.234.567", "12/11/2026", "3,5", "10:30", "1.", "2026,", "600.000 tấn", "90.000 ha",
    "185 triệu USD", "1/2", ".5", "5.", "1..2", "7,,8", "9/:10", "Covid-19", "COVID19",
    "…", "–", "—", "«", "»", "\"", "'", "!", "?", ";", "#", "|", "&amp;", "<b>", "%",
    " ", "  ", "\t", "\u00a0", "\u2007", "\u202f", "\u3000", "\n", "\r\n", "\u001f",
    "\u200b", "\u00ad", "\ufeff", "\u2060",
    "ΣΟΦΙΑ", "ΟΔΟΣ ΑΘΗΝΩΝ", "Σ", "İstanbul", "İ", "ǅemal", "ß", "ﬁ", "Ⅻ", "ⅻ", "½", "²",
    "１２３", "٣٤٥", "𝐀𝐁𝐂", "𝟏𝟐", "𐐀𐐁", "😀", "🇻🇳", "\ud800", "\udc00x", "a\u0301",
    "\u0301", "e\u0302\u0301", "Ả", "ĐỒNG", "Đồng", "đồng", "A", "B", "C", "x", "y", "z",
    "(TTXVN)\u2028", " - VOV\u0085", " (Theo VOV) .  ", " - 𝐀𝐁", " - VOV.\r\n", ")\n\n",
    "Ngày 16/11,", "tại", "và", "các", "thị trường", "Trung Quốc", "Hàn Quốc", "châu Âu"};
  private static final List<String> TEXTS = new ArrayList<>();
  private static final List<String> LINKS = new ArrayList<>();

  @BeforeAll
  static void inputs() throws IOException {
    Set<String> texts = new LinkedHashSet<>();
    Set<String> links = new LinkedHashSet<>();
    for (String file : List.of("/dedup/pairs-same.jsonl", "/dedup/pairs-different.jsonl")) {
      for (LabeledPairs.Pair p : LabeledPairs.load(file)) {
        for (Entry e : List.of(p.a(), p.b())) {
          texts.add(e.title());
          texts.add(e.summaryHtml());
          texts.add(Jsoup.parse(e.summaryHtml()).text());
          links.add(e.link());
        }
      }
      for (JsonNode item : rawItems(file)) {
        for (String field : List.of("title", "summary")) {
          String text = item.get(field).asText();
          texts.add(text);
          texts.add(Normalizer.normalize(text, Normalizer.Form.NFD));
          texts.add(tonesDecomposed(text));
          texts.add(text.toUpperCase(Locale.ROOT));
        }
        String link = item.get("link").asText();
        links.add(link);
        links.add(link.replace("https://", "http://www.") + "?utm_source=zalo&b=2&a=1#top");
        links.add(link.toUpperCase(Locale.ROOT));
      }
    }
    SplittableRandom random = new SplittableRandom(20261127);
    texts.add("");
    texts.add(" ");
    for (String f : FRAGMENTS) {
      texts.add(f);
    }
    for (int i = 0; i < 3000; i++) {
      StringBuilder text = new StringBuilder();
      int parts = random.nextInt(i % 10 == 0 ? 400 : 40);
      for (int k = 0; k < parts; k++) {
        text.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
        text.append(random.nextInt(3) == 0 ? "" : " ");
      }
      String s = text.toString();
      texts.add(random.nextBoolean() ? s : Normalizer.normalize(s, Normalizer.Form.NFD));
    }
    TEXTS.addAll(texts);
    LINKS.addAll(links);
    LINKS.addAll(List.of("", " ", "ftp://x.vn/a", "http://", "https://[::1]:8443/a/",
        "http://user:pw@WWW.Example.COM:80/%7euser/a%2fb/?utm_medium=x&z=%e1%ba%a1&a",
        "https://báo.vn/tin tức?q=Đảng&fbclid=1", "http://a..b/x", "http://a.b.:443",
        "http://www./x", "http://xn--bo-hia.vn/", "http://host:99999/", "http://host:/x",
        "https://" + "a".repeat(64) + ".vn/", "http://[::1/x", "http://h/?&&=&a=&a", "HTTP://h/#x",
        "http://h/p%zz%4", "http://h/\ud83d\ude00?x=\u00e9"));
    String[] hosts = {"vov.vn", "WWW.VOV.VN", "a..b", "-a-.vn", "a-.vn", "xn--bo-hia.vn",
        "xn--zz", "a_b.vn", "ĐẢNG.vn", "1.2.3.4", "a".repeat(63) + ".vn", "a".repeat(64) + ".vn",
        "www.", ".", "..", "vov.vn.", "vov.vn..", "ｖｏｖ.vn", "vov。vn", "a b.vn", "%41.vn", ""};
    for (String host : hosts) {
      for (String form : List.of("http://%s/", "https://%s:8080/x", "http://u@%s")) {
        LINKS.add(form.formatted(host));
      }
    }
  }

  @Test
  void fingerprintsSignaturesMarksAndBandsAreUnchanged() {
    List<Fingerprint> fresh = new ArrayList<>();
    List<ReferenceFingerprint> reference = new ArrayList<>();
    for (int i = 0; i < TEXTS.size(); i++) {
      String title = TEXTS.get(i);
      String summary = TEXTS.get((i * 7 + 3) % TEXTS.size());
      for (String[] input : new String[][] {{title, summary}, {null, title}, {title, null}}) {
        Fingerprint f = Fingerprint.of(input[0], input[1]);
        ReferenceFingerprint r = ReferenceFingerprint.of(input[0], input[1]);
        String what = "title «" + input[0] + "» summary «" + input[1] + "»";
        assertThat(f.signatureBytes()).as(what).isEqualTo(r.signatureBytes());
        assertThat(f.marks()).as(what).isEqualTo(r.marks());
        assertThat(f.bands()).as(what).isEqualTo(r.bands());
        assertThat(f.isEmpty()).as(what).isEqualTo(r.isEmpty());
        fresh.add(f);
        reference.add(r);
      }
    }
    assertThat(reference.stream().filter(r -> !r.isEmpty()).count()).isGreaterThan(1000);
    assertThat(reference.stream().filter(r -> r.marks().contains("#")).count()).isGreaterThan(100);
    compareChecks(fresh, reference);
  }

  @Test
  void restoredFingerprintsAreUnchanged() {
    List<Fingerprint> fresh = new ArrayList<>();
    List<ReferenceFingerprint> reference = new ArrayList<>();
    for (String text : TEXTS) {
      ReferenceFingerprint r = ReferenceFingerprint.of(text, text);
      Fingerprint f = Fingerprint.restore(r.signatureBytes(), r.marks());
      ReferenceFingerprint rr = ReferenceFingerprint.restore(r.signatureBytes(), r.marks());
      assertThat(f.marks()).isEqualTo(rr.marks());
      assertThat(f.bands()).isEqualTo(rr.bands());
      assertThat(f.signatureBytes()).isEqualTo(rr.signatureBytes());
      fresh.add(f);
      reference.add(rr);
    }
    for (String marks : List.of("", "|", "a|", "1|2#", "#", "#x|y", "b|a|b#c|a", "1|lai châu#2")) {
      Fingerprint f = Fingerprint.restore(new byte[3], marks);
      ReferenceFingerprint r = ReferenceFingerprint.restore(new byte[3], marks);
      assertThat(f.marks()).as(marks).isEqualTo(r.marks());
      assertThat(f.isEmpty()).isTrue();
    }
    compareChecks(fresh, reference);
  }

  /** Similarity and contradiction of every fingerprint with its neighbours in the list. */
  private static void compareChecks(List<Fingerprint> fresh, List<ReferenceFingerprint> reference) {
    int contradictions = 0;
    for (int i = 0; i < fresh.size(); i++) {
      for (int d = 1; d <= 3; d++) {
        int j = (i + d) % fresh.size();
        assertThat(fresh.get(i).similarity(fresh.get(j)))
            .isEqualTo(reference.get(i).similarity(reference.get(j)));
        boolean contradicts = reference.get(i).contradicts(reference.get(j));
        assertThat(fresh.get(i).contradicts(fresh.get(j))).as("%d %d", i, j)
            .isEqualTo(contradicts);
        contradictions += contradicts ? 1 : 0;
      }
    }
    assertThat(contradictions).isGreaterThan(100);
  }

  @Test
  void titleKeysBylinesAndStoryIdsAreUnchanged() {
    for (String text : TEXTS) {
      assertThat(TitleKey.of(text)).as(text).isEqualTo(ReferenceTitleKey.of(text));
      assertThat(Bylines.strip(text)).as(text).isEqualTo(ReferenceBylines.strip(text));
      assertThat(StoryIds.mint("nguon", text)).isEqualTo(ReferenceStoryIds.mint("nguon", text));
    }
    assertThat(TitleKey.of(null)).isNull();
  }

  @Test
  void canonicalLinksAreUnchanged() {
    for (String link : LINKS) {
      assertThat(CanonicalLink.of(link)).as(link).isEqualTo(ReferenceCanonicalLink.of(link));
    }
    assertThat(CanonicalLink.of(null)).isNull();
  }

  /** Bylines' shortcut for the trailing pattern, with every BMP character at the end. */
  @Test
  void bylinesAreUnchangedWhateverTheTextEndsWith() {
    String[] bodies = {"Tin (TTXVN)", "Tin - VOV", "Tin - VOV.", "tin tức", "(Theo Báo Lai Châu)",
        "", "Tin (TTXVN) "};
    for (int c = 0; c <= 0xffff; c++) {
      for (String body : bodies) {
        String text = body + (char) c;
        assertThat(Bylines.strip(text)).as("%04x %s", c, body)
            .isEqualTo(ReferenceBylines.strip(text));
      }
    }
  }

  /** Words and TitleKey against the regexes they replace: every code point in a few contexts. */
  @Test
  void wordsAreTheRegexTokensForEveryCodePoint() {
    List<String> texts = new ArrayList<>(TEXTS);
    StringBuilder chunk = new StringBuilder();
    String[] contexts = {"", " ", "1", ".", "A", "a", "\u0301", "\u00a0"};
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      chunk.appendCodePoint(cp).append(contexts[cp % contexts.length]).appendCodePoint(cp)
          .append(contexts[(cp / 8) % contexts.length]);
      if (chunk.length() > 4000) {
        texts.add(chunk.toString());
        chunk.setLength(0);
      }
    }
    texts.add(chunk.toString());
    for (String text : texts) {
      Words words = Words.of(text);
      Matcher m = REFERENCE_TOKEN.matcher(text);
      int previousEnd = -1;
      int i = 0;
      while (m.find()) {
        String raw = m.group();
        boolean joins = previousEnd >= 0
            && text.substring(previousEnd, m.start()).matches("[ \\t\\u00a0]+");
        assertThat(i).as(text).isLessThan(words.count());
        assertThat(words.word(i)).isEqualTo(raw.toLowerCase(Locale.ROOT));
        assertThat(words.capitalized(i)).isEqualTo(Character.isUpperCase(raw.codePointAt(0)));
        assertThat(words.joinsPrevious(i)).isEqualTo(joins);
        previousEnd = m.end();
        i++;
      }
      assertThat(words.count()).isEqualTo(i);
      assertThat(TitleKey.of(text)).isEqualTo(ReferenceTitleKey.of(text));
    }
  }

  private static List<JsonNode> rawItems(String file) throws IOException {
    List<JsonNode> items = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    try (InputStream in = DedupEquivalenceTest.class.getResourceAsStream(file)) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank()) {
          JsonNode pair = json.readTree(line);
          items.add(pair.get("a"));
          items.add(pair.get("b"));
        }
      }
    }
    return items;
  }

  /** The text as windows-1258 decodes: tone marks combining, other diacritics precomposed. */
  private static String tonesDecomposed(String text) {
    StringBuilder out = new StringBuilder();
    String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
    for (int i = 0; i < nfc.length(); i++) {
      String decomposed = Normalizer.normalize(String.valueOf(nfc.charAt(i)),
          Normalizer.Form.NFD);
      Matcher tone = TONES.matcher(decomposed);
      if (tone.find()) {
        String mark = tone.group();
        out.append(Normalizer.normalize(tone.replaceAll(""), Normalizer.Form.NFC)).append(mark);
      } else {
        out.append(nfc.charAt(i));
      }
    }
    return out.toString();
  }
}
