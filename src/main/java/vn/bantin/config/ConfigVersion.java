package vn.bantin.config;

import java.time.Instant;

/**
 * One saved version of feeds.yml.
 *
 * @param version 1, 2, 3 ... in the order saved; never reused
 * @param etag strong ETag of the text: {@code "} + base64url(SHA-256(bytes)) prefix + {@code "}
 * @param savedAt when it was saved (or first seen, for a hand edit)
 * @param summary what changed against the previous version, e.g. {@code "source vov-kinh-te
 *     added; category lai-chau changed"}, or {@code "initial"}
 */
public record ConfigVersion(int version, String etag, Instant savedAt, String summary) {}
