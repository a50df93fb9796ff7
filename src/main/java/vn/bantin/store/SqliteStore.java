package vn.bantin.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import vn.bantin.config.SourceConfig;
import vn.bantin.model.Entry;
import vn.bantin.model.SourceState;
import vn.bantin.model.Story;
import vn.bantin.threads.BackgroundPriority;

/**
 * The {@link Store} of one machine: an embedded SQLite database, {@code bantin.db} in the data
 * directory, in WAL mode so that readers never wait for the writer. SQLite allows one writer at a
 * time, so every write runs on one connection on the single thread of the {@code
 * bantin-store-write} worker pool, in submission order, the writes queued together committed in
 * one transaction ({@link GroupCommit}); reads share a small pool of read-only connections on the
 * {@code bantin-store-read} pool; the WAL is copied into the database on a {@code
 * bantin-store-checkpoint} thread ({@link Checkpoints}). No JDBC call ever runs on an event loop.
 * The near-duplicate bands of the stored entries are kept in memory ({@link NearIndex}), read
 * from the stored signatures when the store opens. A poll state whose only news is its times is
 * written a few seconds late, with the others held back meanwhile ({@link PollTimes}).
 */
public final class SqliteStore implements Store {

  /** The database file inside the data directory. */
  public static final String DATABASE_FILE = "bantin.db";
  /** How long a poll state whose only news is its times may wait to be written. */
  static final Duration POLL_TIMES_DELAY = Duration.ofSeconds(5);

  private final WorkerExecutor writer;
  private final ReadPool readers;
  private final Connection writeConnection;
  private final GroupCommit writes;
  private final ReadersFirst readersFirst = ReadersFirst.ofThisJvm();
  private final Checkpoints checkpoints;
  private final KeysAhead keys;
  /** The writer's compiled statements; only the writer thread uses them. */
  private final StatementCache statements;
  /** The stored entries' bands; only the writer thread uses it. */
  private final NearIndex near;
  private final InstantSource clock;
  private final PollTimes pollTimes;
  private volatile Future<Void> closing;
  /** The category rules; written on the writer thread, read by each ingest as it starts. */
  private volatile Function<Story, Set<String>> categories;

  private SqliteStore(Vertx vertx, WorkerExecutor writer, ReadPool readers,
      Connection writeConnection, NearIndex near, KeysAhead keys, Checkpoints checkpoints,
      InstantSource clock, Duration pollTimesDelay) {
    this.writer = writer;
    this.checkpoints = checkpoints;
    this.keys = keys;
    this.readers = readers;
    this.writeConnection = writeConnection;
    this.statements = new StatementCache(writeConnection);
    this.near = near;
    this.writes = new GroupCommit(writer, statements, near, GroupCommit.MAX_GROUP_WEIGHT,
        checkpoints::committed, readersFirst);
    this.clock = clock;
    this.pollTimes = new PollTimes(vertx, pollTimesDelay, work -> write(1, work), statements,
        clock);
  }

  /**
   * Opens (creating if needed) {@code dataDir/bantin.db} and brings its schema up to date.
   *
   * @param readPoolSize how many read connections and read threads, at least 1
   * @param clock the time stamped on stories and source states
   * @return the store, on the caller's context; failed when the directory or database cannot
   *     be opened or migrated
   */
  public static Future<SqliteStore> open(Vertx vertx, Path dataDir, int readPoolSize,
      InstantSource clock) {
    return open(vertx, dataDir, readPoolSize, clock, POLL_TIMES_DELAY);
  }

  /** {@link #open}, holding back poll times for {@code pollTimesDelay}; for tests. */
  static Future<SqliteStore> open(Vertx vertx, Path dataDir, int readPoolSize,
      InstantSource clock, Duration pollTimesDelay) {
    if (readPoolSize < 1) {
      return Future.failedFuture(new IllegalArgumentException("readPoolSize < 1"));
    }
    // Writing, keys and checkpoints are ingest work and run lowered; the readers serve feeds.
    WorkerExecutor writer =
        BackgroundPriority.lowered(vertx.createSharedWorkerExecutor("bantin-store-write", 1));
    WorkerExecutor readers = vertx.createSharedWorkerExecutor("bantin-store-read", readPoolSize);
    WorkerExecutor keysThread =
        BackgroundPriority.lowered(vertx.createSharedWorkerExecutor("bantin-store-keys", 1));
    WorkerExecutor checkpointThread = BackgroundPriority.lowered(
        vertx.createSharedWorkerExecutor("bantin-store-checkpoint", 1));
    Future<SqliteStore> opened = writer.executeBlocking(() -> {
      Files.createDirectories(dataDir);
      Path file = dataDir.resolve(DATABASE_FILE);
      List<Connection> connections = new ArrayList<>();
      try {
        Connection write = Connections.writer(file);
        connections.add(write);
        Migrations.apply(write, clock);
        NearIndex near = NearIndexLoad.read(write);
        for (int i = 0; i <= readPoolSize; i++) { // the last one is the keys thread's
          connections.add(Connections.reader(file));
        }
        KeysAhead keys = new KeysAhead(keysThread, connections.get(readPoolSize + 1));
        Connection checkpointer = Connections.checkpointer(file);
        connections.add(checkpointer);
        return new SqliteStore(vertx, writer,
            new ReadPool(readers, connections.subList(1, readPoolSize + 1)), write, near, keys,
            new Checkpoints(checkpointThread, checkpointer, Checkpoints.WEIGHT_PER_CHECKPOINT),
            clock, pollTimesDelay);
      } catch (SQLException | RuntimeException e) {
        for (Connection connection : connections) {
          connection.close();
        }
        throw e;
      }
    }, false);
    return opened.onFailure(e -> {
      writer.close();
      readers.close();
      keysThread.close();
      checkpointThread.close();
    });
  }

  @Override
  public Future<Void> syncSources(List<SourceConfig> sources) {
    List<SourceConfig> copy = List.copyOf(sources);
    return write(1, c -> {
      SourceStateDao.sync(c, copy);
      return null;
    });
  }

  @Override
  public Future<Map<String, SourceState>> sourceStates() {
    return read(SourceStateDao::all).map(pollTimes::over);
  }

  @Override
  public Future<IngestResult> ingest(SourceState state, List<Entry> entries) {
    List<Entry> copy = List.copyOf(entries);
    if (closing != null) {
      return Future.failedFuture(new IllegalStateException("store closed"));
    }
    KeysAhead.Batch batch = keys.start(copy, categories);
    return write(copy.size() + 1, c -> StoryWriter.ingest(statements, near, state, copy,
        batch, clock.instant(), categories))
        .andThen(done -> wroteWhole(done.succeeded(), state));
  }

  /**
   * {@inheritDoc} A state whose only news against the last one written of its source is its
   * times (a 304 after a 304) is held back and written within {@link #POLL_TIMES_DELAY} with
   * the others held meanwhile, or when the store closes; {@link #sourceStates} includes it at
   * once. A crash loses such times only: the source is then polled once more, sooner. Other
   * states are written once the caller's event-loop turn is over, together with the others that
   * turn ended ({@link AfterTurn}).
   */
  @Override
  public Future<Void> savePollState(SourceState state) {
    if (closing == null && pollTimes.hold(state)) {
      return Future.succeededFuture();
    }
    return AfterTurn.start(() -> this.<Void>write(1, c -> {
      SourceStateDao.save(statements, state, false, clock.instant());
      return null;
    }).andThen(done -> wroteWhole(done.succeeded(), state)));
  }

  private void wroteWhole(boolean written, SourceState state) {
    if (written) {
      pollTimes.written(state);
    }
  }

  @Override
  public Future<Boolean> categorize(String version, Function<Story, Set<String>> rules) {
    return write(1, c -> {
      categories = rules;
      return CategoryMembership.rebuild(c, version, rules);
    });
  }

  @Override
  public Future<List<Story>> stories(String categoryId, int limit, Instant since) {
    if (limit < 0) {
      return Future.failedFuture(new IllegalArgumentException("limit < 0"));
    }
    return read(c -> StoryReader.inCategory(c, categoryId, limit, since));
  }

  @Override
  public Future<Map<String, Long>> entryCounts() {
    return read(SourceStateDao::entryCounts);
  }

  @Override
  public Future<Integer> prune(Instant cutoff) {
    return write(1, c -> Retention.prune(statements, near, cutoff));
  }

  /** Seconds the writer has rested so far so that readers came first ({@link ReadersFirst}). */
  public double writerRestSeconds() {
    return readersFirst.restedNanos() / 1e9;
  }

  /** Runs after every write submitted before it; later calls fail with IllegalStateException. */
  @Override
  public synchronized Future<Void> close() {
    if (closing == null) {
      pollTimes.writeHeld();
      // The write pool is one FIFO thread, so this runs after every write already queued.
      Future<Void> written = writer.executeBlocking(() -> {
        try {
          writes.drain();
          statements.close();
        } finally {
          writeConnection.close();
        }
        return null;
      }, false);
      // One connection of the file closes at a time: SQLite 3.51.0 and 3.51.1 deadlock when two
      // connections of one WAL file close at once, the last holding a read lock on it taking
      // the VFS's global mutex after its file's, and the other the reverse; every open in the
      // process then waits forever (fixed in 3.51.2, "an obscure deadlock in the new
      // broken-posix-lock detection logic"). The library is past it; closing in turn keeps a
      // store's close out of any such race between its own connections.
      Future<Void> others = written.eventually(checkpoints::close).eventually(readers::close)
          .eventually(keys::close);
      closing = Future.join(written, others).transform(done -> writer.close().transform(
          ignored -> done.succeeded()
              ? Future.<Void>succeededFuture() : Future.<Void>failedFuture(done.cause())));
    }
    return closing;
  }

  /** How many entries the near-duplicate index holds; for tests. */
  Future<Integer> nearIndexSize() {
    return write(1, c -> near.size());
  }

  /** @param weight the entries written, what counts against a {@link GroupCommit} group */
  private <T> Future<T> write(int weight, Jdbc.Work<T> work) {
    if (closing != null) {
      return Future.failedFuture(new IllegalStateException("store closed"));
    }
    return writes.submit(weight, work);
  }

  private <T> Future<T> read(Jdbc.Work<T> work) {
    if (closing != null) {
      return Future.failedFuture(new IllegalStateException("store closed"));
    }
    return readers.read(work);
  }
}
