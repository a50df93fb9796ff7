package vn.bantin.parse;

import vn.bantin.model.Failure;

/** The body is not a feed we can read; {@link #failure()} says why, with a stable code. */
public final class FeedParseException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient Failure failure;

  public FeedParseException(Failure failure) {
    super(failure.code().id() + ": " + failure.message());
    this.failure = failure;
  }

  public Failure failure() {
    return failure;
  }
}
