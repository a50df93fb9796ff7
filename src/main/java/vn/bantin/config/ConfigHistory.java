package vn.bantin.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The saved versions of feeds.yml in one folder: {@code 000012.yml} holds the exact text of
 * version 12 and {@code 000012.json} its {@code {version, etag, savedAt, summary}}. A version
 * exists when both files do; the .json is written last and deleted first, so a crash in between
 * leaves no half version. Not thread-safe: {@link ConfigService} serializes calls.
 */
final class ConfigHistory implements ConfigVersions {
  private static final Logger LOG = Logger.getLogger(ConfigHistory.class.getName());
  private static final Pattern NAME = Pattern.compile("(\\d{6,9})\\.(yml|json)");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;
  private final int keep;
  private final AtomicFiles files;
  private final List<ConfigVersion> versions = new ArrayList<>(); // newest first
  private int last; // the highest number ever seen here, so numbers are never reused

  private ConfigHistory(Path dir, int keep, AtomicFiles files) {
    this.dir = dir;
    this.keep = keep;
    this.files = files;
  }

  /** Reads the folder (creating it), skipping unreadable versions with a warning. */
  static ConfigHistory open(Path dir, int keep, AtomicFiles files) throws IOException {
    ConfigHistory history = new ConfigHistory(dir, keep, files);
    Files.createDirectories(dir);
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        history.readEntry(entry);
      }
    }
    history.versions.sort(Comparator.comparingInt(ConfigVersion::version).reversed());
    history.trim();
    return history;
  }

  /** The strong ETag of a feeds.yml text, in the form of the feed renderings' ETags. */
  static String etag(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8));
      // RFC 9110 §8.8.3: 22 base64url characters keep 132 bits of the digest.
      return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22)
          + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK provides SHA-256", e);
    }
  }

  /** Never: the folder is this instance's own. */
  @Override
  public boolean shared() {
    return false;
  }

  @Override
  public List<ConfigVersion> versions() {
    return List.copyOf(versions);
  }

  @Override
  public Optional<ConfigVersion> newest() {
    return versions.stream().findFirst();
  }

  @Override
  public Optional<ConfigVersion> find(int version) {
    return versions.stream().filter(v -> v.version() == version).findFirst();
  }

  /** The exact text saved as {@code version}, which must be listed. */
  @Override
  public String text(ConfigVersion version) throws IOException {
    return Files.readString(file(version.version(), "yml"), StandardCharsets.UTF_8);
  }

  /**
   * Saves {@code text} as the next version (not yet trimmed; see {@link #trim}). On failure
   * nothing is listed and no file of the version is left. {@code after} and {@code actor} are
   * not needed: this instance is the only one saving here.
   */
  @Override
  public ConfigVersion add(int after, String text, Instant savedAt, String summary,
      String actor) throws IOException {
    ConfigVersion version = new ConfigVersion(last + 1, etag(text), savedAt, summary);
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("version", version.version());
    meta.put("etag", version.etag());
    meta.put("savedAt", savedAt.toString());
    meta.put("summary", summary);
    try {
      files.write(file(version.version(), "yml"), text.getBytes(StandardCharsets.UTF_8));
      files.write(file(version.version(), "json"), JSON.writeValueAsBytes(meta));
    } catch (IOException | RuntimeException e) {
      deleteFiles(version.version());
      throw e;
    }
    last = version.version();
    versions.add(0, version);
    return version;
  }

  /** Takes back the newest version, which {@link #add} just saved but could not come in force. */
  @Override
  public void undoAdd(ConfigVersion version) {
    versions.remove(version);
    // The number stays taken: last is not lowered, and an empty .yml without its .json (no
    // version, see open) keeps it taken across restarts too.
    deleteQuietly(file(version.version(), "json"));
    try {
      Files.write(file(version.version(), "yml"), new byte[0]);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "config history: cannot empty " + file(version.version(), "yml")
          + ": " + e);
    }
  }

  /** Deletes the versions beyond {@code keep}, oldest first; a failure is only logged. */
  @Override
  public void trim() {
    while (versions.size() > keep) {
      deleteFiles(versions.remove(versions.size() - 1).version());
    }
  }

  private void readEntry(Path entry) {
    String name = entry.getFileName().toString();
    Matcher m = NAME.matcher(name);
    if (!m.matches()) {
      if (name.startsWith(".") && name.endsWith(".tmp")) {
        deleteQuietly(entry); // AtomicFiles' temporary file, left by a crash mid-save
      }
      return;
    }
    int number = Integer.parseInt(m.group(1));
    last = Math.max(last, number);
    if (!m.group(2).equals("json")) {
      return;
    }
    try {
      JsonNode meta = JSON.readTree(entry.toFile());
      ConfigVersion version = new ConfigVersion(meta.path("version").asInt(number),
          meta.path("etag").asText(), Instant.parse(meta.path("savedAt").asText()),
          meta.path("summary").asText());
      if (version.version() != number || !Files.isRegularFile(file(number, "yml"))) {
        throw new IOException("does not match " + file(number, "yml").getFileName());
      }
      versions.add(version);
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "config history: skipping " + entry + ": " + e.getMessage());
    }
  }

  private void deleteFiles(int version) {
    deleteQuietly(file(version, "json"));
    deleteQuietly(file(version, "yml"));
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "config history: cannot delete " + file + ": " + e);
    }
  }

  private Path file(int version, String ext) {
    return dir.resolve(String.format("%06d.%s", version, ext));
  }
}
