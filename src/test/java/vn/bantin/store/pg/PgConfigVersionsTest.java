package vn.bantin.store.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.bantin.store.StoreFixture.CLOCK;
import static vn.bantin.store.StoreFixture.NOW;
import static vn.bantin.store.StoreFixture.await;

import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.bantin.config.ConfigVersion;
import vn.bantin.config.ConfigVersions;
import vn.bantin.store.StoreFixture;

/**
 * Versions of feeds.yml in the shared database, between two stores as two instances would have:
 * a save from a version that is no longer the newest conflicts, every store reads the same
 * versions, and a save is announced to every listener.
 */
class PgConfigVersionsTest {
  private static final EmbeddedDatabases DATABASES = EmbeddedDatabases.shared();
  private static final String V1 = "version: 1\n";
  private static final String V2 = "version: 1 # Lai Châu\n";

  private Vertx vertx;
  private PgStore a;
  private PgStore b;

  @BeforeEach
  void twoInstances() throws Exception {
    vertx = StoreFixture.vertx();
    String url = DATABASES.newDatabase();
    a = await(PgStore.open(vertx, url, 1, 2, CLOCK));
    b = await(PgStore.open(vertx, url, 1, 2, CLOCK));
  }

  @AfterEach
  void close() throws Exception {
    await(a.close());
    await(b.close());
    await(vertx.close());
  }

  @Test
  void aSaveFromAVersionThatIsNoLongerTheNewestConflicts() throws Exception {
    ConfigVersions onA = a.configVersions(50);
    ConfigVersions onB = b.configVersions(50);
    assertThat(onA.newest()).isEmpty();

    ConfigVersion first = onA.add(0, V1, NOW, "initial", "file");
    assertThatThrownBy(() -> onB.add(0, V2, NOW, "initial", "file"))
        .isInstanceOf(ConfigVersions.Conflict.class);
    ConfigVersion second = onB.add(1, V2, NOW.plusNanos(1_500_000), "changed", "token:3f9a1c2b");
    assertThatThrownBy(() -> onA.add(1, V1, NOW, "again", "token:3f9a1c2b"))
        .isInstanceOf(ConfigVersions.Conflict.class);

    assertThat(first).isEqualTo(new ConfigVersion(1, ConfigVersions.etag(V1), NOW, "initial"));
    // Kept to the millisecond, so both instances see the same version.
    assertThat(second.savedAt()).isEqualTo(NOW.plusMillis(1));
    assertThat(onA.versions()).containsExactly(second, first);
    assertThat(onA.newest()).contains(second);
    assertThat(onB.find(1)).contains(first);
    assertThat(onA.text(second)).isEqualTo(V2);
  }

  @Test
  void trimKeepsTheNewestAndUndoTakesBackTheNewest() throws Exception {
    ConfigVersions versions = a.configVersions(2);
    for (int i = 1; i <= 4; i++) {
      versions.add(i - 1, "version: 1\n# " + i + "\n", Instant.EPOCH, "v" + i, "file");
    }
    versions.trim();
    assertThat(versions.versions()).extracting(ConfigVersion::version).containsExactly(4, 3);
    assertThat(versions.find(2)).isEmpty();

    versions.undoAdd(versions.newest().orElseThrow());
    assertThat(versions.versions()).extracting(ConfigVersion::version).containsExactly(3);
    assertThat(versions.find(4)).isEmpty();
  }

  @Test
  void aVersionTakenBackKeepsItsNumberTaken() throws Exception {
    ConfigVersions onA = a.configVersions(50);
    ConfigVersions onB = b.configVersions(50);
    onA.add(0, V1, NOW, "initial", "file");
    onA.undoAdd(onA.add(1, V2, NOW, "changed", "token:3f9a1c2b"));

    assertThat(onB.newest()).map(ConfigVersion::version).contains(1);
    // Made from version 1, the newest kept: saved, as version 3.
    ConfigVersion third = onB.add(1, V2, NOW, "changed again", "token:3f9a1c2b");
    assertThat(third.version()).isEqualTo(3);
    assertThat(onA.versions()).extracting(ConfigVersion::version).containsExactly(3, 1);
    assertThat(onA.text(third)).isEqualTo(V2);
    assertThatThrownBy(() -> onA.add(1, V1, NOW, "stale", "token:3f9a1c2b"))
        .isInstanceOf(ConfigVersions.Conflict.class);

    // Trimming to one keeps version 3 and, below it, nothing.
    a.configVersions(1).trim();
    assertThat(onA.versions()).extracting(ConfigVersion::version).containsExactly(3);
    assertThat(onA.add(3, V1, NOW, "fourth", "file").version()).isEqualTo(4);
  }

  @Test
  void aSaveIsAnnouncedToEveryInstance() throws Exception {
    CountDownLatch heard = new CountDownLatch(1);
    b.onConfigSaved(heard::countDown);
    a.configVersions(50).add(0, V1, NOW, "initial", "file");
    assertThat(heard.await(5, TimeUnit.SECONDS)).as("B heard A's save").isTrue();
    assertThat(b.configVersions(50).versions()).extracting(ConfigVersion::version)
        .containsExactly(1);
  }
}
