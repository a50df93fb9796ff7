package vn.bantin.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Rule 3's key in the {@link NearIndex}: each entry's title key is one more posting there, a
 * 64-bit hash of it that no LSH band shares but by chance, so that the title lookup needs no
 * index in the database. A hash may collide: the stored title key decides. Hashed over its UTF-8
 * bytes, as SQLite stores it, so that the store's open reads the bytes without making Strings
 * (0.03 to 0.08 s less per 100,000 entries).
 */
final class TitleBand {

  private TitleBand() {}

  /** The posting of {@code titleKey}. */
  static long of(String titleKey) {
    return of(titleKey.getBytes(StandardCharsets.UTF_8));
  }

  /** The posting of a title key's UTF-8 bytes. */
  static long of(byte[] titleKey) {
    long h = 0xcbf29ce484222325L; // FNV-1a, then mixed apart from the bands' hashes
    for (byte b : titleKey) {
      h = (h ^ (b & 0xff)) * 0x100000001b3L;
    }
    return BandTable.mix(h ^ 0x7469746c654b6579L); // "titleKey"
  }

  /** {@code bands} and, when there is a title key, its posting last. */
  static long[] with(long[] bands, String titleKey) {
    return titleKey == null ? bands : with(bands, of(titleKey));
  }

  /** {@code bands} and, when there is a title key (UTF-8), its posting last. */
  static long[] with(long[] bands, byte[] titleKey) {
    return titleKey == null ? bands : with(bands, of(titleKey));
  }

  private static long[] with(long[] bands, long title) {
    long[] all = Arrays.copyOf(bands, bands.length + 1);
    all[bands.length] = title;
    return all;
  }
}
