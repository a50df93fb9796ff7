package vn.bantin.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpServer;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.parsers.SAXParserFactory;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.InputSource;
import org.xml.sax.helpers.DefaultHandler;
import vn.bantin.model.FailureCode;

/** What a hostile or broken upstream must not achieve: reads, expansion, deep recursion. */
class FeedParserHardeningTest {

  private static final String SECRET = "bantin-secret-7f3a";
  private static final String FETCH_URL = "https://example.vn/rss";
  private final FeedParser parser = new FeedParser(64);
  private final AtomicInteger requests = new AtomicInteger();
  private HttpServer server;
  private String xxe;

  @BeforeEach
  void startUpstream(@TempDir Path dir) throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      requests.incrementAndGet();
      byte[] answer = exchange.getRequestURI().getPath().endsWith(".dtd") ? new byte[0]
          : SECRET.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
      exchange.getResponseBody().write(answer);
      exchange.close();
    });
    server.start();
    // Timed tests measure parsing, not the first-use loading of the JAXP and Rome classes.
    parser.parse(FeedParserTest.fixture("rss20_basic.xml"), null, FETCH_URL);
    XmlDocuments.parse("<a/>", 64);
    Path secret = Files.writeString(dir.resolve("secret.txt"), SECRET);
    xxe = new String(FeedParserTest.fixture("xxe_external_entity.xml"), StandardCharsets.UTF_8)
        .replace("FILE_URL", secret.toUri().toString())
        .replace("HTTP_URL", "http://127.0.0.1:" + server.getAddress().getPort());
  }

  @AfterEach
  void stopUpstream() {
    server.stop(0);
  }

  @Test
  void theXxeFixtureIsLiveAgainstAnUnhardenedParser() throws Exception {
    // Control: proves the fixture does make a default parser read the file and the server.
    StringBuilder text = new StringBuilder();
    SAXParserFactory.newInstance().newSAXParser().parse(new InputSource(new StringReader(xxe)),
        new DefaultHandler() {
          @Override
          public void characters(char[] ch, int start, int length) {
            text.append(ch, start, length);
          }
        });
    assertThat(requests.get()).isPositive();
    assertThat(text).contains(SECRET);
  }

  @Test
  void externalEntitiesTriggerNoReadsThroughTheFeedParser() {
    assertFailsWith(FailureCode.DOCTYPE_FORBIDDEN,
        () -> parser.parse(xxe.getBytes(StandardCharsets.UTF_8), "application/rss+xml", FETCH_URL));
    assertThat(requests.get()).isZero();
  }

  @Test
  void externalEntitiesTriggerNoReadsEvenPastThePrologCheck() {
    // The XML layer on its own, as if the DOCTYPE pre-check were gone.
    assertFailsWith(FailureCode.DOCTYPE_FORBIDDEN, () -> XmlDocuments.parse(xxe, 64));
    assertThat(requests.get()).isZero();
  }

  @Test
  void billionLaughsIsRefusedBeforeAnyExpansion() {
    String bomb = new String(FeedParserTest.fixture("billion_laughs.xml"), StandardCharsets.UTF_8);
    assertTimeoutPreemptively(Duration.ofSeconds(1), () ->
        assertFailsWith(FailureCode.DOCTYPE_FORBIDDEN, () -> XmlDocuments.parse(bomb, 64)));
  }

  @Test
  void deeplyNestedRssDescriptionIsTooDeepFast() {
    String divs = "<div>".repeat(11_000) + "x" + "</div>".repeat(11_000); // 55 KB of opening tags
    byte[] body = ("<rss version=\"2.0\"><channel><title>t</title><link>https://a.vn/</link>"
        + "<description>d</description><item><title>t</title><description>" + divs
        + "</description></item></channel></rss>").getBytes(StandardCharsets.UTF_8);
    assertTimeoutPreemptively(Duration.ofSeconds(1), () ->
        assertFailsWith(FailureCode.TOO_DEEP, () -> parser.parse(body, null, FETCH_URL)));
  }

  @Test
  void deeplyNestedAtomXhtmlContentIsTooDeepFast() {
    String divs = "<div>".repeat(11_000) + "</div>".repeat(11_000);
    byte[] body = ("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title><entry><id>1</id>"
        + "<content type=\"xhtml\">" + divs + "</content></entry></feed>")
        .getBytes(StandardCharsets.UTF_8);
    assertTimeoutPreemptively(Duration.ofSeconds(1), () ->
        assertFailsWith(FailureCode.TOO_DEEP, () -> parser.parse(body, null, FETCH_URL)));
  }

  @Test
  void deeplyNestedJsonIsTooDeepFast() {
    String arrays = "[".repeat(11_000) + "]".repeat(11_000);
    byte[] body = ("{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":" + arrays + "}")
        .getBytes(StandardCharsets.UTF_8);
    assertTimeoutPreemptively(Duration.ofSeconds(1), () ->
        assertFailsWith(FailureCode.TOO_DEEP, () -> parser.parse(body, null, FETCH_URL)));
  }

  @Test
  void nestingWithinTheLimitIsAccepted() throws Exception {
    String divs = "<div>".repeat(50) + "sâu" + "</div>".repeat(50);
    byte[] body = ("<rss version=\"2.0\"><channel><title>t</title><link>https://a.vn/</link>"
        + "<description>d</description><item><title>t</title><description>" + divs
        + "</description></item></channel></rss>").getBytes(StandardCharsets.UTF_8);
    assertThat(parser.parse(body, null, FETCH_URL).entries().get(0).summaryHtml())
        .startsWith("<div><div>").contains("sâu");
  }

  @Test
  void oneParserServesManyThreadsAtOnce() throws Exception {
    String[] fixtures = {"rss20_basic.xml", "atom10_relative_links.xml", "jsonfeed11.json",
        "windows-1258_prolog.xml", "html_entities.xml", "rss10_rdf.xml"};
    List<ParsedFeed> expected = new ArrayList<>();
    for (String f : fixtures) {
      expected.add(parser.parse(FeedParserTest.fixture(f), null, FETCH_URL));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<ParsedFeed>> tasks = new ArrayList<>();
      for (int i = 0; i < 120; i++) {
        String f = fixtures[i % fixtures.length];
        tasks.add(() -> parser.parse(FeedParserTest.fixture(f), null, FETCH_URL));
      }
      List<Future<ParsedFeed>> results = pool.invokeAll(tasks);
      for (int i = 0; i < results.size(); i++) {
        assertThat(results.get(i).get()).isEqualTo(expected.get(i % fixtures.length));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static void assertFailsWith(FailureCode code, ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOfSatisfying(FeedParseException.class,
        e -> assertThat(e.failure().code()).isEqualTo(code));
  }
}
