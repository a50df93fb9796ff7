package vn.bantin.dedup;

import java.util.Locale;

/**
 * The form of a link under which two links are the same story (contract, rule 2). The host and
 * port are {@link LinkHost}'s, the query {@link LinkQuery}'s, and both the path and the query are
 * spelled as {@link PercentEncoding} normalizes them.
 */
public final class CanonicalLink {

  private CanonicalLink() {}

  /**
   * The canonical form of {@code url}: {@code //host[:port]/path?query} with the scheme, {@code
   * www.}, the default ports 80 and 443, the fragment, a trailing slash and tracking parameters
   * removed; the host lower-case ASCII (IDN), the remaining parameters sorted by name then value,
   * and percent-encoding normalized per RFC 3986 section 6.2.2.
   *
   * @return the canonical link, or {@code null} for {@code null}, blank, non-http(s) or
   *     unparseable input
   */
  public static String of(String url) {
    if (url == null) {
      return null;
    }
    String text = url.strip();
    int schemeEnd = text.indexOf("://");
    if (schemeEnd < 0) {
      return null;
    }
    String scheme = text.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return null;
    }
    String rest = text.substring(schemeEnd + 3);
    int hash = rest.indexOf('#');
    if (hash >= 0) {
      rest = rest.substring(0, hash);
    }
    int question = rest.indexOf('?');
    String query = question >= 0 ? rest.substring(question + 1) : "";
    String beforeQuery = question >= 0 ? rest.substring(0, question) : rest;
    int slash = beforeQuery.indexOf('/');
    String authority = slash >= 0 ? beforeQuery.substring(0, slash) : beforeQuery;
    String path = slash >= 0 ? beforeQuery.substring(slash) : "";

    String hostPort = LinkHost.of(authority);
    if (hostPort == null) {
      return null;
    }
    return "//" + hostPort + path(path) + LinkQuery.of(query);
  }

  private static String path(String path) {
    String normalized = PercentEncoding.normalize(path);
    while (normalized.endsWith("/")) {
      normalized = normalized.substring(0, normalized.length() - 1);
    }
    return normalized;
  }
}
