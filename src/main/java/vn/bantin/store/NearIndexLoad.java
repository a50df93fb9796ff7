package vn.bantin.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import vn.bantin.dedup.Fingerprint;

/** Reads the bands and title keys of the stored entries into a {@link NearIndex}. */
final class NearIndexLoad {

  /** The entries the index holds: those with near-duplicate bands or a title key. */
  private static final String INDEXED = " WHERE signature IS NOT NULL OR title_key IS NOT NULL";

  private NearIndexLoad() {}

  /**
   * The stored entries' bands and sketches, computed from their signatures, their title keys'
   * postings ({@link TitleBand}) and when each was fetched; committed. About 0.35 s and 35 MB
   * for 100,000 entries (BENCHMARKS.md, fifth round).
   */
  static NearIndex read(Connection connection) throws SQLException {
    NearIndex near;
    try (PreparedStatement count = connection.prepareStatement(
            "SELECT count(*) FROM entries" + INDEXED);
        ResultSet rows = count.executeQuery()) {
      near = new NearIndex(rows.next() ? rows.getInt(1) : 0);
    }
    try (PreparedStatement query = connection.prepareStatement(
            "SELECT id, published, fetched_at, signature, title_key FROM entries" + INDEXED);
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        Fingerprint stored = Fingerprint.restore(rows.getBytes(4), null);
        near.add(rows.getLong(1), rows.getLong(2), rows.getLong(3),
            TitleBand.with(stored.bands(), rows.getBytes(5)), stored.sketch());
      }
    }
    near.commit();
    return near;
  }
}
