package vn.bantin.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.net.HostAndPort;
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
    assertThat(new Requests.BaseUrls("").of(scheme, authority)).isEqualTo(expected);
  }

  @Test
  void theLastBaseUrlIsReusedAndAnotherHostGetsItsOwn() {
    Requests.BaseUrls urls = new Requests.BaseUrls("");
    String first = urls.of("http", HostAndPort.create("tin.example.vn", 8080));
    assertThat(urls.of("http", HostAndPort.create("tin.example.vn", 8080))).isSameAs(first);
    assertThat(urls.of("http", HostAndPort.create("tin.example.vn", 8081)))
        .isEqualTo("http://tin.example.vn:8081");
    assertThat(urls.of("https", HostAndPort.create("tin.example.vn", 8081)))
        .isEqualTo("https://tin.example.vn:8081");
    assertThat(urls.of("https", HostAndPort.create("bao.example.vn", 8081)))
        .isEqualTo("https://bao.example.vn:8081");
    assertThat(urls.of("https", null)).isEqualTo("https://localhost");
  }
}
