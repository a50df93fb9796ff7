package vn.bantin.bench;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.util.concurrent.TimeUnit;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import vn.bantin.parse.FeedParser;
import vn.bantin.parse.ParsedFeed;

/**
 * One 100-entry feed ({@link ParseFeeds}, RSS 2.0 or Atom 1.0) parsed three ways from the same
 * bytes: bantin's parse path ({@code FeedParser.parse}, what the refresher runs on its parse
 * pool), Rome's common idiom ({@code new SyndFeedInput().build(new XmlReader(bytes))}) and a bare
 * JDK StAX pass that reads every event and every text (the floor: no tree, no feed model).
 * Each checks that it saw all 100 entries, so a broken parse fails the run instead of looking fast.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ParseBenchmark {

  /** The refresher's depth limit (Settings default). */
  private static final int MAX_DEPTH = 64;

  @Param({"rss", "atom"})
  public String format;

  private byte[] body;
  private String contentType;
  private FeedParser parser;
  private XMLInputFactory stax;

  @Setup
  public void setUp() throws Exception {
    body = format.equals("rss") ? ParseFeeds.rss(7) : ParseFeeds.atom(7);
    contentType = format.equals("rss") ? "application/rss+xml; charset=utf-8"
        : "application/atom+xml; charset=utf-8";
    parser = new FeedParser(MAX_DEPTH);
    stax = XMLInputFactory.newInstance();
    // The settings a careful StAX user sets: no DTD, no external entities.
    stax.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    stax.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    stax.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    // One check of each side outside the measurement.
    expect(bantin().entries().size());
    expect(rome().getEntries().size());
    expect(staxPass(null));
  }

  @Benchmark
  public ParsedFeed bantin() throws Exception {
    return parser.parse(body, contentType, "https://example.vn/feed");
  }

  @Benchmark
  public SyndFeed rome() throws Exception {
    return new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(body)));
  }

  @Benchmark
  public int stax(Blackhole hole) throws Exception {
    return staxPass(hole);
  }

  /** Walks every event, reads every text; returns the number of item or entry elements. */
  private int staxPass(Blackhole hole) throws Exception {
    XMLStreamReader reader = stax.createXMLStreamReader(new ByteArrayInputStream(body));
    int items = 0;
    try {
      while (reader.hasNext()) {
        int event = reader.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          String name = reader.getLocalName();
          if (name.equals("item") || name.equals("entry")) {
            items++;
          }
          for (int a = 0; a < reader.getAttributeCount(); a++) {
            consume(hole, reader.getAttributeValue(a));
          }
        } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
          consume(hole, reader.getText());
        }
      }
    } finally {
      reader.close();
    }
    return items;
  }

  private static void consume(Blackhole hole, Object o) {
    if (hole != null) {
      hole.consume(o);
    }
  }

  private static void expect(int entries) {
    if (entries != ParseFeeds.ENTRIES) {
      throw new IllegalStateException("expected " + ParseFeeds.ENTRIES + " entries: " + entries);
    }
  }
}
