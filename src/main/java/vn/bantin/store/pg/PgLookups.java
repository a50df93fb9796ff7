package vn.bantin.store.pg;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import vn.bantin.dedup.Fingerprint;
import vn.bantin.dedup.StoryIdentity;
import vn.bantin.dedup.StoryIdentity.Candidate;
import vn.bantin.dedup.StoryIdentity.Keys;
import vn.bantin.model.Entry;

/**
 * The answers to every indexed lookup {@link StoryIdentity#match} may ask about one entry,
 * fetched together (pipelined on the transaction's connection) before it decides, since the
 * reactive client cannot answer a synchronous question. {@link StoryIdentity} then applies its
 * rules to them unchanged, so both stores share one rule.
 */
final class PgLookups implements StoryIdentity.Lookup<RuntimeException> {
  /** Entries compared at most per incoming entry: a bound on the work whatever the data. */
  private static final int MAX_NEAR_CANDIDATES = 50;

  private final Entry entry;
  private final Keys keys;
  private final String byKey;
  private final String byLink;
  private final String byTitle;
  private final List<Candidate> near;

  private PgLookups(Entry entry, Keys keys, String byKey, String byLink, String byTitle,
      List<Candidate> near) {
    this.entry = entry;
    this.keys = keys;
    this.byKey = byKey;
    this.byLink = byLink;
    this.byTitle = byTitle;
    this.near = near;
  }

  /**
   * Runs the lookups of {@code entry} in the transaction open on {@code c}.
   *
   * @param keys {@link StoryIdentity#keysOf} the entry, its fingerprint already computed
   */
  static Future<PgLookups> fetch(SqlConnection c, Entry entry, Keys keys) {
    Instant published = entry.published();
    Future<String> byKey = first(c.preparedQuery("SELECT story_id FROM entries"
        + " WHERE source_id = $1 AND entry_key = $2")
        .execute(Tuple.of(entry.sourceId(), entry.key())));
    // The earliest sighting decides when several stored stories match.
    Future<String> byLink = keys.canonicalLink() == null ? Future.succeededFuture()
        : first(c.preparedQuery("SELECT story_id FROM entries WHERE canonical_link = $1"
            + " ORDER BY fetched_at, seq LIMIT 1").execute(Tuple.of(keys.canonicalLink())));
    Future<String> byTitle = keys.titleKey() == null ? Future.succeededFuture()
        : first(c.preparedQuery("SELECT story_id FROM entries WHERE title_key = $1"
            + " AND published BETWEEN $2 AND $3 ORDER BY fetched_at, seq LIMIT 1")
            .execute(Tuple.of(keys.titleKey(),
                published.minus(StoryIdentity.TITLE_WINDOW).toEpochMilli(),
                published.plus(StoryIdentity.TITLE_WINDOW).toEpochMilli())));
    Future<List<Candidate>> near = keys.fingerprint().isEmpty()
        ? Future.succeededFuture(List.of())
        : nearCandidates(c, keys.fingerprint().bands(),
            published.minus(StoryIdentity.NEAR_WINDOW), published.plus(StoryIdentity.NEAR_WINDOW));
    return Future.all(byKey, byLink, byTitle, near).map(v -> new PgLookups(entry, keys,
        byKey.result(), byLink.result(), byTitle.result(), near.result()));
  }

  /**
   * Entries sharing a band within the dates, earliest sighting first: the GIN index on their
   * {@link BandKeys}, the dates checked on the rows it finds.
   */
  private static Future<List<Candidate>> nearCandidates(SqlConnection c, long[] bands,
      Instant from, Instant to) {
    return c.preparedQuery("SELECT story_id, signature, marks FROM entries"
            + " WHERE bands && $1::bigint[] AND published BETWEEN $2 AND $3"
            + " ORDER BY fetched_at, seq LIMIT " + MAX_NEAR_CANDIDATES)
        .execute(Tuple.of(BandKeys.sought(bands, from.toEpochMilli(), to.toEpochMilli()),
            from.toEpochMilli(), to.toEpochMilli()))
        .map(rows -> {
          List<Candidate> candidates = new ArrayList<>();
          for (Row row : rows) {
            Buffer signature = row.getBuffer("signature");
            candidates.add(new Candidate(row.getString("story_id"), Fingerprint.restore(
                signature == null ? null : signature.getBytes(), row.getString("marks"))));
          }
          return candidates;
        });
  }

  private static Future<String> first(Future<RowSet<Row>> rows) {
    return rows.map(set -> set.size() == 0 ? null : set.iterator().next().getString(0));
  }

  // Each answer checks that it is asked what was fetched: a mismatch is a bug, never a guess.

  @Override
  public String storyOfEntry(String sourceId, String entryKey) {
    check(sourceId.equals(entry.sourceId()) && entryKey.equals(entry.key()));
    return byKey;
  }

  @Override
  public String storyWithLink(String canonicalLink) {
    check(Objects.equals(canonicalLink, keys.canonicalLink()));
    return byLink;
  }

  @Override
  public String storyWithTitle(String titleKey, Instant from, Instant to) {
    check(Objects.equals(titleKey, keys.titleKey())
        && from.equals(entry.published().minus(StoryIdentity.TITLE_WINDOW)));
    return byTitle;
  }

  @Override
  public List<Candidate> nearCandidates(Fingerprint fingerprint, Instant from, Instant to) {
    check(Arrays.equals(fingerprint.bands(), keys.fingerprint().bands())
        && from.equals(entry.published().minus(StoryIdentity.NEAR_WINDOW)));
    return near;
  }

  private static void check(boolean askedWhatWasFetched) {
    if (!askedWhatWasFetched) {
      throw new IllegalStateException("StoryIdentity asked a lookup PgLookups did not fetch");
    }
  }
}
