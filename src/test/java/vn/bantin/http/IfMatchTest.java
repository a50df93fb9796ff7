package vn.bantin.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IfMatchTest {
  private static final String CURRENT = "\"Xy9_current\"";

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      absent                        | -                     | false | true  | -
      the tag in force              | "Xy9_current"         | true  | true  | "Xy9_current"
      one of a list                 | "old", "Xy9_current"  | true  | true  | "Xy9_current"
      star                          | *                     | true  | true  | -
      an older tag                  | "old"                 | true  | false | "old"
      weak form never matches       | W/"Xy9_current"       | true  | false | W/"Xy9_current"
      unquoted is another tag       | Xy9_current           | true  | false | Xy9_current
      empty header names no version | ''                    | true  | false | ''
      """)
  void matches(String name, String header, boolean present, boolean matches,
      String expected) {
    IfMatch ifMatch = IfMatch.parse(header);
    assertThat(ifMatch.present()).isEqualTo(present);
    assertThat(ifMatch.matches(CURRENT)).isEqualTo(matches);
    if (present) {
      // What ConfigService is asked to compare: it saves only when this is the version in force.
      assertThat(ifMatch.expected(CURRENT)).isEqualTo(expected);
    }
  }
}
