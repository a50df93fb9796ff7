package vn.bantin.http;

import vn.bantin.config.SaveResult;

/** What an admin edit of feeds.yml came to: a save attempted, or a refusal before any. */
sealed interface EditOutcome {

  /** ConfigService was asked (or the If-Match precondition failed: {@link SaveResult.Stale}). */
  record Attempted(SaveResult result) implements EditOutcome {}

  /** Refused before saving: the item exists (409) or does not (404). */
  record Refused(int status, String code, String message) implements EditOutcome {}
}
