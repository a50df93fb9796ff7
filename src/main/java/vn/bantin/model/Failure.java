package vn.bantin.model;

import java.util.Objects;

/**
 * Why a poll failed, classified once where it happened.
 *
 * @param code stable code shown in the admin status and used as a metric tag
 * @param message human-readable detail (never a secret)
 */
public record Failure(FailureCode code, String message) {

  public Failure {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }
}
