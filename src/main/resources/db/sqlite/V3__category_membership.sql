-- Category membership: which stories each category shows, kept current as stories are written
-- (vn.bantin.store.CategoryMembership) and rebuilt when the category rules change. Serving a
-- category is then one index range on (category_id, published DESC), however many stories are
-- stored. published is the story's, copied so that the range needs no join.
CREATE TABLE category_stories (
  category_id TEXT NOT NULL,
  story_id    TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
  published   INTEGER NOT NULL,
  PRIMARY KEY (category_id, story_id)
) WITHOUT ROWID;
CREATE INDEX category_stories_newest ON category_stories (category_id, published DESC, story_id DESC);
CREATE INDEX category_stories_by_story ON category_stories (story_id);

-- Small facts about the database itself, such as the digest of the category rules that
-- category_stories was built with.
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
