package vn.bantin.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConditionalTest {
  private static final String ETAG = "\"abc\"";
  private static final Instant MODIFIED = Instant.parse("2026-11-24T08:00:00Z");

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      no conditions                      | -                 | -                             | false
      same etag                          | "abc"             | -                             | true
      weak form of the same etag         | W/"abc"           | -                             | true
      one of a list                      | "x", "abc"        | -                             | true
      star                               | *                 | -                             | true
      spaces and a weak tag in a list    | "x" ,  W/"abc" ,  | -                             | true
      a tag of the same length           | "abd"             | -                             | false
      a tag the etag starts with         | "ab"              | -                             | false
      an empty header                    | ''                | -                             | false
      other etag                         | "xyz"             | -                             | false
      other etag wins over a later date  | "xyz"             | Tue, 24 Nov 2026 09:00:00 GMT | false
      modified since is the same second  | -                 | Tue, 24 Nov 2026 08:00:00 GMT | true
      asked since a later date           | -                 | Tue, 24 Nov 2026 09:00:00 GMT | true
      asked since an earlier date        | -                 | Tue, 24 Nov 2026 07:59:59 GMT | false
      unparseable date                   | -                 | yesterday                     | false
      """)
  void notModified(String name, String ifNoneMatch, String ifModifiedSince, boolean expected) {
    assertThat(Conditional.notModified(ifNoneMatch, ifModifiedSince, ETAG, MODIFIED))
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      absent             | -                    | false
      gzip               | gzip                 | true
      among others       | br, gzip, deflate    | true
      with a weight      | gzip;q=0.5           | true
      refused by q=0     | gzip;q=0             | false
      star               | *                    | true
      identity only      | identity             | false
      x-gzip             | x-gzip               | true
      any case           | GZip                 | true
      with spaces        | ' br ,  gzip , zstd' | true
      a longer coding    | gzipx, deflate       | false
      none of them       | deflate, br          | false
      star after others  | br, *                | true
      empty              | ''                   | false
      """)
  void acceptsGzip(String name, String header, boolean expected) {
    assertThat(Requests.acceptsGzip(header)).isEqualTo(expected);
  }
}
