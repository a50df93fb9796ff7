package vn.bantin.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The BANTIN_* variables of the contract override conf/bantin.yml. */
class EnvOverridesTest {
  private static final String FILE = """
      http:
        host: 10.0.0.1
        port: 9000
      store:
        data_dir: from-file
        url: postgresql://file/bantin
      admin:
        token: file-token
      fetch:
        allow_private_networks: true
      """;

  static Stream<Arguments> overrides() {
    return Stream.of(
        argumentSet("BANTIN_HTTP_HOST", "BANTIN_HTTP_HOST", "127.0.0.1",
            get(s -> s.http().host()), "127.0.0.1"),
        argumentSet("BANTIN_HTTP_PORT", "BANTIN_HTTP_PORT", "8081",
            get(s -> s.http().port()), 8081),
        argumentSet("BANTIN_HTTP_PORT 0 for any free port", "BANTIN_HTTP_PORT", "0",
            get(s -> s.http().port()), 0),
        argumentSet("BANTIN_DATA_DIR", "BANTIN_DATA_DIR", "/srv/bantin",
            get(s -> s.store().dataDir()), Path.of("/srv/bantin")),
        argumentSet("BANTIN_ADMIN_TOKEN", "BANTIN_ADMIN_TOKEN", "s3cret",
            get(s -> s.admin().token()), "s3cret"),
        argumentSet("BANTIN_ADMIN_TOKEN stripped of a trailing newline", "BANTIN_ADMIN_TOKEN",
            "s3cret\n", get(s -> s.admin().token()), "s3cret"),
        argumentSet("BANTIN_ADMIN_TOKEN empty turns the admin API off", "BANTIN_ADMIN_TOKEN", "",
            get(s -> s.admin().token()), ""),
        argumentSet("BANTIN_STORE_URL", "BANTIN_STORE_URL", "postgresql://db:5432/bantin",
            get(s -> s.store().url()), "postgresql://db:5432/bantin"),
        argumentSet("BANTIN_STORE_URL empty selects SQLite", "BANTIN_STORE_URL", "",
            get(s -> s.store().url()), ""),
        argumentSet("BANTIN_ALLOW_PRIVATE_NETWORKS false", "BANTIN_ALLOW_PRIVATE_NETWORKS",
            "false", get(s -> s.fetch().allowPrivateNetworks()), false),
        argumentSet("BANTIN_ALLOW_PRIVATE_NETWORKS any case", "BANTIN_ALLOW_PRIVATE_NETWORKS",
            "FALSE", get(s -> s.fetch().allowPrivateNetworks()), false));
  }

  @ParameterizedTest
  @MethodSource("overrides")
  void aVariableWinsOverTheFile(String name, String value, Function<Settings, Object> field,
      Object expected) throws Exception {
    Settings fromFile = ConfigLoader.parseSettings("bantin.yml", FILE, Map.of());
    Settings overridden = ConfigLoader.parseSettings("bantin.yml", FILE, Map.of(name, value));

    assertThat(field.apply(overridden)).isEqualTo(expected);
    assertThat(field.apply(fromFile)).isNotEqualTo(expected);
  }

  @Test
  void onlyTheNamedSettingChanges() throws Exception {
    Settings fromFile = ConfigLoader.parseSettings("bantin.yml", FILE, Map.of());
    Settings overridden = ConfigLoader.parseSettings("bantin.yml", FILE,
        Map.of("BANTIN_HTTP_PORT", "1234", "PATH", "/usr/bin", "BANTIN_UNRELATED", "x"));

    assertThat(overridden).isEqualTo(new Settings(
        new Settings.Http("10.0.0.1", 1234, ""), fromFile.store(), fromFile.admin(),
        fromFile.fetch(), fromFile.poll(), fromFile.parse(), fromFile.serve()));
  }

  static Stream<Arguments> badValues() {
    return Stream.of(
        argumentSet("port not a number", "BANTIN_HTTP_PORT", "http",
            "BANTIN_HTTP_PORT:0 http.port: must be an integer 0 to 65535, got 'http'"),
        argumentSet("port out of range", "BANTIN_HTTP_PORT", "65536",
            "BANTIN_HTTP_PORT:0 http.port: must be an integer 0 to 65535, got '65536'"),
        argumentSet("negative port", "BANTIN_HTTP_PORT", "-1",
            "BANTIN_HTTP_PORT:0 http.port: must be an integer 0 to 65535, got '-1'"),
        argumentSet("empty host", "BANTIN_HTTP_HOST", " ",
            "BANTIN_HTTP_HOST:0 http.host: must not be blank"),
        argumentSet("empty data dir", "BANTIN_DATA_DIR", "",
            "BANTIN_DATA_DIR:0 store.data_dir: must be a path"),
        argumentSet("store URL of another database", "BANTIN_STORE_URL", "mysql://db/bantin",
            "BANTIN_STORE_URL:0 store.url: must be empty or a PostgreSQL URL"
                + " (postgresql://host:5432/bantin)"),
        argumentSet("private networks yes", "BANTIN_ALLOW_PRIVATE_NETWORKS", "yes",
            "BANTIN_ALLOW_PRIVATE_NETWORKS:0 fetch.allow_private_networks: must be true or false,"
                + " got 'yes'"),
        argumentSet("private networks 1", "BANTIN_ALLOW_PRIVATE_NETWORKS", "1",
            "BANTIN_ALLOW_PRIVATE_NETWORKS:0 fetch.allow_private_networks: must be true or false,"
                + " got '1'"));
  }

  @ParameterizedTest
  @MethodSource("badValues")
  void aBadValueIsAProblemNamingTheVariable(String name, String value, String problem) {
    assertThat(SettingsLoadingTest.problems(FILE, Map.of(name, value))).containsExactly(problem);
  }

  @Test
  void problemsOfTheFileAndOfTheEnvironmentAreReportedTogether() {
    assertThat(SettingsLoadingTest.problems("http:\n  port: x\n",
        Map.of("BANTIN_HTTP_PORT", "y", "BANTIN_ALLOW_PRIVATE_NETWORKS", "maybe")))
        .hasSize(3)
        .startsWith("bantin.yml:2 http.port: expected an integer, got the text \"x\"")
        .contains("BANTIN_HTTP_PORT:0 http.port: must be an integer 0 to 65535, got 'y'",
            "BANTIN_ALLOW_PRIVATE_NETWORKS:0 fetch.allow_private_networks: must be true or false,"
                + " got 'maybe'");
  }

  @Test
  void badVariablesAreReportedEvenWhenTheFileIsNotYaml() {
    assertThat(SettingsLoadingTest.problems("http: [\n", Map.of("BANTIN_HTTP_PORT", "y")))
        .hasSize(2)
        .last().isEqualTo("BANTIN_HTTP_PORT:0 http.port: must be an integer 0 to 65535, got 'y'");
  }

  @Test
  void applyEnvOverridesGivenSettingsWithoutAFile() throws Exception {
    Settings s = ConfigLoader.applyEnv(ConfigLoader.defaults(),
        Map.of("BANTIN_HTTP_PORT", "0", "BANTIN_ALLOW_PRIVATE_NETWORKS", "true"));

    assertThat(s.http().port()).isZero();
    assertThat(s.fetch().allowPrivateNetworks()).isTrue();
    ConfigException e = catchThrowableOfType(ConfigException.class,
        () -> ConfigLoader.applyEnv(ConfigLoader.defaults(), Map.of("BANTIN_HTTP_PORT", "x")));
    assertThat(e.problems()).extracting(ConfigProblem::file).containsExactly("BANTIN_HTTP_PORT");
  }

  private static Function<Settings, Object> get(Function<Settings, Object> f) {
    return f;
  }
}
