package vn.bantin.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BandTableTest {

  /**
   * A band many entries share (a feed's boilerplate summary) takes one slot: the bands hashed
   * near it never walk its postings, and its own lookup walks only its postings.
   */
  @Test
  void aBandSharedByManyPostingsTakesOneSlotAndChainsThem() {
    int[] postingBand = new int[3_000];
    BandTable table = new BandTable(64, 0);
    for (int p = 0; p < 1_000; p++) {
      postingBand[p] = 42;
      table.insert(p, postingBand);
    }
    postingBand[1_000] = 7;
    table.insert(1_000, postingBand);

    assertThat(table.used()).isEqualTo(2);
    assertThat(postings(table, 42, postingBand)).hasSize(1_000).startsWith(999, 998)
        .endsWith(1, 0);
    assertThat(postings(table, 7, postingBand)).containsExactly(1_000);
    assertThat(postings(table, 8, postingBand)).isEmpty();
  }

  private static List<Integer> postings(BandTable table, int band, int[] postingBand) {
    List<Integer> found = new ArrayList<>();
    for (int p = table.newest(band, postingBand); p >= 0; p = table.older(p)) {
      found.add(p);
    }
    return found;
  }
}
