package vn.bantin.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import vn.bantin.dedup.Fingerprint;

/** Reads the bands of every stored entry that has a signature into a {@link NearIndex}. */
final class NearIndexLoad {

  private NearIndexLoad() {}

  /**
   * The stored entries' bands and sketches, computed from their signatures, with when each was
   * fetched; committed. About 0.3 s and 33 MB for 100,000 entries (BENCHMARKS.md, fifth round).
   */
  static NearIndex read(Connection connection) throws SQLException {
    NearIndex near;
    try (PreparedStatement count = connection.prepareStatement(
            "SELECT count(*) FROM entries WHERE signature IS NOT NULL");
        ResultSet rows = count.executeQuery()) {
      near = new NearIndex(rows.next() ? rows.getInt(1) : 0);
    }
    try (PreparedStatement query = connection.prepareStatement(
            "SELECT id, published, fetched_at, signature FROM entries"
                + " WHERE signature IS NOT NULL");
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        Fingerprint stored = Fingerprint.restore(rows.getBytes(4), null);
        near.add(rows.getLong(1), rows.getLong(2), rows.getLong(3), stored.bands(),
            stored.sketch());
      }
    }
    near.commit();
    return near;
  }
}
