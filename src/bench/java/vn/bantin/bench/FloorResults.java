package vn.bantin.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trials of {@link FloorBench}: per kind, CPU and wall time per entry; per repetition, each
 * kind against the full floor ("all") of the same repetition.
 */
final class FloorResults {
  private static final String FLOOR = "all";
  private final List<String> kinds;
  private final int entries;
  private final Map<String, List<double[]>> trials = new LinkedHashMap<>();
  private final String loadBefore = PollPairs.uptime();

  FloorResults(List<String> kinds, int entries) {
    this.kinds = kinds;
    this.entries = entries;
    for (String kind : kinds) {
      trials.put(kind, new ArrayList<>());
    }
  }

  /** @param pollsPerGroup polls per transaction, on average */
  void add(String kind, double cpuSeconds, double wallSeconds, double pollsPerGroup) {
    trials.get(kind).add(new double[] {cpuSeconds, wallSeconds, pollsPerGroup});
  }

  String report(int feeds, int items, String group, int inFlight) {
    StringBuilder out = new StringBuilder("## Store floor\n\n").append(feeds)
        .append(" sources x ").append(items).append(" new entries (").append(entries)
        .append(") into a store of the same size; floor: ").append(group.equals("bantin")
            ? "the commit groups of bantin's trial of the same repetition" : group
            + " polls per transaction").append("; bantin: ").append(inFlight)
        .append(" polls in flight\n\nload before: ").append(loadBefore).append("\nload after: ")
        .append(PollPairs.uptime()).append("\n\n| kind | CPU us/entry | wall us/entry |"
            + " CPU / floor all | wall / floor all | polls per commit |\n"
            + "|---|---|---|---|---|---|\n");
    for (String kind : kinds) {
      Ratios cpu = new Ratios();
      Ratios wall = new Ratios();
      Ratios cpuRatio = new Ratios();
      Ratios wallRatio = new Ratios();
      Ratios perGroup = new Ratios();
      List<double[]> runs = trials.get(kind);
      List<double[]> floor = trials.get(FLOOR);
      for (int r = 0; r < runs.size(); r++) {
        cpu.add(runs.get(r)[0] * 1e6 / entries);
        wall.add(runs.get(r)[1] * 1e6 / entries);
        perGroup.add(runs.get(r)[2]);
        if (floor != null) {
          cpuRatio.add(runs.get(r)[0] / floor.get(r)[0]);
          wallRatio.add(runs.get(r)[1] / floor.get(r)[1]);
        }
      }
      out.append("| ").append(kind).append(" | ").append(cpu.summary("%.1f")).append(" | ")
          .append(wall.summary("%.1f")).append(" | ").append(cpuRatio.summary("%.2fx"))
          .append(" | ").append(wallRatio.summary("%.2fx")).append(" | ")
          .append(perGroup.summary("%.1f")).append(" |\n");
    }
    return out.append("\nbantin's CPU is its writer thread's (SQL, category rules, commits);"
        + " the floor's is the one thread that runs it. Median [min, max] over the"
        + " repetitions.\n").toString();
  }
}
