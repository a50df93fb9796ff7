package vn.bantin.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      no Host                  | http  | -                 | -1   | http://localhost
      host only                | http  | tin.example.vn    | -1   | http://tin.example.vn
      default port dropped     | http  | tin.example.vn    | 80   | http://tin.example.vn
      https default port       | https | tin.example.vn    | 443  | https://tin.example.vn
      other port kept          | http  | 127.0.0.1         | 8080 | http://127.0.0.1:8080
      unsafe host replaced     | http  | evil"><script>    | -1   | http://localhost
      """)
  void baseUrlComesFromSchemeAndHost(String name, String scheme, String host, int port,
      String expected) {
    HostAndPort authority = host == null ? null : HostAndPort.create(host, port);
    assertThat(Requests.baseUrl(scheme, authority)).isEqualTo(expected);
  }

  @Test
  void baseUrlsFollowTheHostAndTlsOfEachRequest() {
    Requests.BaseUrls urls = new Requests.BaseUrls("");
    String first = urls.of(request("tin.example.vn:8080", false));
    assertThat(first).isEqualTo("http://tin.example.vn:8080");
    assertThat(urls.of(request("tin.example.vn:8080", false))).isSameAs(first);
    assertThat(urls.of(request("tin.example.vn:8081", false)))
        .isEqualTo("http://tin.example.vn:8081");
    assertThat(urls.of(request("tin.example.vn:8081", true)))
        .isEqualTo("https://tin.example.vn:8081");
    assertThat(urls.of(request(null, true))).isEqualTo("https://localhost");
    assertThat(urls.of(request("tin.example.vn:8081", true)))
        .isEqualTo("https://tin.example.vn:8081");
  }

  @Test
  void aPublicUrlWinsOverTheHost() {
    assertThat(new Requests.BaseUrls("https://tin.example.vn").of(request("x.vn", false)))
        .isEqualTo("https://tin.example.vn");
  }

  @Test
  void limitsFollowTheQueryOfEachRequestAndDecodeARepeatedOneOnce() {
    Requests.Limits limits = new Requests.Limits();
    AtomicInteger decoded = new AtomicInteger();
    assertThat(limits.of(query("limit=100", decoded))).hasValue(100);
    assertThat(limits.of(query("limit=100", decoded))).hasValue(100);
    assertThat(decoded).as("the same query again is not decoded again").hasValue(1);
    assertThat(limits.of(query("limit=5", decoded))).hasValue(5);
    assertThat(limits.of(query("limit=0", decoded))).hasValue(-1);
    assertThat(limits.of(query("limit=abc", decoded))).hasValue(-1);
    assertThat(limits.of(query(null, decoded))).isEmpty();
    assertThat(limits.of(query("other=1", decoded))).isEmpty();
    assertThat(limits.of(query("limit=100", decoded))).hasValue(100);
    assertThat(decoded).hasValue(7);
  }

  /** A request with {@code query}; its {@code limit} parameter read from it, counted. */
  private static HttpServerRequest query(String query, AtomicInteger decoded) {
    InvocationHandler answer = (proxy, method, args) -> switch (method.getName()) {
      case "query" -> query;
      case "getParam" -> {
        decoded.incrementAndGet();
        yield query == null || !query.startsWith(args[0] + "=") ? null
            : query.substring(((String) args[0]).length() + 1);
      }
      default -> throw new UnsupportedOperationException(method.getName());
    };
    return (HttpServerRequest) Proxy.newProxyInstance(RequestsTest.class.getClassLoader(),
        new Class<?>[] {HttpServerRequest.class}, answer);
  }

  private static HttpConnection connection(boolean tls) {
    InvocationHandler answer = (proxy, method, args) -> switch (method.getName()) {
      case "isSsl" -> tls;
      default -> throw new UnsupportedOperationException(method.getName());
    };
    return (HttpConnection) Proxy.newProxyInstance(RequestsTest.class.getClassLoader(),
        new Class<?>[] {HttpConnection.class}, answer);
  }

  /** A request carrying only what a base URL is made of: its Host header and TLS. */
  private static HttpServerRequest request(String host, boolean tls) {
    InvocationHandler answer = (proxy, method, args) -> switch (method.getName()) {
      case "getHeader" -> "host".contentEquals(((CharSequence) args[0]).toString().toLowerCase())
          ? host : null;
      case "connection" -> connection(tls);
      case "scheme" -> tls ? "https" : "http";
      case "authority" -> host == null ? null : HostAndPort.parseAuthority(host, -1);
      default -> throw new UnsupportedOperationException(method.getName());
    };
    return (HttpServerRequest) Proxy.newProxyInstance(RequestsTest.class.getClassLoader(),
        new Class<?>[] {HttpServerRequest.class}, answer);
  }
}
