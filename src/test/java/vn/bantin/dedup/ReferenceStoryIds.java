package vn.bantin.dedup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * FROZEN REFERENCE: the algorithm of {@code StoryIds} as it was before the allocation-free
 * rewrite (commit 1350cf2), kept unchanged so that {@link DedupEquivalenceTest} can prove the
 * rewrite returns exactly the same outputs (they are stored in databases in use). Do not edit
 * or "improve" it.
 */
/** Mints the public id of a story from its first sighting. */
final class ReferenceStoryIds {

  // RFC 4648 section 6 alphabet, lower-cased so ids read well in URLs and feeds.
  private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
  private static final int ID_BYTES = 10; // 80 bits: 16 base32 characters, no padding

  private ReferenceStoryIds() {}

  /**
   * The id of a story first seen as entry {@code entryKey} of source {@code sourceId}: 16
   * lower-case base32 characters of SHA-256 over both. Deterministic, so every instance (and every
   * restart) that sees the same first sighting mints the same id.
   */
  public static String mint(String sourceId, String entryKey) {
    byte[] digest = sha256(sourceId + '\u0000' + entryKey);
    return base32(digest, ID_BYTES);
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  private static String base32(byte[] bytes, int length) {
    StringBuilder out = new StringBuilder((length * 8 + 4) / 5);
    int buffer = 0;
    int bits = 0;
    for (int i = 0; i < length; i++) {
      buffer = (buffer << 8) | (bytes[i] & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(BASE32[(buffer >>> (bits - 5)) & 31]);
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(BASE32[(buffer << (5 - bits)) & 31]);
    }
    return out.toString();
  }
}
