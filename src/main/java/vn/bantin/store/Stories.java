package vn.bantin.store;

/**
 * How the SQLite schema names a story: the public id outside, and inside an integer key, {@code
 * stories.rid}, given in the order stories are written (schema V8), which {@code entries} and
 * {@code category_stories} refer to, so that a new story's rows append to their indexes.
 */
final class Stories {

  /** A statement's parameter turned into the story's key: the public id is bound there. */
  static final String RID = "(SELECT rid FROM stories WHERE id = ?)";

  private Stories() {}
}
