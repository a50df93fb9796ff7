package vn.bantin.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the store writer's commits wrote, by table and index: reads a copy of bantin's SQLite
 * WAL frame by frame (SQLite "Database File Format", section 4: a 32-byte header, then frames
 * of a 24-byte header and one page), groups the frames of its current generation (those whose
 * salts match the header's) into commits, and names each page's table or index from {@code
 * dbstat} on a copy of the database with that WAL. Prints a Markdown table: per table or index,
 * the distinct pages each commit wrote, median and range, and its share of all pages written.
 * The names are those of the copy: a page freed and reused between two commits counts for its
 * last owner.
 *
 * <p>{@code java vn.bantin.bench.WalPages DATABASE WAL} (copies taken while bantin ran, the WAL
 * first: {@code poll.sh} with {@code WAL_SNAPSHOT}).
 */
public final class WalPages {
  private static final int WAL_HEADER = 32;
  private static final int FRAME_HEADER = 24;

  private WalPages() {}

  public static void main(String[] args) throws IOException, SQLException {
    byte[] wal = Files.readAllBytes(Path.of(args[1]));
    List<Set<Integer>> commits = commits(ByteBuffer.wrap(wal));
    Map<Integer, String> owners = owners(Path.of(args[0]), Path.of(args[1]));
    Map<String, List<Integer>> perCommit = new TreeMap<>();
    long total = 0;
    for (int c = 0; c < commits.size(); c++) {
      Map<String, Integer> counts = new HashMap<>();
      for (int page : commits.get(c)) {
        counts.merge(owners.getOrDefault(page, "(freed)"), 1, Integer::sum);
      }
      total += commits.get(c).size();
      for (Map.Entry<String, Integer> e : counts.entrySet()) {
        List<Integer> column = perCommit.computeIfAbsent(e.getKey(), k -> new ArrayList<>());
        while (column.size() < c) {
          column.add(0);
        }
        column.add(e.getValue());
      }
    }
    System.out.printf("%d commits, %d pages written (distinct per commit), %d per commit%n%n",
        commits.size(), total, commits.isEmpty() ? 0 : total / commits.size());
    System.out.println("| table or index | pages per commit, median [min, max] | share |");
    System.out.println("|---|---|---|");
    List<Map.Entry<String, List<Integer>>> rows = new ArrayList<>(perCommit.entrySet());
    rows.sort((a, b) -> Long.compare(sum(b.getValue()), sum(a.getValue())));
    for (Map.Entry<String, List<Integer>> row : rows) {
      List<Integer> column = new ArrayList<>(row.getValue());
      while (column.size() < commits.size()) {
        column.add(0);
      }
      column.sort(null);
      System.out.printf("| `%s` | %d [%d, %d] | %.1f%% |%n", row.getKey(),
          column.get(column.size() / 2), column.get(0), column.get(column.size() - 1),
          100.0 * sum(column) / total);
    }
  }

  /** The distinct pages of each commit of the WAL's current generation, in order. */
  private static List<Set<Integer>> commits(ByteBuffer wal) {
    int pageSize = wal.getInt(8);
    int salt1 = wal.getInt(16);
    int salt2 = wal.getInt(20);
    List<Set<Integer>> commits = new ArrayList<>();
    Set<Integer> current = new HashSet<>();
    for (int at = WAL_HEADER; at + FRAME_HEADER + pageSize <= wal.limit();
        at += FRAME_HEADER + pageSize) {
      if (wal.getInt(at + 8) != salt1 || wal.getInt(at + 12) != salt2) {
        continue; // a frame of an earlier generation, written over since
      }
      current.add(wal.getInt(at));
      if (wal.getInt(at + 4) != 0) { // the database's size after a commit: its last frame
        commits.add(current);
        current = new HashSet<>();
      }
    }
    return commits;
  }

  /** Each page's table or index, from {@code dbstat} on a scratch copy of the database. */
  private static Map<Integer, String> owners(Path database, Path wal)
      throws IOException, SQLException {
    Path scratch = Files.createTempDirectory("bantin-wal-pages");
    Path copy = scratch.resolve("copy.db");
    try {
      Files.copy(database, copy, StandardCopyOption.REPLACE_EXISTING);
      Files.copy(wal, scratch.resolve("copy.db-wal"), StandardCopyOption.REPLACE_EXISTING);
      Map<Integer, String> owners = new HashMap<>();
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy);
          Statement s = c.createStatement();
          ResultSet rows = s.executeQuery("SELECT name, pageno FROM dbstat")) {
        while (rows.next()) {
          owners.put(rows.getInt(2), rows.getString(1));
        }
      }
      return owners;
    } finally {
      try (var files = Files.list(scratch)) {
        for (Path f : files.toList()) {
          Files.delete(f);
        }
      }
      Files.delete(scratch);
    }
  }

  private static long sum(List<Integer> values) {
    long sum = 0;
    for (int v : values) {
      sum += v;
    }
    return sum;
  }
}
