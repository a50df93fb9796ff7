package vn.bantin.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads {@code conf/bantin.yml} into {@link Settings} and {@code feeds.yml} into
 * {@link FeedsConfig}. Both files are read strictly: unknown keys, duplicate keys, wrong types and
 * values out of range are errors, and a {@link ConfigException} carries every problem found, each
 * naming the file (as {@link Path#getFileName()}), the line and the field. Files must be UTF-8 and
 * at most 1 MiB. Stateless; any thread may call it.
 */
public final class ConfigLoader {
  /** The poll interval when feeds.yml names none ({@code defaults.interval}). */
  public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(15);

  private ConfigLoader() {}

  /**
   * Every setting at its default, as {@code conf/bantin.yml} documents; {@code parse.pool_size}
   * 0 resolved to the number of cores.
   */
  public static Settings defaults() {
    Problems none = new Problems("defaults");
    return SettingsReader.read(new YamlNode.Scalar(1, YamlNode.Kind.NULL, "", null), none);
  }

  /**
   * Reads {@code file}, then applies the {@code BANTIN_*} overrides found in {@code env}
   * (usually {@link System#getenv()}). A missing file is a problem; see {@link #applyEnv} to run
   * without one. {@code parse.pool_size} 0 is resolved to the number of cores.
   *
   * @throws ConfigException with every problem of the file and of the environment
   */
  public static Settings loadSettings(Path file, Map<String, String> env) throws ConfigException {
    return parseSettings(nameOf(file), read(file), env);
  }

  /** {@link #loadSettings} for text already read; {@code fileName} names it in problems. */
  public static Settings parseSettings(String fileName, String yamlText, Map<String, String> env)
      throws ConfigException {
    Problems problems = new Problems(fileName);
    Optional<YamlNode> root = YamlTree.parse(yamlText, problems);
    // Even when the YAML is broken, read the defaults so that bad variables are reported too.
    Settings settings = SettingsReader.read(
        root.orElse(new YamlNode.Scalar(1, YamlNode.Kind.NULL, "", null)), problems);
    settings = EnvOverrides.apply(settings, env, problems);
    problems.throwIfAny();
    return settings;
  }

  /** {@code base} with the {@code BANTIN_*} overrides found in {@code env} applied. */
  public static Settings applyEnv(Settings base, Map<String, String> env) throws ConfigException {
    Problems problems = new Problems("environment");
    Settings settings = EnvOverrides.apply(base, env, problems);
    problems.throwIfAny();
    return settings;
  }

  /** Reads and validates {@code file}; sources without an interval poll every 15m. */
  public static FeedsConfig loadFeeds(Path file) throws ConfigException {
    return loadFeeds(file, DEFAULT_INTERVAL);
  }

  /**
   * Reads and validates {@code file}.
   *
   * @param defaultInterval the interval when feeds.yml sets no {@code defaults.interval}
   *     (bantin.yml's {@code poll.default_interval})
   */
  public static FeedsConfig loadFeeds(Path file, Duration defaultInterval)
      throws ConfigException {
    return parseFeeds(nameOf(file), read(file), defaultInterval);
  }

  /**
   * Validates feeds.yml text, e.g. a body PUT to the admin API.
   *
   * @param fileName names the text in problems, usually {@code feeds.yml}
   */
  public static FeedsConfig parseFeeds(String fileName, String yamlText) throws ConfigException {
    return parseFeeds(fileName, yamlText, DEFAULT_INTERVAL);
  }

  /** {@link #parseFeeds(String, String)} with the interval used when the file names none. */
  public static FeedsConfig parseFeeds(String fileName, String yamlText, Duration defaultInterval)
      throws ConfigException {
    Problems problems = new Problems(fileName);
    Optional<FeedsConfig> config = YamlTree.parse(yamlText, problems)
        .map(root -> FeedsReader.read(root, defaultInterval, problems));
    problems.throwIfAny();
    return config.orElseThrow(); // parse reports a problem whenever it returns empty
  }

  private static String nameOf(Path file) {
    Path name = file.getFileName();
    return name == null ? file.toString() : name.toString();
  }

  private static String read(Path file) throws ConfigException {
    String name = nameOf(file);
    try {
      if (Files.size(file) > YamlTree.MAX_SIZE) {
        throw fileProblem(name, "larger than " + YamlTree.MAX_SIZE + " bytes");
      }
      return Files.readString(file, StandardCharsets.UTF_8); // refuses malformed UTF-8
    } catch (NoSuchFileException e) {
      throw fileProblem(name, "not found: " + file.toAbsolutePath());
    } catch (CharacterCodingException e) {
      throw fileProblem(name, "not valid UTF-8");
    } catch (IOException e) {
      throw fileProblem(name, "cannot read: " + e);
    }
  }

  private static ConfigException fileProblem(String name, String message) {
    return new ConfigException(List.of(new ConfigProblem(name, 0, "(file)", message)));
  }
}
