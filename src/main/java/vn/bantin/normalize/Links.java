package vn.bantin.normalize;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Absolute http(s) links from what feeds write (relative, padded, with stray spaces). */
public final class Links {

  private static final String HEX = "0123456789ABCDEF";

  private Links() {}

  /**
   * {@code link} resolved against {@code baseUrl} (RFC 3986 section 5), or {@code null} when the
   * result is not an absolute {@code http} or {@code https} URL with a host. Either argument may
   * be {@code null}. Characters URIs do not allow (spaces, {@code "}, {@code |} ...) are
   * percent-encoded; non-ASCII letters are kept as written. The scheme is lower-cased.
   */
  public static String absolute(String link, String baseUrl) {
    if (link == null || link.isBlank()) {
      return null;
    }
    try {
      URI ref = new URI(escapeIllegal(link.strip()));
      URI resolved = ref;
      if (!ref.isAbsolute()) {
        if (baseUrl == null || baseUrl.isBlank()) {
          return null;
        }
        URI base = new URI(escapeIllegal(baseUrl.strip()));
        if (!base.isAbsolute() || base.isOpaque()) {
          return null;
        }
        // java.net.URI resolves "x" against "http://h" to "http://hx"; RFC 3986 5.2.3 says "/x".
        if (base.getRawPath() == null || base.getRawPath().isEmpty()) {
          base = new URI(base.getScheme(), base.getRawAuthority(), "/", null, null);
        }
        resolved = base.resolve(ref);
      }
      return httpOnly(resolved);
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }

  private static String httpOnly(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String authority = uri.getRawAuthority();
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.isOpaque()
        || authority == null || authority.isEmpty()) {
      return null;
    }
    String text = uri.toString();
    return scheme + text.substring(uri.getScheme().length());
  }

  /** Percent-encodes ASCII that RFC 3986 forbids, and a {@code %} that starts no escape. */
  private static String escapeIllegal(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean badPercent = c == '%' && !(isHex(s, i + 1) && isHex(s, i + 2));
      boolean illegal = c <= 0x20 || c == 0x7F || "\"<>\\^`{|}".indexOf(c) >= 0 || badPercent;
      if (illegal && out == null) {
        out = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      if (out != null) {
        if (illegal) {
          for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
            out.append('%').append(HEX.charAt((b >> 4) & 0xF)).append(HEX.charAt(b & 0xF));
          }
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? s : out.toString();
  }

  private static boolean isHex(String s, int i) {
    return i < s.length() && Character.digit(s.charAt(i), 16) >= 0;
  }
}
