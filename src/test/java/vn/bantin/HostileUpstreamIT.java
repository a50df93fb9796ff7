package vn.bantin;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
  private Instant started;
  private Instant refreshed;
  private JsonObject summary;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    upstream = new HostileUpstream();
    blackHole = new BlackHole();
    secretFile = Files.writeString(dir.resolve("secret.txt"), SECRET);
    List<SourceConfig> sources = new ArrayList<>();
    HostileCatalogue catalogue = new HostileCatalogue(upstream, blackHole, secretFile);
    HostileCatalogue.cases().forEach(c -> {
      String id = (String) c.get()[0];
      sources.add(TestServer.source(id, catalogue.play(id)));
    });
    sources.add(TestServer.source("vov", upstream.resource("/vov.rss", RSS,
        "e2e/rss20_two_items.xml")));
    sources.add(TestServer.source("dcs", upstream.resource("/dcs.json", "application/feed+json",
        "e2e/jsonfeed11_one_item.json")));
    var settings = TunedServer.withFetch(dir.resolve("data"),
        TunedServer.fetch(DEADLINE, 1 << 20, 4 << 20, 16, 4, true));
    // bantin polls every source as it starts; the refresh joins those polls still running and
    // polls again the ones already done (so a fast source may have been polled twice).
    started = Instant.now();
    server = TunedServer.start(settings, new FeedsConfig(Duration.ofHours(1), sources, List.of()),
        Duration.ofMillis(200));
    summary = server.refresh();
    refreshed = Instant.now();
    System.out.printf("HostileUpstreamIT: start-up and one refresh of %d sources took %d ms: "
        + "%s%n", sources.size(), Duration.between(started, refreshed).toMillis(), summary);
  }

  @AfterAll
  void stop() throws Exception {
    server.close();
    blackHole.close();
    upstream.close();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("vn.bantin.HostileCatalogue#cases")
  void everyHostileSourceShowsItsStableErrorCode(String id, String code) throws Exception {
    JsonObject source = server.source(id);
    assertThat(source.getString("errorCode")).as(source.encode()).isEqualTo(code);
    assertThat(source.getString("lastError")).isNotBlank().doesNotContain(SECRET);
    assertThat(source.getInteger("failures")).isPositive();
    assertThat(source.getLong("entries")).isZero();
  }

  @Test
  void startUpAndOneRefreshOfEveryHostileSourceEndWithinTheBound() {
    assertThat(Duration.between(started, refreshed).toMillis()).isLessThan(REFRESH_BOUND_MILLIS);
    // Every hostile source the refresh polled failed; the two healthy ones did not.
    assertThat(summary.getInteger("fetched") + summary.getInteger("notModified")).isEqualTo(2);
    assertThat(summary.getInteger("errors")).isEqualTo(summary.getInteger("sources") - 2)
        .isGreaterThanOrEqualTo((int) HostileCatalogue.cases().count() - 1); // 'gone' may be done
  }

  @Test
  void noEntityOrDtdUrlIsEverRequested() {
    assertThat(upstream.requestsUnder("/entity/")).isZero();
    assertThat(upstream.requests("/xxe-http")).as("the feed itself was polled").isPositive();
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
    assertThat(inSeconds).isBetween(started.plus(Duration.ofSeconds(7199)),
        refreshed.plus(Duration.ofSeconds(7201)));
    Instant byDate = Instant.parse(server.source("unavailable-until-date").getString("nextPoll"));
    assertThat(byDate).isBetween(started.plus(Duration.ofMinutes(179)),
        refreshed.plus(Duration.ofMinutes(181)));
  }

  @Test
  void goneDisablesTheSourceAndTheSixHopChainIsCutBeforeItsEnd() throws Exception {
    assertThat(server.source("gone").getBoolean("enabled")).isFalse();
    assertThat(upstream.requests("/hop/6")).isPositive();
    assertThat(upstream.requests("/hop/7")).isZero();
    assertThat(upstream.requests("/loop/a")).isEqualTo(upstream.requests("/loop/b"));
  }
}
