package vn.bantin.dedup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import vn.bantin.config.Settings;
import vn.bantin.model.Entry;
import vn.bantin.parse.FeedParseException;
import vn.bantin.parse.FeedParser;

/**
 * The labeled evaluation set of {@code src/test/resources/dedup/pairs-*.jsonl}: pairs of news
 * items written for the project, each labeled same story or different stories. Every item goes
 * through the real parse and normalize path, in the Unicode form or encoding its pair asks for.
 */
final class LabeledPairs {
  /** One labeled pair, both sides as bantin stores them. */
  record Pair(String id, boolean same, String kind, Entry a, Entry b) {}

  private static final FeedParser PARSER = new FeedParser(64);
  private static final vn.bantin.normalize.Normalizer NORMALIZER = new vn.bantin.normalize
      .Normalizer(new Settings.Parse(1, 64, 200, 500, 5000, 100_000));
  private static final Charset WINDOWS_1258 = Charset.forName("windows-1258");
  /** Vietnamese tone marks, which windows-1258 writes as combining characters. */
  private static final Pattern TONES = Pattern.compile("[\u0300\u0301\u0303\u0309\u0323]");

  private LabeledPairs() {}

  static List<Pair> load(String resource) {
    List<Pair> pairs = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    try (InputStream in = LabeledPairs.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode p = json.readTree(line);
        pairs.add(new Pair(p.get("id").asText(), "same".equals(p.get("label").asText()),
            p.get("kind").asText(), entry(p.get("a")), entry(p.get("b"))));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return pairs;
  }

  /** The item as an RSS feed of one entry, in its form, parsed and normalized. */
  private static Entry entry(JsonNode item) {
    String form = item.has("form") ? item.get("form").asText() : "utf-8";
    String title = item.get("title").asText();
    String summary = item.get("summary").asText();
    String link = item.get("link").asText();
    Instant published = OffsetDateTime.parse(item.get("published").asText()).toInstant();
    if (form.equals("nfd")) {
      title = Normalizer.normalize(title, Normalizer.Form.NFD);
      summary = Normalizer.normalize(summary, Normalizer.Form.NFD);
    }
    String encoding = form.equals("windows-1258") ? "windows-1258" : "UTF-8";
    String rss = "<?xml version=\"1.0\" encoding=\"" + encoding + "\"?>\n<rss version=\"2.0\">"
        + "<channel><title>" + escape(item.get("source").asText()) + "</title><link>" + escape(link)
        + "</link><description>test</description><item><title>" + escape(title) + "</title>"
        + "<link>" + escape(link) + "</link><guid>" + escape(link) + "</guid><description>"
        + escape(summary) + "</description><pubDate>"
        + DateTimeFormatter.RFC_1123_DATE_TIME.format(published.atOffset(ZoneOffset.UTC))
        + "</pubDate></item></channel></rss>";
    byte[] bytes = form.equals("windows-1258") ? windows1258(rss)
        : rss.getBytes(StandardCharsets.UTF_8);
    try {
      return NORMALIZER.normalize(item.get("source").asText(),
          PARSER.parse(bytes, "application/rss+xml", link), link,
          published.plus(Duration.ofHours(1))).get(0);
    } catch (FeedParseException e) {
      throw new IllegalStateException(link, e);
    }
  }

  /**
   * Encodes as Vietnamese windows-1258 does: base letters with their circumflex, breve or horn
   * precomposed, tone marks as combining characters.
   */
  private static byte[] windows1258(String text) {
    StringBuilder out = new StringBuilder();
    String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
    for (int i = 0; i < nfc.length(); i++) {
      String decomposed = Normalizer.normalize(String.valueOf(nfc.charAt(i)),
          Normalizer.Form.NFD);
      var tone = TONES.matcher(decomposed);
      if (tone.find()) {
        String mark = tone.group();
        String base = Normalizer.normalize(tone.replaceAll(""), Normalizer.Form.NFC);
        out.append(base).append(mark);
      } else {
        out.append(nfc.charAt(i));
      }
    }
    String prepared = out.toString();
    byte[] bytes = prepared.getBytes(WINDOWS_1258);
    if (!new String(bytes, WINDOWS_1258).equals(prepared)) {
      throw new IllegalStateException("not representable in windows-1258: " + text);
    }
    return bytes;
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
