package vn.bantin.store;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import vn.bantin.dedup.StoryIdentity;
import vn.bantin.dedup.StoryIdentity.Keys;
import vn.bantin.model.Entry;
import vn.bantin.model.Story;

/**
 * Computes the dedup keys of a poll's entries ({@link StoryIdentity#keysOf}) on a thread of its
 * own while the poll waits for the writer, so that the store's one writer thread, which bounds a
 * cycle in which many sources changed, only runs SQL. The fingerprint (jsoup and MinHash, most of
 * the cost) is computed only for the entries the store did not hold when asked (one indexed
 * lookup each on a read connection of its own): a re-polled entry is known by rule 1 and never
 * needs it. With the category rules installed, it also files each such entry as the new story it
 * would start ({@link CategoryMembership#ofNew}): with keyword categories, preparing a story's
 * text costs the writer as much as its SQL. The answer is a hint only: the writer computes any
 * fingerprint still missing, and files a new story again when its rules changed meanwhile.
 *
 * <p>Whoever comes first computes: when the writer reaches a poll whose keys were not started
 * yet, it computes them itself (fingerprints lazily, as without this class) and the keys thread
 * skips them; when they are being computed, the writer waits for them.
 */
final class KeysAhead {

  private final WorkerExecutor thread;
  private final Connection reader;
  /** Whether an entry is stored; used on the keys thread only. */
  private final PreparedStatement stored;

  /**
   * @param thread one thread, on which the keys are computed
   * @param reader a read-only connection for the keys thread alone
   */
  KeysAhead(WorkerExecutor thread, Connection reader) throws SQLException {
    this.thread = thread;
    this.reader = reader;
    this.stored = reader.prepareStatement(
        "SELECT 1 FROM entries WHERE source_id = ? AND entry_key = ?");
  }

  /**
   * Starts computing the keys of {@code entries}, and the categories of those not stored under
   * {@code rules} (none when {@code null}); the writer takes them from the batch.
   */
  Batch start(List<Entry> entries, Function<Story, Set<String>> rules) {
    Batch batch = new Batch(entries, rules);
    thread.executeBlocking(() -> {
      batch.prepare(this);
      return null;
    }, false);
    return batch;
  }

  /** Closes the read connection on the keys thread, after the batches already started. */
  Future<Void> close() {
    return thread.<Void>executeBlocking(() -> {
      try {
        stored.close();
      } finally {
        reader.close();
      }
      return null;
    }, false).eventually(thread::close);
  }

  private boolean isStored(Entry entry) throws SQLException {
    stored.setString(1, entry.sourceId());
    stored.setString(2, entry.key());
    try (ResultSet row = stored.executeQuery()) {
      return row.next();
    }
  }

  /** The keys of one poll's entries, in order. */
  static final class Batch {
    private final List<Entry> entries;
    private final Function<Story, Set<String>> rules;
    private final AtomicBoolean claimed = new AtomicBoolean();
    private final CompletableFuture<List<Keys>> ready = new CompletableFuture<>();
    /** Fingerprints the keys thread computed; read after {@link #keys}, for the tests. */
    private int fingerprinted;
    /** Per entry, its categories as a new story under {@link #rules}, or {@code null}. */
    private List<Set<String>> filed;

    Batch(List<Entry> entries, Function<Story, Set<String>> rules) {
      this.entries = entries;
      this.rules = rules;
    }

    /** The keys of every entry, each fingerprint computed already or when first asked for. */
    List<Keys> keys() {
      if (claimed.compareAndSet(false, true)) {
        return lazily();
      }
      try {
        return ready.join();
      } catch (CompletionException e) {
        return lazily(); // the read failed (e.g. the store is closing): compute as without it
      }
    }

    private void prepare(KeysAhead ahead) {
      if (!claimed.compareAndSet(false, true)) {
        return;
      }
      try {
        boolean[] known = new boolean[entries.size()];
        Jdbc.inTransaction(ahead.reader, false, c -> {
          for (int i = 0; i < known.length; i++) {
            known[i] = ahead.isStored(entries.get(i));
          }
          return null;
        });
        List<Keys> keys = new ArrayList<>(entries.size());
        List<Set<String>> categories = new ArrayList<>(entries.size());
        for (int i = 0; i < known.length; i++) {
          Entry entry = entries.get(i);
          Keys k = StoryIdentity.keysOf(entry);
          Set<String> asNew = null;
          if (!known[i]) {
            k.fingerprint();
            fingerprinted++;
            if (rules != null) {
              asNew = CategoryMembership.ofNew(k.newStoryId(), entry, rules);
            }
          }
          keys.add(k);
          categories.add(asNew);
        }
        filed = categories;
        ready.complete(keys);
      } catch (SQLException | RuntimeException | Error e) {
        ready.completeExceptionally(e);
      }
    }

    /**
     * The categories of entry {@code i} as a new story under {@code rules}, filed ahead; {@code
     * null} when the keys thread did not (the entry was stored, the writer came first, or the
     * rules are not those it filed by). Call after {@link #keys}.
     */
    Set<String> filedAhead(int i, Function<Story, Set<String>> rules) {
      return filed != null && rules == this.rules ? filed.get(i) : null;
    }

    int fingerprintedAhead() {
      return fingerprinted;
    }

    private List<Keys> lazily() {
      List<Keys> keys = new ArrayList<>(entries.size());
      for (Entry entry : entries) {
        keys.add(StoryIdentity.keysOf(entry));
      }
      return keys;
    }
  }
}
