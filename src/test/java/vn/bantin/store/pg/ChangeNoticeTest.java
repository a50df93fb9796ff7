package vn.bantin.store.pg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ChangeNoticeTest {

  @Test
  void categoriesTravelInOrderAndComeBackTheSame() {
    ChangeNotice notice = new ChangeNotice("a1b2c3d4", Set.of("xay-dung-dang", "all", "lai-chau"));

    assertThat(notice.payload()).isEqualTo("a1b2c3d4:all,lai-chau,xay-dung-dang");
    assertThat(ChangeNotice.parse(notice.payload())).isEqualTo(notice);
  }

  @Test
  void tooManyCategoriesForOneNoticeBecomeEveryCategory() {
    Set<String> many = new TreeSet<>();
    // 200 ids of 60 characters: 12 000 characters listed.
    IntStream.range(0, 200).forEach(i -> many.add(
        "chuyen-muc-tin-tuc-cac-tinh-mien-nui-phia-bac-viet-nam-" + (10_000 + i)));

    String payload = new ChangeNotice("a1b2c3d4", many).payload();

    assertThat(payload).isEqualTo("a1b2c3d4:*");
    assertThat(ChangeNotice.parse(payload).isEverything()).isTrue();
  }

  @Test
  void theMostThatFitsIsStillListed() {
    Set<String> many = new TreeSet<>();
    IntStream.range(0, 100).forEach(i -> many.add("chuyen-muc-so-" + i));

    String payload = new ChangeNotice("a1b2c3d4", many).payload();

    assertThat(payload.length()).isLessThan(ChangeNotice.MAX_PAYLOAD);
    assertThat(ChangeNotice.parse(payload).categories()).isEqualTo(many);
  }

  static Stream<Arguments> unreadable() {
    return Stream.of(
        Arguments.of(Named.of("no origin", "all,lai-chau")),
        Arguments.of(Named.of("nothing after the origin", "a1b2c3d4:")),
        Arguments.of(Named.of("an id outside [a-z0-9-]", "a1b2c3d4:all,Lai Châu")),
        Arguments.of(Named.of("an empty id", "a1b2c3d4:all,,lai-chau")),
        Arguments.of(Named.of("null", null)));
  }

  @ParameterizedTest
  @MethodSource("unreadable")
  void anUnreadableNoticeMeansEveryCategory(String payload) {
    assertThat(ChangeNotice.parse(payload).isEverything()).isTrue();
  }
}
