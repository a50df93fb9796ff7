package vn.bantin.store.pg;

import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import vn.bantin.config.ConfigVersion;
import vn.bantin.config.ConfigVersions;

/**
 * The saved versions of feeds.yml in the shared store (table {@code config_versions}, schema
 * version 3), so that an edit made through any instance is kept once and comes into force on
 * every one. A save inserts the version after the one it was made from, only while that is the
 * newest, and announces it on {@link PgChanges#CONFIG_CHANNEL} in the same transaction, so the
 * others hear of it when, and only if, it commits. A version taken back ({@link #undoAdd}) is
 * withdrawn (schema version 4): it keeps its number, so numbers are never reused, and is
 * otherwise gone. Blocking: {@code ConfigService} calls it from
 * a worker thread, never an event loop.
 */
public final class PgConfigVersions implements ConfigVersions {
  private static final Logger LOG = Logger.getLogger(PgConfigVersions.class.getName());
  /** SQLSTATE unique_violation: another instance inserted the same version number first. */
  private static final String UNIQUE_VIOLATION = "23505";
  /** The longest a call waits for the database. */
  private static final long TIMEOUT_SECONDS = 30;
  private static final String COLUMNS = "version, etag, saved_at, summary";
  /** The versions that are not withdrawn. */
  private static final String KEPT = "config_versions WHERE NOT withdrawn";

  private final Pool pool;
  private final int keep;

  PgConfigVersions(Pool pool, int keep) {
    if (keep < 1) {
      throw new IllegalArgumentException("keep must be at least 1, got " + keep);
    }
    this.pool = pool;
    this.keep = keep;
  }

  @Override
  public boolean shared() {
    return true;
  }

  @Override
  public List<ConfigVersion> versions() {
    return unchecked(pool.preparedQuery("SELECT " + COLUMNS
        + " FROM " + KEPT + " ORDER BY version DESC LIMIT $1").execute(Tuple.of(keep))
        .map(PgConfigVersions::versions));
  }

  @Override
  public Optional<ConfigVersion> newest() {
    return unchecked(pool.query("SELECT " + COLUMNS
        + " FROM " + KEPT + " ORDER BY version DESC LIMIT 1").execute()
        .map(rows -> versions(rows).stream().findFirst()));
  }

  @Override
  public Optional<ConfigVersion> find(int version) {
    return unchecked(pool.preparedQuery("SELECT " + COLUMNS
        + " FROM " + KEPT + " AND version = $1").execute(Tuple.of(version))
        .map(rows -> versions(rows).stream().findFirst()));
  }

  @Override
  public String text(ConfigVersion version) throws IOException {
    RowSet<Row> rows = await(pool.preparedQuery(
        "SELECT yaml FROM " + KEPT + " AND version = $1").execute(
            Tuple.of(version.version())));
    if (rows.size() == 0) {
      throw new IOException("version " + version.version() + " is no longer kept");
    }
    return rows.iterator().next().getString(0);
  }

  @Override
  public ConfigVersion add(int after, String text, Instant savedAt, String summary,
      String actor) throws IOException {
    // Milliseconds, as stored, so that this instance's version equals what the others read.
    Instant saved = Instant.ofEpochMilli(savedAt.toEpochMilli());
    String etag = ConfigVersions.etag(text);
    // Inserted only while `after` is the newest kept version, numbered above every number ever
    // taken, withdrawn ones too. Two instances inserting at once take the same number and queue
    // on the primary key; the second gets a unique violation.
    Future<Integer> inserted = pool.withTransaction(c -> c.preparedQuery(
            "INSERT INTO config_versions (version, yaml, etag, saved_at, summary, actor)"
                + " SELECT COALESCE(MAX(version), 0) + 1, $1, $2, $3, $4, $5"
                + " FROM config_versions"
                + " HAVING COALESCE(MAX(version) FILTER (WHERE NOT withdrawn), 0) = $6"
                + " RETURNING version")
        .execute(Tuple.from(List.of(text, etag, saved.toEpochMilli(), summary, actor, after)))
        .compose(rows -> {
          if (rows.size() == 0) {
            return Future.succeededFuture(0);
          }
          int number = rows.iterator().next().getInteger(0);
          return PgChanges.announceConfig(c, number).map(number);
        }));
    int number;
    try {
      number = await(inserted);
    } catch (IOException e) {
      if (e.getCause() instanceof PgException pg
          && UNIQUE_VIOLATION.equals(pg.getSqlState())) {
        throw conflict(after);
      }
      throw e;
    }
    if (number == 0) {
      throw conflict(after);
    }
    return new ConfigVersion(number, etag, saved, summary);
  }

  @Override
  public void undoAdd(ConfigVersion version) {
    try {
      // The text goes; the number stays taken.
      await(pool.withTransaction(c -> c.preparedQuery(
              "UPDATE config_versions SET withdrawn = TRUE, yaml = '' WHERE version = $1")
          .execute(Tuple.of(version.version()))
          .compose(rows -> PgChanges.announceConfig(c, version.version()))));
    } catch (IOException e) {
      LOG.warning("cannot take back configuration version " + version.version() + ": "
          + e.getMessage());
    }
  }

  @Override
  public void trim() {
    try {
      // Below the oldest of the newest `keep` kept versions; withdrawn numbers above it stay,
      // so the highest number ever taken is never deleted.
      await(pool.preparedQuery("DELETE FROM config_versions WHERE version < (SELECT MIN(version)"
          + " FROM (SELECT version FROM " + KEPT + " ORDER BY version DESC LIMIT $1) newest)")
          .execute(Tuple.of(keep)));
    } catch (IOException e) {
      LOG.warning("cannot trim the configuration versions: " + e.getMessage());
    }
  }

  private static ConfigVersions.Conflict conflict(int after) {
    return new ConfigVersions.Conflict("another instance saved a version after " + after);
  }

  private static List<ConfigVersion> versions(RowSet<Row> rows) {
    List<ConfigVersion> versions = new ArrayList<>();
    for (Row row : rows) {
      versions.add(new ConfigVersion(row.getInteger("version"), row.getString("etag"),
          Instant.ofEpochMilli(row.getLong("saved_at")), row.getString("summary")));
    }
    return versions;
  }

  private static <T> T unchecked(Future<T> future) {
    try {
      return await(future);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits for {@code future}; its failure becomes an IOException whose cause it is. */
  private static <T> T await(Future<T> future) throws IOException {
    try {
      return future.toCompletionStage().toCompletableFuture()
          .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new IOException("the shared store failed: " + e.getCause().getMessage(),
          e.getCause());
    } catch (TimeoutException e) {
      throw new IOException("the shared store did not answer within " + TIMEOUT_SECONDS + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for the shared store", e);
    }
  }
}
