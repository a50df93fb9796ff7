package vn.bantin;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The address guard as users meet it: bantin started from the command line refuses sources on
 * loopback, however the address is written, without sending them a byte; with
 * {@code BANTIN_ALLOW_PRIVATE_NETWORKS=true} it polls them.
 */
class PrivateNetworksIT {
  /**
   * Loopback written the ways feeds.yml accepts; the fixture listens on 127.0.0.1. (127.1 and
   * 2130706433 are not URLs with a host to feeds.yml; the fetch-level and resolver tests cover
   * them.)
   */
  private static final List<String> LOOPBACK_HOSTS = List.of("127.0.0.1", "localhost",
      "127.0.0.2", "0.0.0.0", "[::1]", "[::ffff:127.0.0.1]");

  @TempDir Path dir;

  @Test
  void loopbackSourcesAreRefusedByDefaultAndNeverContacted() throws Exception {
    try (FixtureUpstream upstream = new FixtureUpstream()) {
      upstream.serve("/vov.rss", "rss20_two_items.xml");
      try (BantinProcess bantin = BantinProcess.start(conf(), feeds(upstream), Map.of())) {
        JsonObject summary = bantin.refresh();
        assertThat(summary.getInteger("errors")).isEqualTo(LOOPBACK_HOSTS.size());
        JsonArray sources = bantin.sources();
        assertThat(sources).hasSize(LOOPBACK_HOSTS.size());
        for (Object o : sources) {
          JsonObject source = (JsonObject) o;
          assertThat(source.getString("errorCode")).as(source.encode())
              .isEqualTo("address_blocked");
          assertThat(source.getString("lastError")).isNotBlank();
        }
      }
      assertThat(upstream.seen("/vov.rss")).as("not one request reached loopback").isEmpty();
    }
  }

  @Test
  void theEnvironmentVariableAllowsThem() throws Exception {
    try (FixtureUpstream upstream = new FixtureUpstream()) {
      upstream.serve("/vov.rss", "rss20_two_items.xml");
      try (BantinProcess bantin = BantinProcess.start(conf(), feeds(upstream),
          Map.of("BANTIN_ALLOW_PRIVATE_NETWORKS", "true"))) {
        bantin.refresh();
        JsonObject plain = bantin.sources().stream().map(JsonObject.class::cast)
            .filter(s -> s.getString("id").equals("host-0")).findFirst().orElseThrow();
        assertThat(plain.getValue("lastError")).isNull();
        assertThat(plain.getLong("entries")).isEqualTo(2);
        assertThat(new JsonObject(bantin.get("/feeds/all.json").body()).getJsonArray("items"))
            .hasSize(2);
      }
      assertThat(upstream.seen("/vov.rss")).isNotEmpty();
    }
  }

  /** A conf that leaves fetch.allow_private_networks at its default. */
  private Path conf() {
    return BantinProcess.conf(dir.resolve("bantin.yml"), dir.resolve("data"), """
        fetch:
          connect_timeout: 2s
          deadline: 5s
        """);
  }

  private Path feeds(FixtureUpstream upstream) {
    int port = Integer.parseInt(upstream.url("/").replaceAll(".*:(\\d+)/$", "$1"));
    StringBuilder yaml = new StringBuilder("version: 1\nsources:\n");
    for (int i = 0; i < LOOPBACK_HOSTS.size(); i++) {
      yaml.append("  - id: host-").append(i).append('\n')
          .append("    title: Loopback ").append(LOOPBACK_HOSTS.get(i)).append('\n')
          .append("    url: http://").append(LOOPBACK_HOSTS.get(i)).append(':').append(port)
          .append("/vov.rss\n");
    }
    return BantinProcess.write(dir.resolve("feeds.yml"), yaml.toString());
  }
}
