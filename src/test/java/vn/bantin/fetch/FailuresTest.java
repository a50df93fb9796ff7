package vn.bantin.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpClosedException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.bantin.model.FailureCode;

class FailuresTest {

  /** Netty's connect timeout is a ConnectException; it must still count as a timeout. */
  static final class ConnectTimeoutException extends ConnectException {
    ConnectTimeoutException(String message) {
      super(message);
    }
  }

  static Stream<Arguments> errors() {
    return Stream.of(
        Arguments.of(new UnknownHostException("nowhere.invalid"), FailureCode.DNS_FAILED),
        Arguments.of(new RuntimeException(new UnknownHostException("x")), FailureCode.DNS_FAILED),
        Arguments.of(new ConnectException("Connection refused"), FailureCode.CONNECT_FAILED),
        Arguments.of(new NoRouteToHostException("no route"), FailureCode.CONNECT_FAILED),
        Arguments.of(new SSLHandshakeException("bad certificate"), FailureCode.CONNECT_FAILED),
        Arguments.of(new HttpClosedException("Connection was closed"),
            FailureCode.CONNECT_FAILED),
        Arguments.of(new ConnectTimeoutException("connection timed out"), FailureCode.TIMEOUT),
        Arguments.of(new SocketTimeoutException("read timed out"), FailureCode.TIMEOUT),
        Arguments.of(new TimeoutException("pool"), FailureCode.TIMEOUT),
        Arguments.of(new IllegalStateException("bug"), FailureCode.INTERNAL));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void classifiesNetworkErrors(Throwable error, FailureCode expected) {
    assertThat(Failures.of(error).code()).isEqualTo(expected);
  }
}
