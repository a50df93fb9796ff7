package vn.bantin.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.bantin.config.SourceConfig;
import vn.bantin.model.SourceState;
import vn.bantin.refresh.SourceLeases.Lease;

/** One process's leases: due by the clock, one poll per source at a time, nothing shared. */
class LocalSourceLeasesTest {
  private static final Instant NOW = Instant.parse("2025-03-10T08:00:00Z");
  private static final SourceConfig VOV = source("vov");
  private static final SourceConfig DCS = source("dcs");
  private static final SourceConfig LAICHAU = source("laichau");

  private final LocalSourceLeases leases = new LocalSourceLeases(InstantSource.fixed(NOW));

  @Test
  void dueSourcesAreThoseNeverPolledOrWhoseNextPollHasCome() {
    leases.restore(Map.of("vov", polled("vov", NOW), "dcs", polled("dcs", NOW.plusSeconds(1)),
        "laichau", gone("laichau")));
    assertThat(ids(leases.takeDue(List.of(VOV, DCS, LAICHAU, source("moi"))).result()))
        .containsExactly("vov", "moi");
  }

  @Test
  void aLeasedSourceIsNotTakenAgainUntilReleased() {
    Lease lease = leases.takeDue(List.of(VOV)).result().get(0);
    assertThat(leases.takeDue(List.of(VOV)).result()).isEmpty();
    assertThat(leases.take(VOV).result()).isEmpty();

    leases.release(lease, polled("vov", NOW.plus(Duration.ofMinutes(15))));

    assertThat(leases.takeDue(List.of(VOV)).result()).isEmpty();
    assertThat(leases.state("vov").nextPoll()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
    assertThat(leases.take(VOV).result()).isPresent();
  }

  @Test
  void takeAllLeasesEveryFreeSourceDueOrNotGoneOrNotWithItsState() {
    SourceState later = polled("dcs", NOW.plusSeconds(600));
    leases.restore(Map.of("dcs", later, "laichau", gone("laichau")));
    Lease held = leases.take(VOV).result().orElseThrow();

    List<Lease> taken = leases.takeAll(List.of(VOV, DCS, LAICHAU)).result();

    assertThat(ids(taken)).containsExactly("dcs", "laichau");
    assertThat(taken.get(0).state()).isEqualTo(later);
    assertThat(leases.takeAll(List.of(VOV, DCS, LAICHAU)).result()).isEmpty();
    leases.release(held, null);
    assertThat(ids(leases.takeAll(List.of(VOV, DCS)).result())).containsExactly("vov");
  }

  @Test
  void aResetSourceStartsAfresh() {
    leases.restore(Map.of("vov", polled("vov", NOW.plusSeconds(600))));
    leases.reset(Set.of("vov"));
    assertThat(leases.state("vov")).isEqualTo(SourceState.initial("vov"));
    assertThat(ids(leases.takeDue(List.of(VOV)).result())).containsExactly("vov");
  }

  private static List<String> ids(List<Lease> taken) {
    return taken.stream().map(l -> l.source().id()).toList();
  }

  private static SourceState polled(String id, Instant nextPoll) {
    return new SourceState(id, null, "\"e\"", null, nextPoll, 0, NOW, 200, null, null, false);
  }

  private static SourceState gone(String id) {
    return new SourceState(id, null, null, null, null, 1, NOW, 410, "gone", "gone", true);
  }

  private static SourceConfig source(String id) {
    return new SourceConfig(id, id, "https://tin.example.vn/" + id + ".rss", List.of(),
        Duration.ofMinutes(15), true);
  }
}
