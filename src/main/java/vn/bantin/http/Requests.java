package vn.bantin.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/** What handlers read off a request: the public base URL, the limit, the accepted encodings. */
final class Requests {
  /** A Host header we are willing to echo into self links (RFC 9110 §7.2 uri-host [":" port]). */
  private static final Pattern SAFE_HOST = Pattern.compile("[A-Za-z0-9.\\-\\[\\]:]{1,255}");
  static final int MAX_LIMIT = 500;

  private Requests() {}

  /** The configured public URL, else {@code scheme://host[:port]} of the request. */
  static String baseUrl(String publicUrl, HttpServerRequest request) {
    if (!publicUrl.isEmpty()) {
      return publicUrl;
    }
    return baseUrl(request.scheme(), request.authority());
  }

  static String baseUrl(String scheme, HostAndPort authority) {
    String host = authority == null ? "localhost" : authority.host();
    if (!SAFE_HOST.matcher(host).matches()) {
      host = "localhost";
    }
    boolean defaultPort = authority == null || authority.port() < 0
        || authority.port() == ("https".equals(scheme) ? 443 : 80);
    return scheme + "://" + host + (defaultPort ? "" : ":" + authority.port());
  }

  /**
   * {@link #baseUrl(String, HttpServerRequest)} remembering its last answer: readers of one
   * server nearly all send the same Host, so most requests skip the router's scheme and
   * authority work (vertx-web computes them through its forwarded-header parser), the check and
   * the string building, and rendering cache keys get the same String instance. Safe on any
   * thread; a miss computes as usual.
   *
   * <p>The cache key is the raw Host header and whether the connection uses TLS: that is all the
   * base URL depends on while the router trusts no forwarding headers (Routes uses the vertx-web
   * default, {@code AllowForwardHeaders.NONE}); trusting them would have to add them to the key.
   */
  static final class BaseUrls {
    private final String publicUrl;
    private volatile Last last;

    BaseUrls(String publicUrl) {
      this.publicUrl = publicUrl;
    }

    String of(HttpServerRequest request) {
      if (!publicUrl.isEmpty()) {
        return publicUrl;
      }
      String host = request.getHeader(HttpHeaders.HOST);
      // The connection's, not request.isSSL(): vertx-web answers that by the same parsing.
      boolean tls = request.connection().isSsl();
      Last l = last;
      if (l != null && host != null && l.tls == tls && host.equals(l.host)) {
        return l.url;
      }
      String url = baseUrl(request.scheme(), request.authority());
      if (host != null) {
        last = new Last(host, tls, url);
      }
      return url;
    }

    private record Last(String host, boolean tls, String url) {}
  }

  /**
   * The {@code limit} query parameter: empty when absent, {@code -1} when present but not a whole
   * number from 1 to 500.
   */
  static OptionalInt limit(HttpServerRequest request) {
    String raw = request.getParam("limit");
    if (raw == null) {
      return OptionalInt.empty();
    }
    try {
      int n = Integer.parseInt(raw);
      return OptionalInt.of(n >= 1 && n <= MAX_LIMIT ? n : -1);
    } catch (NumberFormatException e) {
      return OptionalInt.of(-1);
    }
  }

  /**
   * {@link #limit(HttpServerRequest)} remembering its last answer by the raw query string: the
   * answer depends on nothing else, and readers of a feed nearly all send the same query, so
   * most requests skip decoding the query into a parameter map. Safe on any thread.
   */
  static final class Limits {
    private volatile Last last;

    OptionalInt of(HttpServerRequest request) {
      String query = request.query();
      Last l = last;
      if (l != null && query != null && query.equals(l.query)) {
        return l.limit;
      }
      OptionalInt limit = limit(request);
      if (query != null) {
        last = new Last(query, limit);
      }
      return limit;
    }

    private record Last(String query, OptionalInt limit) {}
  }

  /** Whether {@code Accept-Encoding} admits gzip (RFC 9110 §12.5.3; {@code q=0} refuses). */
  static boolean acceptsGzip(HttpServerRequest request) {
    return acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
  }

  static boolean acceptsGzip(String header) {
    if (header == null) {
      return false;
    }
    if (header.indexOf(';') < 0) {
      return namesGzip(header);
    }
    for (String part : header.split(",")) {
      String[] fields = part.strip().split(";");
      String coding = fields[0].strip();
      if (coding.equalsIgnoreCase("gzip") || coding.equalsIgnoreCase("x-gzip")
          || coding.equals("*")) {
        return !refused(fields);
      }
    }
    return false;
  }

  // The common case, a plain list such as "gzip, deflate, br": no weights, so nothing is refused
  // and the answer is whether a coding is gzip, x-gzip or *; scanned in place, no allocation.
  private static boolean namesGzip(String header) {
    int start = 0;
    while (start <= header.length()) {
      int comma = header.indexOf(',', start);
      int end = comma < 0 ? header.length() : comma;
      int from = start;
      int to = end;
      while (from < to && Character.isWhitespace(header.charAt(from))) {
        from++;
      }
      while (to > from && Character.isWhitespace(header.charAt(to - 1))) {
        to--;
      }
      int length = to - from;
      if (length == 4 && header.regionMatches(true, from, "gzip", 0, 4)
          || length == 6 && header.regionMatches(true, from, "x-gzip", 0, 6)
          || length == 1 && header.charAt(from) == '*') {
        return true;
      }
      start = end + 1;
    }
    return false;
  }

  private static boolean refused(String[] fields) {
    for (int i = 1; i < fields.length; i++) {
      String p = fields[i].strip();
      if (p.startsWith("q=") || p.startsWith("Q=")) {
        try {
          return Double.parseDouble(p.substring(2)) == 0;
        } catch (NumberFormatException e) {
          return false;
        }
      }
    }
    return false;
  }
}
