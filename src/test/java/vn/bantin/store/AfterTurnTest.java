package vn.bantin.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Writes start after the event loop's turn, together, and every one ends. */
class AfterTurnTest {
  private final Vertx vertx = Vertx.vertx();
  private final List<String> started = new CopyOnWriteArrayList<>();
  private volatile boolean throwing;

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  private Future<Void> write(String name) {
    return AfterTurn.start(() -> {
      if (throwing) {
        throw new IllegalStateException("store closed");
      }
      started.add(name);
      return Future.succeededFuture();
    });
  }

  /** Starts the writes of {@code names} in one task on an event loop. */
  private Started inOneTurn(String... names) throws Exception {
    Context loop = vertx.getOrCreateContext();
    CompletableFuture<Started> done = new CompletableFuture<>();
    loop.runOnContext(v -> {
      List<Future<Void>> futures = Arrays.stream(names).map(this::write).toList();
      done.complete(new Started(futures, List.copyOf(started)));
    });
    return done.get(5, TimeUnit.SECONDS);
  }

  private record Started(List<Future<Void>> futures, List<String> duringTheTurn) {}

  @Test
  void writesOfOneTurnStartTogetherAfterIt() throws Exception {
    Started turn = inOneTurn("vov", "dcs");
    for (Future<Void> f : turn.futures()) {
      f.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    assertThat(turn.duringTheTurn()).isEmpty();
    assertThat(started).containsExactly("vov", "dcs");
  }

  @Test
  void aWriteThatThrowsFailsInsteadOfStayingOpen() throws Exception {
    throwing = true;

    Started turn = inOneTurn("vov");

    assertThatThrownBy(() -> turn.futures().get(0).toCompletionStage().toCompletableFuture()
        .get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class).hasMessageContaining("store closed");
  }

  @Test
  void outsideVertxTheWriteStartsAtOnce() {
    assertThat(write("vov").succeeded()).isTrue();
    assertThat(started).containsExactly("vov");
  }
}
