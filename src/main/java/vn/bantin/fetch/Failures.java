package vn.bantin.fetch;

import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import vn.bantin.model.Failure;
import vn.bantin.model.FailureCode;

/** Classifies what the network threw into a {@link Failure}, once, where it happened. */
final class Failures {

  private Failures() {}

  static Failure of(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      // Timeouts first: Netty's ConnectTimeoutException is also a ConnectException.
      if (t instanceof TimeoutException || t instanceof SocketTimeoutException
          || t.getClass().getSimpleName().contains("Timeout")) {
        return new Failure(FailureCode.TIMEOUT, "timed out: " + describe(t));
      }
      if (t instanceof UnknownHostException) {
        return new Failure(FailureCode.DNS_FAILED, "unknown host: " + describe(t));
      }
      if (t instanceof SSLException) {
        return new Failure(FailureCode.CONNECT_FAILED, "TLS failed: " + describe(t));
      }
      if (t instanceof ConnectException || t instanceof SocketException
          || t instanceof ClosedChannelException
          || t.getClass().getSimpleName().equals("HttpClosedException")) {
        return new Failure(FailureCode.CONNECT_FAILED, "connection failed: " + describe(t));
      }
    }
    return new Failure(FailureCode.INTERNAL, "unexpected: " + describe(error));
  }

  private static String describe(Throwable t) {
    String message = t.getMessage();
    return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
  }
}
