package vn.bantin.dedup;

/**
 * Public entry points to the frozen Reference* copies of the first dedup code, for
 * DedupKeysBenchmark's "before" side (src/bench/java compiles with the test sources under
 * -Pbench). Each returns what the store would write, so the benchmark's work is not dead code.
 */
public final class ReferenceDedup {
  private ReferenceDedup() {}

  public static Object fingerprintOf(String title, String summary) {
    return ReferenceFingerprint.of(title, summary);
  }

  /** Signature bytes, marks and bands of a fingerprint made by {@link #fingerprintOf}. */
  public static Object stored(Object fingerprint) {
    ReferenceFingerprint f = (ReferenceFingerprint) fingerprint;
    return new Object[] {f.signatureBytes(), f.marks(), f.bands()};
  }

  public static Object restore(byte[] signature, String marks) {
    return ReferenceFingerprint.restore(signature, marks);
  }

  /** Rule 4's comparison: similarity at least the threshold and no contradiction. */
  public static boolean near(Object a, Object b) {
    ReferenceFingerprint fa = (ReferenceFingerprint) a;
    ReferenceFingerprint fb = (ReferenceFingerprint) b;
    return fa.similarity(fb) >= StoryIdentity.NEAR_THRESHOLD && !fa.contradicts(fb);
  }

  public static String titleKey(String title) {
    return ReferenceTitleKey.of(title);
  }

  public static String canonicalLink(String link) {
    return ReferenceCanonicalLink.of(link);
  }

  public static String stripBylines(String text) {
    return ReferenceBylines.strip(text);
  }

  public static String mintStoryId(String sourceId, String entryKey) {
    return ReferenceStoryIds.mint(sourceId, entryKey);
  }
}
