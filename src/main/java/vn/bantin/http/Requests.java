package vn.bantin.http;

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
    HostAndPort authority = request.authority();
    String host = authority == null ? "localhost" : authority.host();
    if (!SAFE_HOST.matcher(host).matches()) {
      host = "localhost";
    }
    boolean defaultPort = authority == null || authority.port() < 0
        || authority.port() == ("https".equals(request.scheme()) ? 443 : 80);
    return request.scheme() + "://" + host + (defaultPort ? "" : ":" + authority.port());
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

  /** Whether {@code Accept-Encoding} admits gzip (RFC 9110 §12.5.3; {@code q=0} refuses). */
  static boolean acceptsGzip(HttpServerRequest request) {
    return acceptsGzip(request.getHeader("Accept-Encoding"));
  }

  static boolean acceptsGzip(String header) {
    if (header == null) {
      return false;
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
