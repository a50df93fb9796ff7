package vn.bantin.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.jsoup.Jsoup;
import vn.bantin.config.CategoryConfig;
import vn.bantin.config.FeedsConfig;
import vn.bantin.config.SourceConfig;
import vn.bantin.curate.Categories;
import vn.bantin.dedup.CanonicalLink;
import vn.bantin.dedup.ReferenceDedup;
import vn.bantin.dedup.Fingerprint;
import vn.bantin.dedup.StoryIdentity;
import vn.bantin.dedup.StoryIds;
import vn.bantin.dedup.TitleKey;
import vn.bantin.model.Entry;
import vn.bantin.model.SourceRef;
import vn.bantin.model.Story;

/**
 * The dedup keys the store's writer computes for every new entry ({@link StoryIdentity.Keys}:
 * canonical link, title key, fingerprint), what rule 4 does with stored fingerprints (restore,
 * similarity, contradiction) and the categories it files a new story in, one function per
 * benchmark. One operation is one entry
 * of the 480 items of the labeled pairs (src/test/resources/dedup): Vietnamese titles and
 * summaries as real outlets print them, bylines ("VOV.VN - ", "(ĐCSVN) - ") included, every
 * third link with tracking parameters. Each {@code x_before} benchmark runs the frozen first
 * version of the same function (the Reference* copies of the test tree, which
 * DedupEquivalenceTest proves give the same outputs), so both sides of a ratio are measured in
 * the same invocation, one right after the other. bench/dedup-keys.sh runs it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DedupKeysBenchmark {
  static final int ENTRIES = 480;
  /**
   * Copies of each entry in {@link #newEntry}: 23,040 summaries, some 14 million characters,
   * far more HTML than any cache of parsed text holds, so each is new to the process.
   */
  static final int FRESH_COPIES = 48;

  private static final MethodHandle STRIP = bylinesStrip();

  private final List<Entry> entries = new ArrayList<>();
  /** {@link #FRESH_COPIES} of each entry, its summary told apart by a number in front. */
  private final List<Entry> fresh = new ArrayList<>();
  /** Where the next {@link #newEntry} invocation starts in {@link #fresh}. */
  private int freshAt;
  private final List<String> summaries = new ArrayList<>();
  private final List<byte[]> signatures = new ArrayList<>();
  private final List<String> marks = new ArrayList<>();
  private final List<Fingerprint> fingerprints = new ArrayList<>();
  private final List<Object> referenceFingerprints = new ArrayList<>();
  private final List<Story> stories = new ArrayList<>();
  private Categories categories;

  @Setup
  public void load() {
    ObjectMapper json = new ObjectMapper();
    for (String file : List.of("/dedup/pairs-same.jsonl", "/dedup/pairs-different.jsonl")) {
      try (InputStream in = DedupKeysBenchmark.class.getResourceAsStream(file)) {
        for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
          if (!line.isBlank()) {
            JsonNode pair = json.readTree(line);
            add(pair.get("a"));
            add(pair.get("b"));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (entries.size() != ENTRIES) {
      throw new IllegalStateException(entries.size() + " entries, expected " + ENTRIES);
    }
    categories = new Categories(keywordCategories(entries));
    for (int copy = 0; copy < FRESH_COPIES; copy++) {
      for (Entry e : entries) {
        fresh.add(new Entry(e.sourceId(), e.key() + "-" + copy, e.link(), e.title(),
            e.summaryHtml().replace("<p>", "<p>" + copy + " "), e.contentHtml(),
            e.author(), e.published(), e.fetchedAt()));
      }
    }
  }

  /**
   * Every source of the items, tagged {@code tin}, and the categories a deployment files them in:
   * all of them, and two kept by keywords (with and without diacritics), as in CONTRACT.md.
   */
  private static FeedsConfig keywordCategories(List<Entry> entries) {
    List<SourceConfig> sources = entries.stream().map(Entry::sourceId).distinct()
        .map(id -> new SourceConfig(id, id, "https://" + id + ".vn/rss", List.of("tin"),
            Duration.ofMinutes(15), true))
        .toList();
    return new FeedsConfig(Duration.ofMinutes(15), sources, List.of(
        new CategoryConfig("tin", "Tin", "", List.of(), List.of("tin"), List.of(), List.of(),
            null, 50),
        new CategoryConfig("xay-dung-dang", "Xây dựng Đảng", "", List.of(), List.of("tin"),
            List.of("Đảng", "chi bộ"), List.of("quảng cáo"), null, 50),
        new CategoryConfig("lai-chau", "Lai Châu", "", List.of(), List.of("tin"),
            List.of("lai chau"), List.of(), null, 50)));
  }

  private void add(JsonNode item) {
    String link = item.get("link").asText();
    if (entries.size() % 3 == 0) {
      link += "?utm_source=zalo&utm_medium=chia-se&fbclid=IwAR0x" + entries.size();
    }
    String summary = item.get("summary").asText();
    // As the normalizer stores it: sanitized HTML, here one paragraph.
    String html = "<p>" + summary.replace("&", "&amp;").replace("<", "&lt;") + "</p>";
    Instant published = OffsetDateTime.parse(item.get("published").asText()).toInstant();
    Entry entry = new Entry(item.get("source").asText(), link, link, item.get("title").asText(),
        html, "", "", published, published);
    entries.add(entry);
    summaries.add(Jsoup.parse(html).text());
    Fingerprint f = StoryIdentity.keysOf(entry).fingerprint();
    fingerprints.add(f);
    signatures.add(f.signatureBytes());
    marks.add(f.marks());
    stories.add(new Story("s" + entries.size(), null, entry.title(), html, "", null, published,
        List.of(new SourceRef(entry.sourceId(), null, null))));
    referenceFingerprints.add(ReferenceDedup.fingerprintOf(entry.title(), summaries.get(summaries.size() - 1)));
  }

  /** The whole {@link StoryIdentity.Keys} of a new entry: link, title key, fingerprint. */
  @Benchmark
  @OperationsPerInvocation(ENTRIES)
  public void keys(Blackhole bh) {
    for (Entry e : entries) {
      StoryIdentity.Keys keys = StoryIdentity.keysOf(e);
      bh.consume(keys.fingerprint());
      bh.consume(keys.titleKey());
    }
  }

  /**
   * What the store's keys thread does for an entry it does not hold (KeysAhead): its keys and
   * fingerprint, its story id, and the categories it would start a new story in, the summary's
   * HTML new each time as in a poll of new entries.
   */
  @Benchmark
  @OperationsPerInvocation(ENTRIES)
  public void newEntry(Blackhole bh) {
    int from = freshAt;
    freshAt = (from + ENTRIES) % fresh.size();
    for (Entry e : fresh.subList(from, from + ENTRIES)) {
      StoryIdentity.Keys keys = StoryIdentity.keysOf(e);
      bh.consume(keys.fingerprint());
      String storyId = StoryIds.mint(e.sourceId(), e.key());
      bh.consume(categories.of(new Story(storyId, null, e.title(), e.summaryHtml(), "", null,
          e.published(), List.of(new SourceRef(e.sourceId(), null, null)))));
    }
  }

  /**
   * {@link Categories#of} a new story, as the writer files it: the categories whose sources and
   * keywords keep it (the summary's text prepared once, every keyword matched).
   */
  @Benchmark
  @OperationsPerInvocation(ENTRIES)
  public void categoriesOf(Blackhole bh) {
    for (Story story : stories) {
      bh.consume(categories.of(story));
    }
  }

  /** {@link Fingerprint#of} on the title and the summary's text (no HTML parse). */
  @Benchmark
  @OperationsPerInvocation(ENTRIES)
  public void fingerprintOf(Blackhole bh) {
    for (int i = 0; i < ENTRIES; i++) {
      bh.consume(Fingerprint.of(entries.get(i).title(), summaries.get(i)));
    }
  }

  /** {@link Fingerprint#signatureBytes} and {@link Fingerprint#marks}, what the store writes. */
  @Benchmark
  @OperationsPerInvocation(ENTRIES)
  public void fingerprintStore(Blackhole bh) {
    for (Fingerprint f : fingerprints) {
      bh.consume(f.signatureBytes());
      bh.consume(f.marks());
      bh.consume(f.bands());
    }
  }

  /** {@link Fingerprint#restore} of a stored candidate (what nearCandidates does per row). */
  @Benchmark
  @OperationsPerInvocation(ENTRIES)
  public void restore(Blackhole bh) {
    for (int i = 0; i < ENTRIES; i++) {
      bh.consume(Fingerprint.restore(signatures.get(i), marks.get(i)));
    }
  }

  /** Rule 4 on an entry and a candidate: similarity and the marks' contradiction. */
  @Benchmark
  @OperationsPerInvocation(ENTRIES)
  public void nearCheck(Blackhole bh) {
    for (int i = 0; i < ENTRIES; i++) {
      Fingerprint a = fingerprints.get(i);
      Fingerprint b = fingerprints.get(i ^ 1); // its labeled pair
      bh.consume(a.similarity(b) >= StoryIdentity.NEAR_THRESHOLD && !a.contradicts(b));
    }
  }

  @Benchmark
  @OperationsPerInvocation(ENTRIES)
  public void titleKey(Blackhole bh) {
    for (Entry e : entries) {
      bh.consume(TitleKey.of(e.title()));
    }
  }

  @Benchmark
  @OperationsPerInvocation(ENTRIES)
  public void canonicalLink(Blackhole bh) {
    for (Entry e : entries) {
      bh.consume(CanonicalLink.of(e.link()));
    }
  }

  /** The package-private {@code Bylines.strip} on titles and summaries. */
  @Benchmark
  @OperationsPerInvocation(ENTRIES)
  public void bylinesStrip(Blackhole bh) throws Throwable {
    for (int i = 0; i < ENTRIES; i++) {
      bh.consume((String) STRIP.invokeExact(entries.get(i).title()));
      bh.consume((String) STRIP.invokeExact(summaries.get(i)));
    }
  }

  @Benchmark
  @OperationsPerInvocation(ENTRIES)
  public void storyId(Blackhole bh) {
    for (Entry e : entries) {
      bh.consume(StoryIds.mint(e.sourceId(), e.key()));
    }
  }

  // The same functions in the frozen first version (src/test/.../Reference*), run in the same
  // JMH invocation right after their rewritten twins: the "_before" / plain ratio.

  @Benchmark
  @OperationsPerInvocation(ENTRIES)
  public void keys_before(Blackhole bh) {
    for (Entry e : entries) {
      bh.consume(ReferenceDedup.canonicalLink(e.link()));
      bh.consume(ReferenceDedup.titleKey(e.title()));
      String html = e.summaryHtml().isEmpty() ? e.contentHtml() : e.summaryHtml();
      bh.consume(ReferenceDedup.fingerprintOf(e.title(),
          html.isEmpty() ? "" : Jsoup.parse(html).text()));
    }
  }

  @Benchmark
  @OperationsPerInvocation(ENTRIES)
  public void fingerprintOf_before(Blackhole bh) {
    for (int i = 0; i < ENTRIES; i++) {
      bh.consume(ReferenceDedup.fingerprintOf(entries.get(i).title(), summaries.get(i)));
    }
  }

  @Benchmark
  @OperationsPerInvocation(ENTRIES)
  public void fingerprintStore_before(Blackhole bh) {
    for (Object f : referenceFingerprints) {
      bh.consume(ReferenceDedup.stored(f));
    }
  }

  @Benchmark
  @OperationsPerInvocation(ENTRIES)
  public void restore_before(Blackhole bh) {
    for (int i = 0; i < ENTRIES; i++) {
      bh.consume(ReferenceDedup.restore(signatures.get(i), marks.get(i)));
    }
  }

  @Benchmark
  @OperationsPerInvocation(ENTRIES)
  public void nearCheck_before(Blackhole bh) {
    for (int i = 0; i < ENTRIES; i++) {
      bh.consume(ReferenceDedup.near(referenceFingerprints.get(i),
          referenceFingerprints.get(i ^ 1)));
    }
  }

  @Benchmark
  @OperationsPerInvocation(ENTRIES)
  public void titleKey_before(Blackhole bh) {
    for (Entry e : entries) {
      bh.consume(ReferenceDedup.titleKey(e.title()));
    }
  }

  @Benchmark
  @OperationsPerInvocation(ENTRIES)
  public void canonicalLink_before(Blackhole bh) {
    for (Entry e : entries) {
      bh.consume(ReferenceDedup.canonicalLink(e.link()));
    }
  }

  @Benchmark
  @OperationsPerInvocation(ENTRIES)
  public void bylinesStrip_before(Blackhole bh) {
    for (int i = 0; i < ENTRIES; i++) {
      bh.consume(ReferenceDedup.stripBylines(entries.get(i).title()));
      bh.consume(ReferenceDedup.stripBylines(summaries.get(i)));
    }
  }

  @Benchmark
  @OperationsPerInvocation(ENTRIES)
  public void storyId_before(Blackhole bh) {
    for (Entry e : entries) {
      bh.consume(ReferenceDedup.mintStoryId(e.sourceId(), e.key()));
    }
  }

  private static MethodHandle bylinesStrip() {
    try {
      Class<?> bylines = Class.forName("vn.bantin.dedup.Bylines");
      var method = bylines.getDeclaredMethod("strip", String.class);
      method.setAccessible(true);
      return MethodHandles.lookup().unreflect(method)
          .asType(MethodType.methodType(String.class, String.class));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
