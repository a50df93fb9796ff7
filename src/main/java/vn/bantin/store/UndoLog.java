package vn.bantin.store;

import java.util.Arrays;

/**
 * What {@link NearIndex} changed since the last commit, oldest first, and where each open
 * savepoint began in it: what a COMMIT settles and a ROLLBACK (TO) undoes, newest first. A change
 * is an entry's handle and whether it was added or removed. The writer thread's alone.
 */
final class UndoLog {
  /** handle * 2 + 1 when removed, + 0 when added, of each change, oldest first. */
  private int[] changes = new int[16];
  private int size;
  /** The log size at each open savepoint, innermost last. */
  private int[] marks = new int[4];
  private int markCount;

  void added(int handle) {
    record(handle << 1);
  }

  void removed(int handle) {
    record(handle << 1 | 1);
  }

  /** Changes since the last commit or rollback. */
  int size() {
    return size;
  }

  /** The handle of change {@code i}, oldest first. */
  int handle(int i) {
    return changes[i] >>> 1;
  }

  /** Whether the newest change is an addition; it is {@link #handle}({@link #size} - 1). */
  boolean newestIsAdded() {
    return (changes[size - 1] & 1) == 0;
  }

  /** Forgets the newest change, once undone. */
  void dropNewest() {
    size--;
  }

  /** SAVEPOINT: the log size a later rollback to it returns to; nestable. */
  void savepoint() {
    if (markCount == marks.length) {
      marks = Arrays.copyOf(marks, markCount * 2);
    }
    marks[markCount++] = size;
  }

  /** RELEASE: the innermost savepoint goes, its changes stay. */
  void release() {
    innermostMark();
    markCount--;
  }

  /** Where the innermost open savepoint began; an error when none is open. */
  int innermostMark() {
    if (markCount == 0) {
      throw new IllegalStateException("no savepoint is open");
    }
    return marks[markCount - 1];
  }

  /** COMMIT or ROLLBACK done: no change and no savepoint is left. */
  void clear() {
    size = 0;
    markCount = 0;
    if (changes.length > 1024) {
      changes = new int[16]; // an initial load's log is not kept for the rest of the run
    }
  }

  long retainedBytes() {
    return 4L * (changes.length + marks.length);
  }

  private void record(int change) {
    if (size == changes.length) {
      changes = Arrays.copyOf(changes, size + (size >> 1) + 16);
    }
    changes[size++] = change;
  }
}
