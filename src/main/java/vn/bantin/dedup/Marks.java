package vn.bantin.dedup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The numbers and names of a text, which tell otherwise alike texts apart: those of the compared
 * words (title and first summary words) and those of the whole text. Both are sorted, distinct
 * arrays, what the first version's TreeSets held.
 */
final class Marks {
  private static final String[] NONE = new String[0];

  /** Marks of the compared words. */
  private final String[] compared;
  /** Marks of the whole text, a superset of {@link #compared}. */
  private final String[] all;

  private Marks(String[] compared, String[] all) {
    this.compared = compared;
    this.all = all;
  }

  /** The marks of a title and a summary of which the first {@code comparedSummary} words count. */
  static Marks of(Words title, Words summary, int comparedSummary) {
    List<String> marks = new ArrayList<>();
    collect(title, title.count(), marks);
    collect(summary, comparedSummary, marks);
    String[] compared = sortedSet(marks);
    collect(summary, summary.count(), marks);
    return new Marks(compared, sortedSet(marks));
  }

  /** Marks read back from their {@link #stored() stored form}; {@code null} reads as none. */
  static Marks restore(String stored) {
    String text = stored == null ? "" : stored;
    int hash = text.indexOf('#');
    List<String> list = new ArrayList<>();
    addStored(hash < 0 ? text : text.substring(0, hash), list);
    String[] compared = sortedSet(list);
    if (hash >= 0) {
      addStored(text.substring(hash + 1), list);
    }
    return new Marks(compared, hash < 0 ? compared : sortedSet(list));
  }

  /**
   * The compared marks sorted and separated by {@code |}, then {@code #} and those found only
   * further in the text.
   */
  String stored() {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < compared.length; i++) {
      out.append(i == 0 ? "" : "|").append(compared[i]);
    }
    boolean first = true;
    for (String mark : all) {
      if (Arrays.binarySearch(compared, mark) < 0) {
        out.append(first ? "#" : "|").append(mark);
        first = false;
      }
    }
    return out.toString();
  }

  /** Whether each text has, in its compared words, a mark the other lacks in its whole text. */
  boolean contradicts(Marks other) {
    return !coveredBy(compared, other.all) && !coveredBy(other.compared, all);
  }

  /**
   * Whether every mark of {@code marks} is in {@code other}; a name also counts as there when
   * one of the other's names contains it or is contained in it ("tỉnh lào cai", "lào cai").
   */
  private static boolean coveredBy(String[] marks, String[] other) {
    for (String mark : marks) {
      if (Arrays.binarySearch(other, mark) < 0 && !(isName(mark) && nameOverlaps(mark, other))) {
        return false;
      }
    }
    return true;
  }

  private static boolean nameOverlaps(String name, String[] other) {
    for (String o : other) {
      if (isName(o) && (o.contains(name) || name.contains(o))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isName(String mark) {
    return !Character.isDigit(mark.charAt(0));
  }

  /**
   * Numbers, and names: runs of two or more capitalized words ("Lai Châu", "Điện Biên Phủ").
   * Vietnamese capitalizes every syllable of a proper name but only the first of a title or an
   * institution ("Bí thư", "Chính phủ"), so runs find places and people, not roles. Looks at
   * the first {@code count} words.
   */
  private static void collect(Words words, int count, List<String> marks) {
    StringBuilder run = new StringBuilder();
    int length = 0;
    for (int t = 0; t < count; t++) {
      if (words.capitalized(t) && words.joinsPrevious(t) && length > 0) {
        words.appendTo(t, run.append(' '));
        length++;
        continue;
      }
      if (length >= 2) {
        marks.add(run.toString());
      }
      run.setLength(0);
      length = 0;
      if (words.capitalized(t)) {
        words.appendTo(t, run);
        length = 1;
      } else if (words.startsWithDigit(t)) {
        marks.add(words.word(t));
      }
    }
    if (length >= 2) {
      marks.add(run.toString());
    }
  }

  /** The marks of a stored {@code a|b|c} list, split as String.split does (no trailing ""). */
  private static void addStored(String marks, List<String> out) {
    if (!marks.isEmpty()) {
      out.addAll(Arrays.asList(marks.split("\\|")));
    }
  }

  /** The distinct marks in natural order, what the first version's TreeSet held. */
  private static String[] sortedSet(List<String> marks) {
    if (marks.isEmpty()) {
      return NONE;
    }
    String[] sorted = marks.toArray(NONE);
    Arrays.sort(sorted);
    int distinct = 0;
    for (String mark : sorted) {
      if (distinct == 0 || !mark.equals(sorted[distinct - 1])) {
        sorted[distinct++] = mark;
      }
    }
    return distinct == sorted.length ? sorted : Arrays.copyOf(sorted, distinct);
  }
}
