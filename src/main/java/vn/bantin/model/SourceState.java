package vn.bantin.model;

import java.time.Instant;
import java.util.Objects;

/**
 * The polling state of one source, kept by the store across restarts.
 *
 * @param sourceId the configured source id
 * @param url where the source is polled now (differs from feeds.yml after a 301), or {@code null}
 *     to use the configured URL
 * @param etag the upstream's ETag covering the stored entries, or {@code null}
 * @param lastModified the upstream's Last-Modified covering the stored entries, or {@code null}
 * @param nextPoll when it is due next, or {@code null} for now
 * @param failures consecutive failed polls
 * @param lastFetch when it was last polled, or {@code null}
 * @param lastStatus the last HTTP status, or {@code null} when no answer came
 * @param lastError the last failure's message, {@code null} when the last poll succeeded
 * @param errorCode the last failure's code ({@link FailureCode#id()}), {@code null} on success
 * @param gone whether the upstream answered 410 Gone; such a source is no longer polled
 */
public record SourceState(
    String sourceId,
    String url,
    String etag,
    String lastModified,
    Instant nextPoll,
    int failures,
    Instant lastFetch,
    Integer lastStatus,
    String lastError,
    String errorCode,
    boolean gone) {

  /** The state of a source never polled. */
  public static SourceState initial(String sourceId) {
    return new SourceState(sourceId, null, null, null, null, 0, null, null, null, null, false);
  }

  /**
   * Whether {@code next} is this state polled again with nothing new: equal but for when the
   * source was last polled and when it is due next.
   */
  public boolean sameButTimes(SourceState next) {
    return sourceId.equals(next.sourceId)
        && Objects.equals(url, next.url)
        && Objects.equals(etag, next.etag)
        && Objects.equals(lastModified, next.lastModified)
        && failures == next.failures
        && Objects.equals(lastStatus, next.lastStatus)
        && Objects.equals(lastError, next.lastError)
        && Objects.equals(errorCode, next.errorCode)
        && gone == next.gone;
  }
}
