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
   * The stored entries' bands, computed from their signatures, committed. About 0.3 s and 28 MB
   * for 100,000 entries (BENCHMARKS.md, fourth round).
   */
  static NearIndex read(Connection connection) throws SQLException {
    NearIndex near;
    try (PreparedStatement count = connection.prepareStatement(
            "SELECT count(*) FROM entries WHERE signature IS NOT NULL");
        ResultSet rows = count.executeQuery()) {
      near = new NearIndex(rows.next() ? rows.getInt(1) : 0);
    }
    try (PreparedStatement query = connection.prepareStatement(
            "SELECT id, published, signature FROM entries WHERE signature IS NOT NULL");
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        near.add(rows.getLong(1), rows.getLong(2),
            Fingerprint.restore(rows.getBytes(3), null).bands());
      }
    }
    near.commit();
    return near;
  }
}
