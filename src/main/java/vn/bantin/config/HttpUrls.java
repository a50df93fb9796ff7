package vn.bantin.config;

import java.net.URI;
import java.net.URISyntaxException;

/** The one test of "an http(s) URL" that both files share. */
final class HttpUrls {
  private HttpUrls() {}

  /** An absolute {@code http} or {@code https} URI (RFC 3986) with a host. */
  static boolean isHttpUrl(String text) {
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme();
      return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
          && uri.getHost() != null && !uri.getHost().isEmpty();
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
