package vn.bantin.normalize;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * The identity of an item within its source ({@link vn.bantin.model.Entry#key()}), which must
 * come out the same on every re-poll. The publisher's own identifier is the best evidence (RSS
 * 2.0 {@code guid}, Atom {@code id}, JSON Feed {@code id}); without one the article URL is; with
 * neither, only the text is left, so it is hashed after normalization, which makes whitespace,
 * markup and Unicode-form differences between polls irrelevant. The prefix keeps the three
 * spaces apart: a guid that happens to be a URL never equals a link key.
 */
final class EntryKeys {

  private static final int HASH_HEX_CHARS = 32;

  private EntryKeys() {}

  /**
   * @param id the item's identifier as written, or {@code null}
   * @param link the item's absolute http(s) link, or {@code null}
   * @param text the normalized title and summary, asked for only when needed
   */
  static String of(String id, String link, Supplier<String> text) {
    String trimmed = id == null ? "" : Texts.nfc(id.strip());
    if (!trimmed.isEmpty()) {
      return "id:" + trimmed;
    }
    if (link != null) {
      return "link:" + link;
    }
    return "hash:" + sha256Hex(text.get()).substring(0, HASH_HEX_CHARS);
  }

  private static String sha256Hex(String s) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
