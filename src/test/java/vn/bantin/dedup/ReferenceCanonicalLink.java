package vn.bantin.dedup;

import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * FROZEN REFERENCE: the algorithm of {@code CanonicalLink} as it was before the allocation-free
 * rewrite (commit 1350cf2), kept unchanged so that {@link DedupEquivalenceTest} can prove the
 * rewrite returns exactly the same outputs (they are stored in databases in use). Do not edit
 * or "improve" it.
 */
/** The form of a link under which two links are the same story (contract, rule 2). */
final class ReferenceCanonicalLink {

  // Removing a parameter that selects content would merge different articles, which is worse
  // than a missed duplicate, so only names known to be click or campaign trackers are listed:
  // Google (utm_*, gclid, _ga), Meta (fbclid, igshid), Microsoft, Yandex, Twitter, TikTok,
  // Mailchimp, Marketo, HubSpot, Matomo/Piwik campaigns, and Zalo (zarsrc), common on Vietnamese
  // news sites. Names are compared in lower case.
  /** Query parameters that only track the reader's path to the article, by exact name. */
  private static final Set<String> TRACKING_PARAMS = Set.of(
      "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid",
      "ttclid", "igshid", "zarsrc", "mc_cid", "mc_eid", "_ga", "_gl", "ref_src", "mkt_tok",
      "_hsenc", "_hsmi", "pk_campaign", "pk_kwd", "pk_source", "pk_medium", "pk_content",
      "mtm_campaign", "mtm_kwd", "mtm_source", "mtm_medium", "mtm_content");
  /** Query parameters that only track, by prefix. */
  private static final List<String> TRACKING_PREFIXES = List.of("utm_");

  private static final String HEX = "0123456789ABCDEF";

  private ReferenceCanonicalLink() {}

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

    String hostPort = authority(authority);
    if (hostPort == null) {
      return null;
    }
    return "//" + hostPort + path(path) + query(query);
  }

  /** Host and port without user info; {@code null} when the authority is unusable. */
  private static String authority(String authority) {
    String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
    String host;
    String port = "";
    if (hostPort.startsWith("[")) { // RFC 3986 section 3.2.2: IP-literal
      int close = hostPort.indexOf(']');
      if (close < 0) {
        return null;
      }
      host = hostPort.substring(0, close + 1).toLowerCase(Locale.ROOT);
      String after = hostPort.substring(close + 1);
      if (!after.isEmpty() && !after.startsWith(":")) {
        return null;
      }
      port = after.isEmpty() ? "" : after.substring(1);
    } else {
      int colon = hostPort.lastIndexOf(':');
      host = colon >= 0 ? hostPort.substring(0, colon) : hostPort;
      port = colon >= 0 ? hostPort.substring(colon + 1) : "";
      host = asciiHost(host);
    }
    if (host == null || host.isEmpty() || !isPort(port)) {
      return null;
    }
    if (host.startsWith("www.") && host.length() > 4) {
      host = host.substring(4);
    }
    // The scheme is ignored, so both schemes' default ports are dropped (RFC 9110 4.2.1, 4.2.2).
    boolean defaultPort = port.isEmpty() || port.equals("80") || port.equals("443");
    return defaultPort ? host : host + ":" + Integer.parseInt(port);
  }

  private static boolean isPort(String port) {
    return port.length() <= 5 && port.chars().allMatch(c -> c >= '0' && c <= '9')
        && (port.isEmpty() || Integer.parseInt(port) <= 65535);
  }

  private static String asciiHost(String host) {
    String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    try {
      return IDN.toASCII(name, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String path(String path) {
    String normalized = normalizeEncoding(path);
    while (normalized.endsWith("/")) {
      normalized = normalized.substring(0, normalized.length() - 1);
    }
    return normalized;
  }

  private static String query(String query) {
    List<String[]> params = new ArrayList<>();
    for (String param : query.split("&")) {
      if (param.isEmpty()) {
        continue;
      }
      int eq = param.indexOf('=');
      String name = normalizeEncoding(eq >= 0 ? param.substring(0, eq) : param);
      String value = eq >= 0 ? "=" + normalizeEncoding(param.substring(eq + 1)) : "";
      if (!isTracking(name)) {
        params.add(new String[] {name, value});
      }
    }
    if (params.isEmpty()) {
      return "";
    }
    params.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
    StringBuilder out = new StringBuilder("?");
    for (String[] param : params) {
      out.append(out.length() > 1 ? "&" : "").append(param[0]).append(param[1]);
    }
    return out.toString();
  }

  private static boolean isTracking(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return TRACKING_PARAMS.contains(lower)
        || TRACKING_PREFIXES.stream().anyMatch(lower::startsWith);
  }

  /**
   * Decodes percent-encoded unreserved characters, upper-cases the hex of the others and encodes
   * what may not appear raw (non-ASCII, spaces, controls), so equivalent spellings agree.
   */
  private static String normalizeEncoding(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '%' && isHex(text, i + 1) && isHex(text, i + 2)) {
        int value = Integer.parseInt(text.substring(i + 1, i + 3), 16);
        if (isUnreserved(value)) {
          out.append((char) value);
        } else {
          appendEncoded(out, value);
        }
        i += 3;
      } else if (c > 0x20 && c < 0x7f && c != '%' && "\"<>\\^`{|}".indexOf(c) < 0) {
        out.append(c);
        i++;
      } else {
        int end = Character.isHighSurrogate(c) && i + 1 < text.length() ? i + 2 : i + 1;
        for (byte b : text.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
          appendEncoded(out, b & 0xff);
        }
        i = end;
      }
    }
    return out.toString();
  }

  private static boolean isHex(String text, int index) {
    return index < text.length() && Character.digit(text.charAt(index), 16) >= 0;
  }

  // RFC 3986 section 2.3: ALPHA / DIGIT / "-" / "." / "_" / "~"
  private static boolean isUnreserved(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '-' || c == '.' || c == '_' || c == '~';
  }

  private static void appendEncoded(StringBuilder out, int b) {
    out.append('%').append(HEX.charAt(b >> 4)).append(HEX.charAt(b & 15));
  }
}
