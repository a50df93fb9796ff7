-- Version 6: category memberships keyed by story first (issue 7, "Poll cycle").
--
-- category_stories had its primary key (category_id, story_id) and a second index on story_id
-- for the foreign key's cascade and a story's categories. Keyed (story_id, category_id), the
-- primary key serves both, and the second index goes: one B-tree insert at a random place fewer
-- for every membership of a new story, and smaller commits (BENCHMARKS.md, fifth round).
-- Serving a category still reads category_stories_newest, which is rebuilt as it was.
CREATE TABLE category_stories_v6 (
  story_id    TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
  category_id TEXT NOT NULL,
  published   INTEGER NOT NULL,
  PRIMARY KEY (story_id, category_id)
) WITHOUT ROWID;
INSERT INTO category_stories_v6 (story_id, category_id, published)
  SELECT story_id, category_id, published FROM category_stories;
DROP TABLE category_stories;
ALTER TABLE category_stories_v6 RENAME TO category_stories;
CREATE INDEX category_stories_newest ON category_stories (category_id, published DESC, story_id DESC);
