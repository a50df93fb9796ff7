package vn.bantin.config;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Versions that other instances save too, in memory, as the shared store keeps them: a save
 * from a version that is no longer the newest conflicts. {@link #saveElsewhere} plays another
 * instance.
 */
final class SharedVersionsFake implements ConfigVersions {
  private final List<ConfigVersion> versions = new ArrayList<>(); // newest first
  private final Map<Integer, String> texts = new LinkedHashMap<>();

  /** Another instance saves {@code text} after the newest version. */
  synchronized ConfigVersion saveElsewhere(String text, Instant at) throws IOException {
    return add(versions.isEmpty() ? 0 : versions.get(0).version(), text, at, "elsewhere",
        "token:other");
  }

  @Override
  public boolean shared() {
    return true;
  }

  @Override
  public synchronized List<ConfigVersion> versions() {
    return List.copyOf(versions);
  }

  @Override
  public synchronized Optional<ConfigVersion> newest() {
    return versions.stream().findFirst();
  }

  @Override
  public synchronized Optional<ConfigVersion> find(int version) {
    return versions.stream().filter(v -> v.version() == version).findFirst();
  }

  @Override
  public synchronized String text(ConfigVersion version) {
    return texts.get(version.version());
  }

  @Override
  public synchronized ConfigVersion add(int after, String text, Instant savedAt, String summary,
      String actor) throws IOException {
    int newest = versions.isEmpty() ? 0 : versions.get(0).version();
    if (newest != after) {
      throw new Conflict("newest is " + newest + ", not " + after);
    }
    ConfigVersion version = new ConfigVersion(after + 1, ConfigVersions.etag(text), savedAt,
        summary);
    versions.add(0, version);
    texts.put(version.version(), text);
    return version;
  }

  @Override
  public synchronized void undoAdd(ConfigVersion version) {
    versions.remove(version);
    texts.remove(version.version());
  }

  @Override
  public void trim() {}
}
