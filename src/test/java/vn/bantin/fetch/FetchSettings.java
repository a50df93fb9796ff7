package vn.bantin.fetch;

import java.time.Duration;
import vn.bantin.config.Settings;

/** Builds {@link Settings.Fetch} for tests: generous defaults, private networks allowed. */
final class FetchSettings {

  Duration connectTimeout = Duration.ofSeconds(1);
  Duration deadline = Duration.ofSeconds(3);
  long maxBodyBytes = 1 << 20;
  long maxDecodedBytes = 4 << 20;
  int maxRedirects = 5;
  int concurrency = 8;
  int perHostConcurrency = 4;
  boolean allowPrivateNetworks = true;

  static FetchSettings defaults() {
    return new FetchSettings();
  }

  FetchSettings deadline(Duration d) {
    deadline = d;
    return this;
  }

  FetchSettings maxBodyBytes(long n) {
    maxBodyBytes = n;
    return this;
  }

  FetchSettings maxDecodedBytes(long n) {
    maxDecodedBytes = n;
    return this;
  }

  FetchSettings concurrency(int total, int perHost) {
    concurrency = total;
    perHostConcurrency = perHost;
    return this;
  }

  FetchSettings guarded() {
    allowPrivateNetworks = false;
    return this;
  }

  Settings.Fetch build() {
    return new Settings.Fetch(connectTimeout, deadline, maxBodyBytes, maxDecodedBytes,
        maxRedirects, concurrency, perHostConcurrency, allowPrivateNetworks, "bantin-test/1.0");
  }
}
