package vn.bantin.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Applies the {@code BANTIN_*} environment variables of the contract over settings read from
 * {@code conf/bantin.yml}. A bad value is a problem naming the variable (line 0), checked by the
 * same rules as the file. Values are stripped of surrounding whitespace (a secret file's trailing
 * newline must not become part of a token).
 */
final class EnvOverrides {
  static final String HOST = "BANTIN_HTTP_HOST";
  static final String PORT = "BANTIN_HTTP_PORT";
  static final String DATA_DIR = "BANTIN_DATA_DIR";
  static final String ADMIN_TOKEN = "BANTIN_ADMIN_TOKEN";
  static final String STORE_URL = "BANTIN_STORE_URL";
  static final String ALLOW_PRIVATE = "BANTIN_ALLOW_PRIVATE_NETWORKS";

  private EnvOverrides() {}

  static Settings apply(Settings s, Map<String, String> env, Problems problems) {
    Settings.Http http = s.http();
    Settings.Store store = s.store();
    Settings.Admin admin = s.admin();
    Settings.Fetch fetch = s.fetch();

    Optional<String> host = get(env, HOST);
    if (host.isPresent()) {
      if (host.get().isEmpty()) {
        problems.addFrom(HOST, "http.host", "must not be blank");
      } else {
        http = new Settings.Http(host.get(), http.port(), http.publicUrl());
      }
    }
    Optional<String> port = get(env, PORT);
    if (port.isPresent()) {
      Optional<Integer> p = port(port.get());
      if (p.isEmpty()) {
        problems.addFrom(PORT, "http.port", "must be an integer 0 to 65535, got '" + port.get()
            + "'");
      } else {
        http = new Settings.Http(http.host(), p.get(), http.publicUrl());
      }
    }
    Optional<String> dir = get(env, DATA_DIR);
    if (dir.isPresent()) {
      Optional<Path> path = dir.get().isEmpty() ? Optional.empty()
          : SettingsReader.dataDir(dir.get());
      if (path.isEmpty()) {
        problems.addFrom(DATA_DIR, "store.data_dir", "must be a path");
      } else {
        store = new Settings.Store(path.get(), store.url(), store.retention(),
            store.readPoolSize());
      }
    }
    Optional<String> url = get(env, STORE_URL);
    if (url.isPresent()) {
      if (!SettingsReader.isStoreUrl(url.get())) {
        problems.addFrom(STORE_URL, "store.url", SettingsReader.STORE_URL_EXPECTED);
      } else {
        store = new Settings.Store(store.dataDir(), url.get(), store.retention(),
            store.readPoolSize());
      }
    }
    Optional<String> token = get(env, ADMIN_TOKEN); // empty is allowed: it turns the API off
    if (token.isPresent()) {
      admin = new Settings.Admin(token.get());
    }
    Optional<String> allow = get(env, ALLOW_PRIVATE);
    if (allow.isPresent()) {
      String v = allow.get().toLowerCase(Locale.ROOT);
      if (!v.equals("true") && !v.equals("false")) {
        problems.addFrom(ALLOW_PRIVATE, "fetch.allow_private_networks",
            "must be true or false, got '" + allow.get() + "'");
      } else {
        fetch = new Settings.Fetch(fetch.connectTimeout(), fetch.deadline(), fetch.maxBodyBytes(),
            fetch.maxDecodedBytes(), fetch.maxRedirects(), fetch.concurrency(),
            fetch.perHostConcurrency(), v.equals("true"), fetch.userAgent());
      }
    }
    return new Settings(http, store, admin, fetch, s.poll(), s.parse(), s.serve());
  }

  private static Optional<String> get(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).map(String::strip);
  }

  private static Optional<Integer> port(String text) {
    if (!text.matches("[0-9]{1,5}")) {
      return Optional.empty();
    }
    int p = Integer.parseInt(text);
    return p <= 65_535 ? Optional.of(p) : Optional.empty();
  }
}
