package vn.bantin.refresh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.bantin.model.SourceState;

/** Poll states reach the store after the event loop's turn, together, and every save ends. */
class StateSavesTest {
  private final Vertx vertx = Vertx.vertx();
  private final RefresherTest.FailingStore store = new RefresherTest.FailingStore();
  private final StateSaves saves = new StateSaves(store);

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  /** Saves {@code states} in one task on an event loop; returns the saves and what the store had. */
  private Saved saveInOneTurn(SourceState... states) throws Exception {
    Context loop = vertx.getOrCreateContext();
    CompletableFuture<Saved> done = new CompletableFuture<>();
    loop.runOnContext(v -> {
      List<Future<Void>> futures = java.util.Arrays.stream(states).map(saves::save).toList();
      done.complete(new Saved(futures, List.copyOf(store.saved)));
    });
    return done.get(5, TimeUnit.SECONDS);
  }

  private record Saved(List<Future<Void>> futures, List<SourceState> storedDuringTheTurn) {}

  @Test
  void statesSavedInOneTurnReachTheStoreTogetherAfterIt() throws Exception {
    SourceState vov = SourceState.initial("vov");
    SourceState dcs = SourceState.initial("dcs");

    Saved saved = saveInOneTurn(vov, dcs);
    for (Future<Void> f : saved.futures()) {
      f.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    assertThat(saved.storedDuringTheTurn()).isEmpty();
    assertThat(store.saved).containsExactly(vov, dcs);
  }

  @Test
  void aStoreThatThrowsFailsTheSaveInsteadOfLeavingItOpen() throws Exception {
    store.throwOnSave = true;

    Saved saved = saveInOneTurn(SourceState.initial("vov"));

    assertThatThrownBy(() -> saved.futures().get(0).toCompletionStage().toCompletableFuture()
        .get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class).hasMessageContaining("store closed");
  }

  @Test
  void outsideVertxTheStateGoesToTheStoreAtOnce() {
    SourceState vov = SourceState.initial("vov");

    assertThat(saves.save(vov).succeeded()).isTrue();
    assertThat(store.saved).containsExactly(vov);
  }
}
