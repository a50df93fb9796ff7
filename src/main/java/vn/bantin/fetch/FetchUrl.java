package vn.bantin.fetch;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An absolute http(s) URL taken apart for one request: the host to resolve and send as
 * {@code Host}, the port, and the request target. Pure.
 *
 * @param text the URL as reported in results (without a fragment)
 * @param https whether TLS is used
 * @param host ASCII host name or address literal, without IPv6 brackets, lower case
 * @param port explicit or default port
 * @param target path and query sent on the request line ({@code /} at least)
 */
record FetchUrl(String text, boolean https, String host, int port, String target) {

  /**
   * Parses an absolute URL. Hosts {@link URI} will not take apart (numeric forms like
   * {@code 0x7f.1}, non-ASCII names) are split by hand, so the address guard sees what the
   * resolver will see instead of the URL being dropped or misread.
   *
   * @throws IllegalArgumentException with a message for users when it is not an http(s) URL
   */
  static FetchUrl parse(String url) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("no URL");
    }
    URI uri;
    try {
      uri = new URI(escapeUnsafe(url.trim()));
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a URL: " + e.getReason());
    }
    return of(uri);
  }

  /** Resolves a {@code Location} value against this URL (RFC 9110 §10.2.2, RFC 3986 §5). */
  FetchUrl resolve(String location) {
    URI reference;
    try {
      reference = new URI(escapeUnsafe(location.trim()));
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("Location is not a URL: " + e.getReason());
    }
    URI base = URI.create(text);
    if (reference.isAbsolute() || reference.getRawAuthority() != null
        || !reference.getRawPath().isEmpty()) {
      return of(withoutLeadingDotDots(base.resolve(reference)));
    }
    // RFC 3986 §5.2.2: an empty path keeps the base path ("?page=2"); java.net.URI follows
    // RFC 2396 here and would drop the last segment.
    String query = reference.getRawQuery() != null ? reference.getRawQuery() : base.getRawQuery();
    return of(URI.create(base.getScheme() + "://" + base.getRawAuthority() + base.getRawPath()
        + (query != null ? "?" + query : "")));
  }

  /** RFC 3986 §5.2.4 drops ".." above the root, where java.net.URI keeps it. */
  private static URI withoutLeadingDotDots(URI uri) {
    String path = uri.getRawPath();
    if (path == null || !path.startsWith("/..")) {
      return uri;
    }
    while (path.startsWith("/../")) {
      path = path.substring(3);
    }
    if (path.equals("/..")) {
      path = "/";
    }
    String query = uri.getRawQuery();
    return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + path
        + (query != null ? "?" + query : ""));
  }

  private static FetchUrl of(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("not an http(s) URL: scheme '" + scheme + "'");
    }
    String authority = uri.getRawAuthority();
    if (authority == null || authority.isEmpty()) {
      throw new IllegalArgumentException("no host in URL");
    }
    int at = authority.lastIndexOf('@');
    String hostPort = at >= 0 ? authority.substring(at + 1) : authority;
    String host;
    String portText = null;
    if (hostPort.startsWith("[")) {
      int close = hostPort.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("unclosed IPv6 literal");
      }
      host = hostPort.substring(1, close);
      if (close + 1 < hostPort.length()) {
        if (hostPort.charAt(close + 1) != ':') {
          throw new IllegalArgumentException("bad authority: " + authority);
        }
        portText = hostPort.substring(close + 2);
      }
    } else {
      int colon = hostPort.lastIndexOf(':');
      host = colon >= 0 ? hostPort.substring(0, colon) : hostPort;
      portText = colon >= 0 ? hostPort.substring(colon + 1) : null;
    }
    host = asciiHost(host);
    boolean https = scheme.equals("https");
    int port = parsePort(portText, https ? 443 : 80);
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    String target = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    String shownHost = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    boolean defaultPort = port == (https ? 443 : 80);
    String text = scheme + "://" + shownHost + (defaultPort ? "" : ":" + port) + target;
    return new FetchUrl(text, https, host, port, target);
  }

  private static String asciiHost(String host) {
    if (host.isEmpty()) {
      throw new IllegalArgumentException("no host in URL");
    }
    String ascii = host;
    if (!host.chars().allMatch(c -> c < 0x80)) {
      try {
        ascii = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("bad host name: " + host);
      }
    }
    ascii = ascii.toLowerCase(Locale.ROOT);
    for (int i = 0; i < ascii.length(); i++) {
      char c = ascii.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
          || c == '_' || c == ':' || c == '%';
      if (!ok) {
        throw new IllegalArgumentException("bad host name: " + host);
      }
    }
    return ascii;
  }

  private static int parsePort(String text, int defaultPort) {
    if (text == null || text.isEmpty()) {
      return defaultPort;
    }
    if (text.length() > 5 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("bad port: " + text);
    }
    int port = Integer.parseInt(text);
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("bad port: " + text);
    }
    return port;
  }

  /**
   * Percent-encodes what servers put in URLs although RFC 3986 forbids it (spaces, non-ASCII
   * paths such as Vietnamese slugs) so a real-world Location still parses; the host is left
   * alone for IDN handling.
   */
  private static String escapeUnsafe(String url) {
    StringBuilder out = new StringBuilder(url.length());
    int hostEnd = hostEnd(url);
    for (int i = 0; i < url.length(); ) {
      int cp = url.codePointAt(i);
      int len = Character.charCount(cp);
      if (i >= hostEnd && (cp > 0x7e || cp <= 0x20 || cp == '"' || cp == '<' || cp == '>'
          || cp == '\\' || cp == '^' || cp == '`' || cp == '{' || cp == '|' || cp == '}')) {
        for (byte b : url.substring(i, i + len).getBytes(StandardCharsets.UTF_8)) {
          out.append('%').append(String.format("%02X", b & 0xff));
        }
      } else {
        out.appendCodePoint(cp);
      }
      i += len;
    }
    return out.toString();
  }

  /** Index just past the authority of an absolute URL, or 0 when there is none. */
  private static int hostEnd(String url) {
    int slashes = url.indexOf("//");
    int colon = url.indexOf(':');
    boolean networkPath = slashes == 0; // "//host/path" keeps the scheme of the base
    if (!networkPath && (slashes < 0 || colon < 0 || slashes != colon + 1)) {
      return 0;
    }
    int end = slashes + 2;
    while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
      end++;
    }
    return end;
  }
}
