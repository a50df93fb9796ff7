package vn.bantin.dedup;

import java.util.Arrays;

/**
 * MinHash over hashed shingles: the signature whose share of equal positions estimates the
 * Jaccard similarity of two sets, its LSH band hashes, and its stored byte form. The seeds and
 * the mixing function are fixed: stored signatures and bands depend on them.
 */
final class MinHash {
  /** Hash functions in a signature. */
  static final int SIZE = 64;

  private static final long[] SEEDS = seeds();

  private MinHash() {}

  /** The signature of the first {@code count} shingles: per seed, the least mixed hash. */
  static int[] signature(long[] shingles, int count) {
    int[] signature = new int[SIZE];
    Arrays.fill(signature, Integer.MAX_VALUE);
    long[] seeds = SEEDS;
    for (int s = 0; s < count; s++) {
      long shingle = shingles[s];
      // Branch-free, so that C2 can compute several positions per instruction (SIMD): the same
      // values as a compare-and-store, Fingerprint.of 1.15x (BENCHMARKS.md, sixth round).
      for (int i = 0; i < SIZE; i++) {
        signature[i] = Math.min(signature[i], (int) mix(shingle ^ seeds[i]));
      }
    }
    return signature;
  }

  /** {@code bands} hashes of {@link #SIZE} / bands rows each, the band's index mixed in. */
  static long[] bands(int[] signature, int bands) {
    int rows = SIZE / bands;
    long[] hashes = new long[bands];
    for (int b = 0; b < bands; b++) {
      long h = mix(b + 1);
      for (int r = 0; r < rows; r++) {
        h = mix(h ^ (signature[b * rows + r] & 0xffffffffL));
      }
      hashes[b] = h;
    }
    return hashes;
  }

  /** The share of positions where the two signatures agree, 0 to 1. */
  static double similarity(int[] a, int[] b) {
    int equal = 0;
    for (int i = 0; i < SIZE; i++) {
      if (a[i] == b[i]) {
        equal++;
      }
    }
    return equal / (double) SIZE;
  }

  /**
   * The low four bits of each value, sixteen to a long: where two sketches agree at fewer
   * positions than a share of {@link #SIZE}, the signatures agree at fewer too. The low bits,
   * because a least hash's high bits lean towards the least value.
   */
  static long[] sketch(int[] signature) {
    long[] sketch = new long[SIZE / 16];
    for (int i = 0; i < SIZE; i++) {
      sketch[i >>> 4] |= (signature[i] & 0xfL) << ((i & 15) << 2);
    }
    return sketch;
  }

  /** Positions where {@code sketch} and the sketch at {@code stored[from]} agree. */
  static int sketchAgreement(long[] stored, int from, long[] sketch) {
    int differing = 0;
    for (int i = 0; i < sketch.length; i++) {
      long x = stored[from + i] ^ sketch[i];
      differing += Long.bitCount((x | x >>> 1 | x >>> 2 | x >>> 3) & 0x1111_1111_1111_1111L);
    }
    return SIZE - differing;
  }

  /** The signature as big-endian bytes, as ByteBuffer wrote it in the first version. */
  static byte[] toBytes(int[] signature) {
    byte[] bytes = new byte[SIZE * Integer.BYTES];
    for (int i = 0, b = 0; i < SIZE; i++, b += 4) {
      int v = signature[i];
      bytes[b] = (byte) (v >>> 24);
      bytes[b + 1] = (byte) (v >>> 16);
      bytes[b + 2] = (byte) (v >>> 8);
      bytes[b + 3] = (byte) v;
    }
    return bytes;
  }

  /** The signature of stored bytes, or {@code null} when they are missing or not a signature. */
  static int[] fromBytes(byte[] bytes) {
    if (bytes == null || bytes.length != SIZE * Integer.BYTES) {
      return null;
    }
    int[] signature = new int[SIZE];
    for (int i = 0, b = 0; i < SIZE; i++, b += 4) { // big-endian
      signature[i] = (bytes[b] & 0xff) << 24 | (bytes[b + 1] & 0xff) << 16
          | (bytes[b + 2] & 0xff) << 8 | (bytes[b + 3] & 0xff);
    }
    return signature;
  }

  /** SplitMix64's finalizer: a cheap, well-mixed 64-bit permutation. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  private static long[] seeds() {
    long[] seeds = new long[SIZE];
    long s = 0x6261_6e74_696eL; // "bantin"
    for (int i = 0; i < SIZE; i++) {
      s += 0x9e3779b97f4a7c15L;
      seeds[i] = mix(s);
    }
    return seeds;
  }
}
