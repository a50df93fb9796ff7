package vn.bantin.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.bantin.dedup.LabeledPairs.Pair;
import vn.bantin.dedup.StoryIdentity.Rule;

/**
 * Story identity measured on the labeled pairs: no two different stories may merge (precision
 * 1.0), and at least 95% of the same-story pairs must. Prints the confusion by kind and a sweep
 * of the rule-4 threshold, the measurement behind {@link StoryIdentity#NEAR_THRESHOLD}.
 */
class StoryIdentityEvaluationTest {
  private static final double REQUIRED_RECALL = 0.95;
  private static List<Pair> pairs;

  @BeforeAll
  static void load() {
    pairs = new ArrayList<>(LabeledPairs.load("/dedup/pairs-same.jsonl"));
    pairs.addAll(LabeledPairs.load("/dedup/pairs-different.jsonl"));
  }

  @Test
  void theSetIsLargeAndBalancedEnough() {
    assertThat(pairs).hasSizeGreaterThanOrEqualTo(200);
    assertThat(pairs.stream().filter(Pair::same).count()).isGreaterThanOrEqualTo(100);
    assertThat(pairs.stream().filter(p -> !p.same()).count()).isGreaterThanOrEqualTo(100);
  }

  @Test
  void differentStoriesNeverMergeAndSameStoriesDo() {
    List<String> merged = new ArrayList<>();
    List<String> missed = new ArrayList<>();
    Map<String, int[]> byKind = new TreeMap<>();
    Map<Rule, Integer> byRule = new TreeMap<>();
    for (Pair p : pairs) {
      Optional<Rule> rule = StoryIdentity.sameStory(p.a(), p.b());
      int[] counts = byKind.computeIfAbsent((p.same() ? "same/" : "different/") + p.kind(),
          k -> new int[2]);
      counts[rule.isPresent() == p.same() ? 0 : 1]++;
      rule.ifPresent(r -> byRule.merge(r, 1, Integer::sum));
      if (rule.isPresent() && !p.same()) {
        merged.add(p.id() + " by " + rule.get() + ": " + p.a().title() + " / " + p.b().title());
      } else if (rule.isEmpty() && p.same()) {
        missed.add(p.id() + " (" + p.kind() + "): " + p.a().title() + " / " + p.b().title());
      }
    }
    long same = pairs.stream().filter(Pair::same).count();
    double recall = (same - missed.size()) / (double) same;
    System.out.printf("story identity on %d labeled pairs: precision %s, recall %.3f%n",
        pairs.size(), merged.isEmpty() ? "1.000" : "BELOW 1", recall);
    byKind.forEach((kind, c) -> System.out.printf("  %-40s right %3d wrong %3d%n", kind, c[0],
        c[1]));
    System.out.println("  merges by rule: " + byRule);
    missed.forEach(m -> System.out.println("  missed " + m));

    assertThat(merged).as("different stories merged").isEmpty();
    assertThat(recall).as("recall; missed: %s", missed).isGreaterThanOrEqualTo(REQUIRED_RECALL);
  }

  @Test
  void theChosenThresholdKeepsPrecisionWithMarginAndTheSweepIsReported() {
    System.out.println("rule-4 threshold sweep (rules 1-3 always on): threshold, false merges,"
        + " recall; then the same without the marks check");
    double lowestSafe = 1;
    for (int t = 20; t <= 90; t += 5) {
      double threshold = t / 100.0;
      int falseMerges = 0;
      int found = 0;
      int falseWithoutMarks = 0;
      int foundWithoutMarks = 0;
      for (Pair p : pairs) {
        boolean merged = mergedAt(p, threshold, true);
        falseMerges += merged && !p.same() ? 1 : 0;
        found += merged && p.same() ? 1 : 0;
        boolean mergedAnyway = mergedAt(p, threshold, false);
        falseWithoutMarks += mergedAnyway && !p.same() ? 1 : 0;
        foundWithoutMarks += mergedAnyway && p.same() ? 1 : 0;
      }
      if (falseMerges == 0) {
        lowestSafe = Math.min(lowestSafe, threshold);
      }
      long same = pairs.stream().filter(Pair::same).count();
      System.out.printf("  %.2f  %3d  %.3f   %3d  %.3f%n", threshold, falseMerges,
          found / (double) same, falseWithoutMarks, foundWithoutMarks / (double) same);
    }
    assertThat(StoryIdentity.NEAR_THRESHOLD).as("threshold at or above the lowest safe one")
        .isGreaterThanOrEqualTo(lowestSafe);
  }

  /** Whether the pair merges when rule 4 uses {@code threshold}. */
  private static boolean mergedAt(Pair p, double threshold, boolean checkMarks) {
    Optional<Rule> rule = StoryIdentity.sameStory(p.a(), p.b());
    if (rule.isPresent() && rule.get() != Rule.NEAR_DUPLICATE) {
      return true;
    }
    Fingerprint a = StoryIdentity.keysOf(p.a()).fingerprint();
    Fingerprint b = StoryIdentity.keysOf(p.b()).fingerprint();
    boolean close = Duration.between(p.a().published(), p.b().published()).abs()
        .compareTo(StoryIdentity.NEAR_WINDOW) <= 0;
    return close && !a.isEmpty() && a.similarity(b) >= threshold
        && !(checkMarks && a.contradicts(b));
  }
}
