package vn.bantin.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IfMatchTest {
  private static final String CURRENT = "\"Xy9_current\"";

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      absent                        | -                            | false | true
      the tag in force              | "Xy9_current"                | true  | true
      one of a list                 | "old", "Xy9_current"         | true  | true
      star                          | *                            | true  | true
      an older tag                  | "old"                        | true  | false
      weak form never matches       | W/"Xy9_current"              | true  | false
      unquoted is another tag       | Xy9_current                  | true  | false
      empty header names no version | ''                           | true  | false
      """)
  void matches(String name, String header, boolean present, boolean matches) {
    IfMatch ifMatch = IfMatch.parse(header);
    assertThat(ifMatch.present()).isEqualTo(present);
    assertThat(ifMatch.matches(CURRENT)).isEqualTo(matches);
  }
}
