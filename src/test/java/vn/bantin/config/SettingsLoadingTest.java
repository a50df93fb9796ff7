package vn.bantin.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** conf/bantin.yml: defaults, reading every setting, and reporting all problems of a file. */
class SettingsLoadingTest {
  private static final Path RESOURCES = Path.of("src/test/resources/config");

  @Test
  void defaultsAreTheDocumentedValues() {
    Settings d = ConfigLoader.defaults();

    assertThat(d.http()).isEqualTo(new Settings.Http("0.0.0.0", 8080, ""));
    assertThat(d.store()).isEqualTo(
        new Settings.Store(Path.of("data"), "", Duration.ofDays(90), 2));
    assertThat(d.admin().token()).isEmpty();
    assertThat(d.fetch()).isEqualTo(new Settings.Fetch(Duration.ofSeconds(10),
        Duration.ofSeconds(30), 10_485_760L, 33_554_432L, 5, 16, 2, false,
        "bantin/0.1 (+https://github.com/bantin/bantin)"));
    assertThat(d.poll()).isEqualTo(new Settings.Poll(Duration.ofMinutes(15), Duration.ofMinutes(1),
        Duration.ofHours(6), 0.1));
    assertThat(d.parse()).isEqualTo(new Settings.Parse(
        Runtime.getRuntime().availableProcessors(), 64, 200, 500, 5000, 100_000));
    assertThat(d.serve()).isEqualTo(new Settings.Serve(2, 1000, Duration.ofSeconds(60),
        Duration.ofSeconds(300)));
  }

  static Stream<Arguments> emptyDocuments() {
    return Stream.of(
        argumentSet("empty file", ""),
        argumentSet("only comments", "# nothing set\n# at all\n"),
        argumentSet("explicit null", "~\n"),
        argumentSet("empty sections", "http:\nstore:\nfetch: {}\n"));
  }

  @ParameterizedTest
  @MethodSource("emptyDocuments")
  void aFileSettingNothingReadsAsTheDefaults(String yaml) throws Exception {
    assertThat(ConfigLoader.parseSettings("bantin.yml", yaml, Map.of()))
        .isEqualTo(ConfigLoader.defaults());
  }

  @Test
  void everySettingIsReadFromItsKey() throws Exception {
    Settings s = ConfigLoader.loadSettings(RESOURCES.resolve("bantin_every_setting_changed.yml"),
        Map.of());

    assertThat(s).isEqualTo(new Settings(
        new Settings.Http("127.0.0.1", 0, "https://tin.example.vn/bantin"),
        new Settings.Store(Path.of("/var/lib/bantin"), "postgresql://db.example.vn:5432/bantin",
            Duration.ofDays(30), 4),
        new Settings.Admin("12345"),
        new Settings.Fetch(Duration.ofSeconds(5), Duration.ofMinutes(1), 1_048_576L, 4_194_304L,
            0, 8, 1, true, "bantin-test"),
        new Settings.Poll(Duration.ofMinutes(30), Duration.ofSeconds(30), Duration.ofHours(2), 0),
        new Settings.Parse(3, 32, 50, 200, 1000, 20_000),
        new Settings.Serve(1, 10, Duration.ZERO, Duration.ofHours(1))));
  }

  @Test
  void everyProblemOfTheFileIsReportedInLineOrder() {
    ConfigException e = catchThrowableOfType(ConfigException.class, () ->
        ConfigLoader.loadSettings(RESOURCES.resolve("bantin_many_problems.yml"), Map.of()));

    assertThat(e.problems()).extracting(ConfigProblem::toString).containsExactly(
        "bantin_many_problems.yml:3 http.port: must be 0 to 65535",
        "bantin_many_problems.yml:4 http.prot: unknown key; allowed: host, port, public_url",
        "bantin_many_problems.yml:6 store.retention: not a duration (write a whole number and s,"
            + " m, h or d: 90s, 15m, 2h, 7d): 'forever'",
        "bantin_many_problems.yml:9 fetch.deadline: must be at least fetch.connect_timeout (10s)",
        "bantin_many_problems.yml:10 fetch.allow_private_networks: expected true or false, got"
            + " the text \"yes please\"",
        "bantin_many_problems.yml:12 poll.jitter: must be 0.0 to 1.0",
        "bantin_many_problems.yml:13 http: duplicate key; first at line 1");
    assertThat(e.getMessage()).startsWith("bantin_many_problems.yml:3 http.port: must be 0 to"
        + " 65535\nbantin_many_problems.yml:4 http.prot:");
  }

  @Test
  void aMissingFileIsAProblemNamingIt() {
    ConfigException e = catchThrowableOfType(ConfigException.class, () ->
        ConfigLoader.loadSettings(RESOURCES.resolve("no_such_bantin.yml"), Map.of()));

    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.file()).isEqualTo("no_such_bantin.yml");
      assertThat(p.line()).isZero();
      assertThat(p.message()).startsWith("not found: ");
    });
  }

  static List<String> problems(String yaml, Map<String, String> env) {
    ConfigException e = catchThrowableOfType(ConfigException.class,
        () -> ConfigLoader.parseSettings("bantin.yml", yaml, env));
    assertThat(e).as("expected a ConfigException").isNotNull();
    return e.problems().stream().map(ConfigProblem::toString).toList();
  }
}
