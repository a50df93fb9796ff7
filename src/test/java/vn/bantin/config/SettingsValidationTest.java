package vn.bantin.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every validation rule of conf/bantin.yml, one named case each, asserting the exact
 * {@code file:line path: message} line a user reads.
 */
class SettingsValidationTest {

  static Stream<Arguments> rules() {
    return Stream.of(
        argumentSet("port above 65535", "http:\n  port: 65536\n",
            "bantin.yml:2 http.port: must be 0 to 65535"),
        argumentSet("negative port", "http:\n  port: -1\n",
            "bantin.yml:2 http.port: must be 0 to 65535"),
        argumentSet("port as text", "http:\n  port: \"8080\"\n",
            "bantin.yml:2 http.port: expected an integer, got the text \"8080\""),
        argumentSet("blank host", "http:\n  host: \" \"\n",
            "bantin.yml:2 http.host: must not be blank"),
        argumentSet("public_url with trailing slash", "http:\n  public_url: https://a.vn/\n",
            "bantin.yml:2 http.public_url: must be empty or an http(s) URL without a trailing"
                + " slash"),
        argumentSet("public_url not http", "http:\n  public_url: ftp://a.vn\n",
            "bantin.yml:2 http.public_url: must be empty or an http(s) URL without a trailing"
                + " slash"),
        argumentSet("public_url with a query", "http:\n  public_url: https://a.vn/?x=1\n",
            "bantin.yml:2 http.public_url: must be empty or an http(s) URL without a trailing"
                + " slash"),
        argumentSet("blank data_dir", "store:\n  data_dir: \"\"\n",
            "bantin.yml:2 store.data_dir: must not be blank"),
        argumentSet("data_dir with a NUL character", "store:\n  data_dir: \"a\\0b\"\n",
            "bantin.yml:2 store.data_dir: not a valid path"),
        argumentSet("store url not PostgreSQL", "store:\n  url: mysql://db/bantin\n",
            "bantin.yml:2 store.url: must be empty or a PostgreSQL URL"
                + " (postgresql://host:5432/bantin)"),
        argumentSet("retention under a day", "store:\n  retention: 2h\n",
            "bantin.yml:2 store.retention: must be at least 1d"),
        argumentSet("read pool of zero", "store:\n  read_pool_size: 0\n",
            "bantin.yml:2 store.read_pool_size: must be 1 to 64"),
        argumentSet("token as a list", "admin:\n  token: [a, b]\n",
            "bantin.yml:2 admin.token: expected text, got a list"),
        argumentSet("deadline under connect_timeout",
            "fetch:\n  connect_timeout: 20s\n  deadline: 10s\n",
            "bantin.yml:3 fetch.deadline: must be at least fetch.connect_timeout (20s)"),
        argumentSet("connect_timeout not a duration", "fetch:\n  connect_timeout: 10\n",
            "bantin.yml:2 fetch.connect_timeout: not a duration (write a whole number and s, m,"
                + " h or d: 90s, 15m, 2h, 7d): '10'"),
        argumentSet("zero body size", "fetch:\n  max_body_bytes: 0\n",
            "bantin.yml:2 fetch.max_body_bytes: must be at least 1"),
        argumentSet("zero decoded size", "fetch:\n  max_decoded_bytes: 0\n",
            "bantin.yml:2 fetch.max_decoded_bytes: must be at least 1"),
        argumentSet("zero per-host concurrency", "fetch:\n  per_host_concurrency: 0\n",
            "bantin.yml:2 fetch.per_host_concurrency: must be 1 to 1024"),
        argumentSet("blank user agent", "fetch:\n  user_agent: \"\"\n",
            "bantin.yml:2 fetch.user_agent: must not be blank"),
        argumentSet("sub-second connect timeout", "fetch:\n  connect_timeout: 0s\n",
            "bantin.yml:2 fetch.connect_timeout: must be at least 1s"),
        argumentSet("too many redirects", "fetch:\n  max_redirects: 21\n",
            "bantin.yml:2 fetch.max_redirects: must be 0 to 20"),
        argumentSet("zero concurrency", "fetch:\n  concurrency: 0\n",
            "bantin.yml:2 fetch.concurrency: must be 1 to 1024"),
        argumentSet("private networks as text", "fetch:\n  allow_private_networks: \"true\"\n",
            "bantin.yml:2 fetch.allow_private_networks: expected true or false, got the text"
                + " \"true\""),
        argumentSet("default interval under 1m", "poll:\n  default_interval: 30s\n",
            "bantin.yml:2 poll.default_interval: must be at least 1m"),
        argumentSet("backoff_max under backoff_base", "poll:\n  backoff_base: 1h\n"
                + "  backoff_max: 10m\n",
            "bantin.yml:3 poll.backoff_max: must be at least poll.backoff_base (1h)"),
        argumentSet("jitter above 1", "poll:\n  jitter: 1.5\n",
            "bantin.yml:2 poll.jitter: must be 0.0 to 1.0"),
        argumentSet("negative jitter", "poll:\n  jitter: -0.1\n",
            "bantin.yml:2 poll.jitter: must be 0.0 to 1.0"),
        argumentSet("zero backoff base", "poll:\n  backoff_base: 0s\n",
            "bantin.yml:2 poll.backoff_base: must be at least 1s"),
        argumentSet("jitter as text", "poll:\n  jitter: ten percent\n",
            "bantin.yml:2 poll.jitter: expected a number, got the text \"ten percent\""),
        argumentSet("negative pool size", "parse:\n  pool_size: -1\n",
            "bantin.yml:2 parse.pool_size: must be 0 to 256"),
        argumentSet("zero max entries", "parse:\n  max_entries: 0\n",
            "bantin.yml:2 parse.max_entries: must be at least 1"),
        argumentSet("zero max depth", "parse:\n  max_depth: 0\n",
            "bantin.yml:2 parse.max_depth: must be at least 1"),
        argumentSet("huge title cap", "parse:\n  max_title_chars: 99999999999999999999999\n",
            "bantin.yml:2 parse.max_title_chars: must be at most 2147483647"),
        argumentSet("max_age not a duration", "serve:\n  max_age: 1 minute\n",
            "bantin.yml:2 serve.max_age: " + Durations.EXPECTED + ": '1 minute'"),
        argumentSet("zero render pool", "serve:\n  render_pool_size: 0\n",
            "bantin.yml:2 serve.render_pool_size: must be 1 to 256"),
        argumentSet("zero cache", "serve:\n  cache_max_renderings: 0\n",
            "bantin.yml:2 serve.cache_max_renderings: must be at least 1"),
        argumentSet("unknown section", "htp:\n  port: 1\n",
            "bantin.yml:1 htp: unknown key; allowed: http, store, admin, fetch, poll, parse,"
                + " serve"),
        argumentSet("unknown key in a section", "http:\n  host: a\n  prot: 1\n",
            "bantin.yml:3 http.prot: unknown key; allowed: host, port, public_url"),
        argumentSet("section not a mapping", "poll: 15m\n",
            "bantin.yml:1 poll: expected a mapping (key: value lines), got the text \"15m\""),
        argumentSet("root not a mapping", "- http\n",
            "bantin.yml:1 (root): expected a mapping (key: value lines), got a list"),
        argumentSet("duplicate section", "http:\n  port: 1\nstore: {}\nhttp:\n  port: 2\n",
            "bantin.yml:4 http: duplicate key; first at line 1"),
        argumentSet("duplicate key in a section", "fetch:\n  concurrency: 2\n  concurrency: 3\n",
            "bantin.yml:3 fetch.concurrency: duplicate key; first at line 2"),
        argumentSet("YAML syntax error", "http:\n  port: 1\n host: a\n",
            "bantin.yml:3 (yaml): invalid YAML: expected <block end>, but found '<block mapping"
                + " start>' (while parsing a block mapping at line 1)"));
  }

  @ParameterizedTest
  @MethodSource("rules")
  void aBrokenRuleIsOneProblemWithFileLineAndPath(String yaml, String problem) {
    assertThat(SettingsLoadingTest.problems(yaml, Map.of())).containsExactly(problem);
  }
}
