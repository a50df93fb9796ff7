package vn.bantin;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.SAXParserFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xml.sax.InputSource;
import org.xml.sax.helpers.DefaultHandler;
import vn.bantin.config.FeedsConfig;
import vn.bantin.config.SourceConfig;

/**
 * One bantin polling the whole catalogue of hostile and broken upstreams at once, next to two
 * healthy sources: one refresh ends within a bound, every hostile source shows its stable error
 * code, no entity URL is ever requested, and the healthy sources' stories are served.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileUpstreamIT {
  // Long enough for a gzip bomb to be cut at its cap on a loaded machine, short enough to wait.
  private static final Duration DEADLINE = Duration.ofSeconds(4);
  private static final long REFRESH_BOUND_MILLIS = 15_000;
  private static final String RSS = "application/rss+xml";
  private static final String SECRET = "bantin-secret-2b91";

  private HostileUpstream upstream;
  private BlackHole blackHole;
  private TunedServer server;
  private Path secretFile;
  private Instant refreshStarted;
  private Instant refreshEnded;
  private JsonObject summary;

  /** The catalogue: each hostile source and the error code its status must show. */
  static Stream<Arguments> catalogue() {
    return Stream.of(
        Arguments.of("xxe-file", "doctype_forbidden"),
        Arguments.of("xxe-http", "doctype_forbidden"),
        Arguments.of("xxe-parameter", "doctype_forbidden"),
        Arguments.of("external-dtd", "doctype_forbidden"),
        Arguments.of("billion-laughs", "doctype_forbidden"),
        Arguments.of("quadratic-blowup", "doctype_forbidden"),
        Arguments.of("xxe-utf16-bom", "doctype_forbidden"),
        Arguments.of("xxe-utf16-no-bom", "doctype_forbidden"),
        Arguments.of("deep-nesting", "too_deep"),
        Arguments.of("malformed", "xml_malformed"),
        Arguments.of("truncated", "xml_malformed"),
        Arguments.of("html-page", "not_a_feed"),
        Arguments.of("empty-body", "xml_malformed"),
        Arguments.of("not-a-feed", "not_a_feed"),
        Arguments.of("json-malformed", "json_malformed"),
        Arguments.of("charset-unknown", "charset_unsupported"),
        Arguments.of("drip", "timeout"),
        Arguments.of("headers-never-come", "timeout"),
        Arguments.of("connect-never-completes", "timeout"),
        Arguments.of("connection-refused", "connect_failed"),
        Arguments.of("huge-content-length", "body_too_large"),
        Arguments.of("endless-chunked", "body_too_large"),
        Arguments.of("gzip-bomb", "body_too_large"),
        Arguments.of("brotli-unasked", "unsupported_encoding"),
        Arguments.of("redirect-loop", "too_many_redirects"),
        Arguments.of("six-hops", "too_many_redirects"),
        Arguments.of("redirect-to-ftp", "bad_redirect"),
        Arguments.of("redirect-without-location", "bad_redirect"),
        Arguments.of("not-found", "http_status"),
        Arguments.of("server-error", "http_status"),
        Arguments.of("too-many-requests", "rate_limited"),
        Arguments.of("unavailable-until-date", "rate_limited"),
        Arguments.of("gone", "gone"));
  }

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    upstream = new HostileUpstream();
    blackHole = new BlackHole();
    secretFile = Files.writeString(dir.resolve("secret.txt"), SECRET);
    List<SourceConfig> sources = new ArrayList<>();
    catalogue().forEach(c -> {
      String id = (String) c.get()[0];
      sources.add(TestServer.source(id, script(id)));
    });
    sources.add(TestServer.source("vov", upstream.resource("/vov.rss", RSS,
        "e2e/rss20_two_items.xml")));
    sources.add(TestServer.source("dcs", upstream.resource("/dcs.json", "application/feed+json",
        "e2e/jsonfeed11_one_item.json")));
    var settings = TunedServer.withFetch(dir.resolve("data"),
        TunedServer.fetch(DEADLINE, 1 << 20, 4 << 20, 16, 4, true));
    server = TunedServer.start(settings, new FeedsConfig(Duration.ofHours(1), sources, List.of()),
        Duration.ofMillis(200));
    refreshStarted = Instant.now();
    summary = server.refresh();
    refreshEnded = Instant.now();
    System.out.printf("HostileUpstreamIT: refresh of %d sources took %d ms: %s%n",
        sources.size(), Duration.between(refreshStarted, refreshEnded).toMillis(), summary);
  }

  @AfterAll
  void stop() throws Exception {
    server.close();
    blackHole.close();
    upstream.close();
  }

  /** Plays the hostile part of source {@code id}; returns the URL bantin polls. */
  private String script(String id) {
    String entity = upstream.url("/entity/" + id);
    return switch (id) {
      case "xxe-file" -> upstream.body("/" + id, RSS, HostileFeeds.withUrl("xxe_file_entity.xml",
          secretFile.toUri().toString()));
      case "xxe-http" -> upstream.body("/" + id, RSS,
          HostileFeeds.withUrl("xxe_http_entity.xml", entity));
      case "xxe-parameter" -> upstream.body("/" + id, RSS,
          HostileFeeds.withUrl("xxe_parameter_entity.xml", entity));
      case "external-dtd" -> upstream.body("/" + id, RSS,
          HostileFeeds.withUrl("external_dtd.xml", entity));
      case "billion-laughs" -> upstream.resource("/" + id, RSS, "parse/billion_laughs.xml");
      case "quadratic-blowup" -> upstream.body("/" + id, RSS, HostileFeeds.quadraticBlowup());
      case "xxe-utf16-bom" -> upstream.body("/" + id, "application/xml",
          HostileFeeds.utf16(HostileFeeds.withUrl("xxe_http_entity.xml", entity), true));
      case "xxe-utf16-no-bom" -> upstream.body("/" + id, "application/xml",
          HostileFeeds.utf16(HostileFeeds.withUrl("xxe_http_entity.xml", entity), false));
      case "deep-nesting" -> upstream.body("/" + id, RSS, HostileFeeds.deeplyNested(11_000));
      case "malformed" -> upstream.resource("/" + id, RSS, "e2e/malformed_truncated.xml");
      case "truncated" -> upstream.resource("/" + id, RSS, "parse/truncated.xml");
      case "html-page" -> upstream.resource("/" + id, "text/html", "parse/html_page.html");
      case "empty-body" -> upstream.body("/" + id, RSS, new byte[0]);
      case "not-a-feed" -> upstream.resource("/" + id, "application/xml", "parse/not_a_feed.xml");
      case "json-malformed" -> upstream.body("/" + id, "application/feed+json",
          "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [".getBytes(
              StandardCharsets.UTF_8));
      case "charset-unknown" -> upstream.body("/" + id, RSS,
          "<?xml version=\"1.0\" encoding=\"x-khong-co\"?><rss version=\"2.0\"/>".getBytes(
              StandardCharsets.US_ASCII));
      case "drip" -> upstream.drip("/" + id, 200);
      case "headers-never-come" -> upstream.silent("/" + id);
      case "connect-never-completes" -> blackHole.url("/" + id);
      case "connection-refused" -> closedPortUrl("/" + id);
      case "huge-content-length" -> upstream.hugeLength("/" + id, 50_000_000_000L);
      case "endless-chunked" -> upstream.endless("/" + id);
      case "gzip-bomb" -> upstream.gzipBomb("/" + id, 64 << 20);
      case "brotli-unasked" -> upstream.encoded("/" + id, "br",
          HostileUpstream.read("e2e/rss20_two_items.xml"));
      case "redirect-loop" -> {
        upstream.redirect("/loop/b", "/loop/a");
        yield upstream.redirect("/loop/a", "/loop/b");
      }
      case "six-hops" -> {
        for (int hop = 1; hop <= 6; hop++) {
          upstream.redirect("/hop/" + hop, "/hop/" + (hop + 1));
        }
        upstream.resource("/hop/7", RSS, "e2e/rss20_two_items.xml");
        yield upstream.url("/hop/1");
      }
      case "redirect-to-ftp" -> upstream.redirect("/" + id, "ftp://127.0.0.1/feed.xml");
      case "redirect-without-location" -> upstream.status("/" + id, 302, "Content-Type",
          "text/plain");
      case "not-found" -> upstream.status("/" + id, 404, "Content-Type", "text/plain");
      case "server-error" -> upstream.status("/" + id, 500, "Content-Type", "text/plain");
      case "too-many-requests" -> upstream.status("/" + id, 429, "Retry-After", "7200");
      case "unavailable-until-date" -> upstream.status("/" + id, 503, "Retry-After",
          DateTimeFormatter.RFC_1123_DATE_TIME.format(
              Instant.now().plus(Duration.ofHours(3)).atOffset(ZoneOffset.UTC)));
      case "gone" -> upstream.status("/" + id, 410, "Content-Type", "text/plain");
      default -> throw new IllegalArgumentException(id);
    };
  }

  /** A loopback port nobody listens on (free a moment ago). */
  private static String closedPortUrl(String path) {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return "http://127.0.0.1:" + socket.getLocalPort() + path;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("catalogue")
  void everyHostileSourceShowsItsStableErrorCode(String id, String code) throws Exception {
    JsonObject source = server.source(id);
    assertThat(source.getString("errorCode")).as(source.encode()).isEqualTo(code);
    assertThat(source.getString("lastError")).isNotBlank().doesNotContain(SECRET);
    assertThat(source.getInteger("failures")).isEqualTo(1);
    assertThat(source.getLong("entries")).isZero();
  }

  @Test
  void oneRefreshOfEveryHostileSourceEndsWithinTheBound() {
    long millis = Duration.between(refreshStarted, refreshEnded).toMillis();
    assertThat(millis).isLessThan(REFRESH_BOUND_MILLIS);
    assertThat(summary.getInteger("errors")).isEqualTo((int) catalogue().count());
    assertThat(summary.getInteger("fetched")).isEqualTo(2);
  }

  @Test
  void noEntityOrDtdUrlIsEverRequested() {
    assertThat(upstream.requestsUnder("/entity/")).isZero();
    assertThat(upstream.requests("/xxe-http")).as("the feed itself was polled").isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("entityFixtures")
  void theEntityFixturesAreLiveAgainstAnUnhardenedParser(String id, byte[] body) {
    // Control: the same bodies make a default JAXP parser call the entity URL, so the zero
    // above means bantin refused them, not that they were harmless.
    try {
      SAXParserFactory.newInstance().newSAXParser().parse(
          new InputSource(new ByteArrayInputStream(body)), new DefaultHandler());
    } catch (Exception expected) {
      // the control URL answers 404: the parser fails, after having asked
    }
    assertThat(upstream.requests("/control/" + id)).isPositive();
  }

  Stream<Arguments> entityFixtures() {
    return Stream.of("xxe_http_entity.xml", "xxe_parameter_entity.xml", "external_dtd.xml")
        .flatMap(name -> {
          String id = name.replace(".xml", "");
          return Stream.of(
              Arguments.of(id, HostileFeeds.withUrl(name, upstream.url("/control/" + id))),
              Arguments.of(id + "-utf16", HostileFeeds.utf16(HostileFeeds.withUrl(name,
                  upstream.url("/control/" + id + "-utf16")), true)));
        });
  }

  @Test
  void theHealthySourcesAreServedBesideTheHostileOnes() throws Exception {
    JsonArray items = new JsonObject(server.get("/feeds/all.json").body()).getJsonArray("items");
    assertThat(items.stream().map(i -> ((JsonObject) i).getString("title")))
        .hasSize(3).contains("Lai Châu đẩy mạnh phát triển cây chè");
    assertThat(server.source("vov").getValue("lastError")).isNull();
    assertThat(server.source("dcs").getLong("entries")).isEqualTo(1);
    assertThat(server.get("/health").statusCode()).isEqualTo(200);
  }

  @Test
  void noOutputEverShowsTheSecretFile() throws Exception {
    for (String format : List.of("rss", "atom", "json", "html")) {
      assertThat(server.get("/feeds/all." + format).body()).doesNotContain(SECRET);
    }
    assertThat(server.sources().encode()).doesNotContain(SECRET);
  }

  @Test
  void retryAfterInSecondsAndAsADateSetTheNextPoll() throws Exception {
    Instant inSeconds = Instant.parse(server.source("too-many-requests").getString("nextPoll"));
    assertThat(inSeconds).isBetween(refreshStarted.plus(Duration.ofSeconds(7199)),
        refreshEnded.plus(Duration.ofSeconds(7201)));
    Instant byDate = Instant.parse(server.source("unavailable-until-date").getString("nextPoll"));
    assertThat(byDate).isBetween(refreshStarted.plus(Duration.ofMinutes(179)),
        refreshEnded.plus(Duration.ofMinutes(181)));
  }

  @Test
  void goneDisablesTheSourceAndTheSixHopChainIsCutBeforeItsEnd() throws Exception {
    assertThat(server.source("gone").getBoolean("enabled")).isFalse();
    assertThat(upstream.requests("/hop/6")).isEqualTo(1);
    assertThat(upstream.requests("/hop/7")).isZero();
    assertThat(upstream.requests("/loop/a")).isEqualTo(1);
  }
}
