package vn.bantin.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The writer rests only when readers kept the event loops busy and its own group waited for a
 * core; clocks and loops are simulated, so nothing sleeps.
 */
class ReadersFirstTest {

  private static final long MS = 1_000_000;

  /** Ticks may start anywhere, even below zero, as System.nanoTime's do. */
  private long wall = Long.MIN_VALUE + 1;
  private long writerCpu;
  private long loopsCpu;
  private int loopReads;
  private final List<Long> rests = new ArrayList<>();
  private final ReadersFirst readersFirst = new ReadersFirst(() -> wall, () -> writerCpu,
      () -> {
        loopReads++;
        long used = loopsCpu;
        loopsCpu = 0;
        return used;
      }, nanos -> {
        rests.add(nanos);
        wall += nanos;
      });

  /** One group: {@code tookMs} of wall time, {@code cpuMs} of it on a core. */
  private void group(long tookMs, long cpuMs) {
    readersFirst.awaitTurn();
    wall += tookMs * MS;
    writerCpu += cpuMs * MS;
    readersFirst.groupDone();
  }

  @Test
  void aGroupThatWaitedWhileReadersKeptTheLoopsBusyEarnsFourTimesItsTime() {
    loopsCpu = 60 * MS; // over the first 120 ms: half a core
    group(120, 40);
    group(10, 10);

    assertThat(rests).containsExactly(480 * MS);
    assertThat(readersFirst.restedNanos()).isEqualTo(480 * MS);
  }

  @Test
  void noRestWithoutReaders() {
    loopsCpu = 20 * MS; // a sixth of a core: polls, a few requests
    group(120, 40);
    group(10, 10);

    assertThat(rests).isEmpty();
  }

  @Test
  void noRestWhenTheWriterHadItsCore() {
    loopsCpu = 240 * MS; // two cores' worth of readers, on a machine with cores to spare
    group(120, 100);
    group(10, 10);

    assertThat(rests).isEmpty();
  }

  @Test
  void aRestLastsASecondAtMost() {
    loopsCpu = 2000 * MS;
    group(2000, 100);
    group(10, 10);

    assertThat(rests).containsExactly(1000 * MS);
  }

  @Test
  void onlyWhatIsLeftOfTheRestIsTakenWhenTheNextWriteComesLater() {
    loopsCpu = 60 * MS;
    group(120, 40); // earns 480 ms
    wall += 300 * MS; // the next write is queued 300 ms later
    group(10, 10);
    wall += 1000 * MS;
    group(10, 10);

    assertThat(rests).containsExactly(180 * MS);
    assertThat(readersFirst.restedNanos()).isEqualTo(180 * MS);
  }

  @Test
  void theLoopsAreReadOncePerWindowAndTheirVerdictHoldsUntilTheNext() {
    group(120, 40); // read: idle
    group(20, 5);
    loopsCpu = 100 * MS; // readers arrive
    group(20, 5); // 40 ms into the window: still idle, no new read
    group(70, 10); // the window is over: read again, busy
    group(10, 10);

    assertThat(loopReads).isEqualTo(2);
    assertThat(rests).containsExactly(280 * MS);
  }

  @Test
  void neverRestsWhenTheWriterCannotReadItsCpuTime() {
    ReadersFirst blind = new ReadersFirst(() -> wall, () -> -1, () -> 1000 * MS, rests::add);
    blind.awaitTurn();
    wall += 120 * MS;
    blind.groupDone();
    blind.awaitTurn();

    assertThat(rests).isEmpty();
  }
}
