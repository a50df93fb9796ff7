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
 * others hear of it when, and only if, it commits. Blocking: {@code ConfigService} calls it from
 * a worker thread, never an event loop.
 */
public final class PgConfigVersions implements ConfigVersions {
  private static final Logger LOG = Logger.getLogger(PgConfigVersions.class.getName());
  /** SQLSTATE unique_violation: another instance inserted the same version number first. */
  private static final String UNIQUE_VIOLATION = "23505";
  /** The longest a call waits for the database. */
  private static final long TIMEOUT_SECONDS = 30;
  private static final String COLUMNS = "version, etag, saved_at, summary";

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
        + " FROM config_versions ORDER BY version DESC LIMIT $1").execute(Tuple.of(keep))
        .map(PgConfigVersions::versions));
  }

  @Override
  public Optional<ConfigVersion> newest() {
    return unchecked(pool.query("SELECT " + COLUMNS
        + " FROM config_versions ORDER BY version DESC LIMIT 1").execute()
        .map(rows -> versions(rows).stream().findFirst()));
  }

  @Override
  public Optional<ConfigVersion> find(int version) {
    return unchecked(pool.preparedQuery("SELECT " + COLUMNS
        + " FROM config_versions WHERE version = $1").execute(Tuple.of(version))
        .map(rows -> versions(rows).stream().findFirst()));
  }

  @Override
  public String text(ConfigVersion version) throws IOException {
    RowSet<Row> rows = await(pool.preparedQuery(
        "SELECT yaml FROM config_versions WHERE version = $1").execute(
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
    ConfigVersion version = new ConfigVersion(after + 1, ConfigVersions.etag(text),
        Instant.ofEpochMilli(savedAt.toEpochMilli()), summary);
    // Inserted only while `after` is the newest; two instances inserting the same number at
    // once queue on the primary key, and the second gets a unique violation.
    Future<Integer> inserted = pool.withTransaction(c -> c.preparedQuery(
            "INSERT INTO config_versions (version, yaml, etag, saved_at, summary, actor)"
                + " SELECT $1, $2, $3, $4, $5, $6 WHERE (SELECT COALESCE(MAX(version), 0)"
                + " FROM config_versions) = $7")
        .execute(Tuple.from(List.of(version.version(), text, version.etag(),
            version.savedAt().toEpochMilli(), summary, actor, after)))
        .compose(rows -> rows.rowCount() == 0 ? Future.succeededFuture(0)
            : PgChanges.announceConfig(c, version.version()).map(1)));
    try {
      if (await(inserted) == 0) {
        throw conflict(after);
      }
    } catch (IOException e) {
      if (e.getCause() instanceof PgException pg
          && UNIQUE_VIOLATION.equals(pg.getSqlState())) {
        throw conflict(after);
      }
      throw e;
    }
    return version;
  }

  @Override
  public void undoAdd(ConfigVersion version) {
    try {
      await(pool.withTransaction(c -> c.preparedQuery(
              "DELETE FROM config_versions WHERE version = $1")
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
      await(pool.preparedQuery("DELETE FROM config_versions WHERE version <="
          + " (SELECT MAX(version) FROM config_versions) - $1").execute(Tuple.of(keep)));
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
