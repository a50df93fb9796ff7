package vn.bantin;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Hostile feed bodies: the fixtures under {@code hostile/} filled in, and generated bombs. */
final class HostileFeeds {

  private HostileFeeds() {}

  /** Test resource {@code hostile/<name>} with its ENTITY_URL or FILE_URL set to {@code url}. */
  static byte[] withUrl(String name, String url) {
    String text = new String(HostileUpstream.read("hostile/" + name), StandardCharsets.UTF_8);
    return text.replace("ENTITY_URL", url).replace("FILE_URL", url)
        .getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The UTF-8 document {@code utf8} re-encoded as UTF-16: little-endian after a byte order mark,
   * or big-endian without one and with the declaration naming UTF-16 (XML 1.0 appendix F).
   */
  static byte[] utf16(byte[] utf8, boolean bom) {
    String text = new String(utf8, StandardCharsets.UTF_8).replace("encoding=\"UTF-8\"",
        "encoding=\"UTF-16\"");
    if (!bom) {
      return text.getBytes(StandardCharsets.UTF_16BE);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0xFF);
    out.write(0xFE);
    out.writeBytes(text.getBytes(StandardCharsets.UTF_16LE));
    return out.toByteArray();
  }

  /**
   * The quadratic blow-up: one 50 KB internal entity referenced 50,000 times, 2.5 GB once
   * expanded from a 300 KB body. No entity-count limit stops it, only refusing the DOCTYPE.
   */
  static byte[] quadraticBlowup() {
    String references = "&big;".repeat(50_000);
    return ("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY big \"" + "x".repeat(50_000)
        + "\">]>\n<rss version=\"2.0\"><channel><title>t</title><link>https://example.vn/</link>"
        + "<description>" + references + "</description></channel></rss>")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** An RSS item whose description nests {@code depth} div elements (5 bytes each). */
  static byte[] deeplyNested(int depth) {
    return ("<rss version=\"2.0\"><channel><title>t</title><link>https://example.vn/</link>"
        + "<description>d</description><item><title>t</title><description>"
        + "<div>".repeat(depth) + "sâu" + "</div>".repeat(depth)
        + "</description></item></channel></rss>").getBytes(StandardCharsets.UTF_8);
  }
}
