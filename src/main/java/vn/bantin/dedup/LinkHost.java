package vn.bantin.dedup;

import java.net.IDN;
import java.util.Locale;

/**
 * The host and port part of a canonical link: user info dropped, the host lower-case ASCII
 * (IDN) without {@code www.}, the default ports left out.
 */
final class LinkHost {

  private LinkHost() {}

  /** Host and port without user info; {@code null} when the authority is unusable. */
  static String of(String authority) {
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
    if (isPlainAsciiName(name)) {
      // IDN.toASCII returns a name of ASCII letters, digits and hyphens in labels of 1 to 63
      // characters unchanged (RFC 3490 section 4.1: all-ASCII labels skip Nameprep and
      // Punycode); it was a third of this method's time for the common host.
      return name.toLowerCase(Locale.ROOT);
    }
    try {
      return IDN.toASCII(name, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Dot-separated labels of 1 to 63 ASCII letters, digits or hyphens. */
  static boolean isPlainAsciiName(String name) {
    int label = 0;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '.') {
        if (label == 0) {
          return false;
        }
        label = 0;
      } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-') {
        if (++label > 63) {
          return false;
        }
      } else {
        return false;
      }
    }
    return label > 0;
  }
}
