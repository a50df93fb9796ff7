package vn.bantin.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinksTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
      absolute kept                | https://vov.vn/a?b=1#c        | https://x.vn/        | https://vov.vn/a?b=1#c
      relative resolved            | ../xa-hoi/tin.html            | https://vov.vn/chinh-tri/bai.html | https://vov.vn/xa-hoi/tin.html
      root-relative resolved       | /tin.html                     | https://vov.vn/a/b/  | https://vov.vn/tin.html
      base without a path          | tin.html                      | https://vov.vn       | https://vov.vn/tin.html
      protocol-relative            | //cdn.vov.vn/a.jpg            | http://vov.vn/       | http://cdn.vov.vn/a.jpg
      padded with whitespace       | '  https://vov.vn/a  '        | NULL                 | https://vov.vn/a
      upper-case scheme            | HTTPS://vov.vn/a              | NULL                 | https://vov.vn/a
      space inside encoded         | https://vov.vn/bài viết.html  | NULL                 | https://vov.vn/bài%20viết.html
      stray percent encoded        | https://vov.vn/100%           | NULL                 | https://vov.vn/100%25
      javascript refused           | javascript:alert(1)           | https://vov.vn/      | NULL
      mailto refused               | mailto:bbt@vov.vn             | https://vov.vn/      | NULL
      ftp refused                  | ftp://vov.vn/a                | NULL                 | NULL
      relative without base        | /tin.html                     | NULL                 | NULL
      relative against non-http    | tin.html                      | file:///etc/         | NULL
      no host                      | http:///tin.html              | NULL                 | NULL
      blank                        | '   '                         | https://vov.vn/      | NULL
      null                         | NULL                          | https://vov.vn/      | NULL
      """)
  void resolvesToAbsoluteHttp(String name, String link, String base, String expected) {
    assertThat(Links.absolute(link, base)).isEqualTo(expected);
  }
}
