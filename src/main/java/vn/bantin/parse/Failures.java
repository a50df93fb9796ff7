package vn.bantin.parse;

import vn.bantin.model.Failure;
import vn.bantin.model.FailureCode;

/** Builds the one exception type this package throws. */
final class Failures {

  private Failures() {}

  static FeedParseException of(FailureCode code, String message) {
    return new FeedParseException(new Failure(code, message));
  }
}
