package vn.bantin.bench;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import vn.bantin.publish.AtomRenderer;
import vn.bantin.publish.Format;
import vn.bantin.publish.HtmlRenderer;
import vn.bantin.publish.JsonFeedRenderer;
import vn.bantin.publish.Renderer;
import vn.bantin.publish.Rendering;
import vn.bantin.publish.RssRenderer;

/**
 * Rendering a 100-story category feed (bench/README.md "Rendering"). {@code render*} is the
 * document alone; {@code serve*} is what a cache miss costs the server: the document plus its
 * gzip, ETag and ready-to-send buffers ({@link Rendering#of}). Rome's {@link SyndFeedOutput} is
 * the baseline: {@code rome*} writes the same feed, already built as a {@code SyndFeed} (building
 * it is not measured, which favours Rome), to UTF-8 bytes; {@code romeGzip*} adds a gzip at the
 * level bantin uses. Compare render with rome and serve with romeGzip, format by format.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RenderBenchmark {

  /** The deflate level bantin's {@link Rendering} uses, so both sides compress alike. */
  static final int GZIP_LEVEL = 6;

  private final Map<Format, Renderer> renderers = new EnumMap<>(Format.class);
  private RenderCorpus corpus;
  private SyndFeed romeRss;
  private SyndFeed romeAtom;

  @Setup
  public void prepare() throws Exception {
    corpus = new RenderCorpus(100);
    renderers.put(Format.RSS, new RssRenderer(RenderCorpus::sourceFeedUrl));
    renderers.put(Format.ATOM, new AtomRenderer(RenderCorpus::sourceFeedUrl));
    renderers.put(Format.JSON, new JsonFeedRenderer());
    renderers.put(Format.HTML, new HtmlRenderer());
    romeRss = corpus.syndFeed("rss_2.0");
    romeAtom = corpus.syndFeed("atom_1.0");
    // Printed once per fork, so a run shows that both sides write documents of the same size.
    for (Format format : Format.values()) {
      System.out.printf("%n%s: bantin %d bytes, gzip %d%n", format,
          render(format).length, serve(format).gzipped().length);
    }
    System.out.printf("Rome rss_2.0 %d bytes, gzip %d; atom_1.0 %d bytes, gzip %d%n",
        rome(romeRss).length, gzip(rome(romeRss)).length, rome(romeAtom).length,
        gzip(rome(romeAtom)).length);
  }

  @Benchmark
  public byte[] renderRss() {
    return render(Format.RSS);
  }

  @Benchmark
  public byte[] renderAtom() {
    return render(Format.ATOM);
  }

  @Benchmark
  public byte[] renderJson() {
    return render(Format.JSON);
  }

  @Benchmark
  public byte[] renderHtml() {
    return render(Format.HTML);
  }

  @Benchmark
  public Rendering serveRss() {
    return serve(Format.RSS);
  }

  @Benchmark
  public Rendering serveAtom() {
    return serve(Format.ATOM);
  }

  @Benchmark
  public Rendering serveJson() {
    return serve(Format.JSON);
  }

  @Benchmark
  public Rendering serveHtml() {
    return serve(Format.HTML);
  }

  @Benchmark
  public byte[] romeRss() throws Exception {
    return rome(romeRss);
  }

  @Benchmark
  public byte[] romeAtom() throws Exception {
    return rome(romeAtom);
  }

  @Benchmark
  public byte[] romeGzipRss() throws Exception {
    return gzip(rome(romeRss));
  }

  @Benchmark
  public byte[] romeGzipAtom() throws Exception {
    return gzip(rome(romeAtom));
  }

  private byte[] render(Format format) {
    return renderers.get(format).render(corpus.meta, corpus.stories);
  }

  private Rendering serve(Format format) {
    return Rendering.of(render(format), format.contentType(), corpus.meta.updated());
  }

  // Rome's common idiom: the document as a String, then the bytes a server sends.
  private static byte[] rome(SyndFeed feed) throws Exception {
    return new SyndFeedOutput().outputString(feed).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] gzip(byte[] body) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, body.length / 4));
    try (GZIPOutputStream gz = new GZIPOutputStream(out) {
      {
        def.setLevel(GZIP_LEVEL);
      }
    }) {
      gz.write(body);
    }
    return out.toByteArray();
  }
}
