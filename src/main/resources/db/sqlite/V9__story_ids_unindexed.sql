-- Version 9: the public story id is no longer indexed (issue 7, "Poll cycle").
--
-- A story's public id is a hash, so every new story put its key on a random leaf of the id's
-- UNIQUE index, and every commit wrote each leaf it touched whole: half of the pages the writer
-- wrote to the WAL in a changed cycle (BENCHMARKS.md, "What the store writer's commits write to
-- the WAL"). Nothing looks a story up by its public id any more: entries, memberships and readers
-- name it by rid. The id is minted from the story's first sighting (dedup.StoryIds), so the
-- UNIQUE first sighting keeps ids unique, and its keys, grouped by source, land where that
-- source's other stories are.
CREATE TABLE stories_v9 (
  rid             INTEGER PRIMARY KEY,
  id              TEXT NOT NULL,
  link            TEXT,
  title           TEXT NOT NULL,
  summary_html    TEXT NOT NULL,
  content_html    TEXT NOT NULL,
  author          TEXT,
  published       INTEGER NOT NULL,
  first_source_id TEXT NOT NULL,
  first_entry_key TEXT NOT NULL,
  created_at      INTEGER NOT NULL,
  UNIQUE (first_source_id, first_entry_key)
);
INSERT INTO stories_v9 (rid, id, link, title, summary_html, content_html, author, published,
    first_source_id, first_entry_key, created_at)
  SELECT rid, id, link, title, summary_html, content_html, author, published, first_source_id,
    first_entry_key, created_at FROM stories ORDER BY rid;
-- Foreign keys are off while a migration runs (Migrations), so dropping the table deletes
-- nothing that refers to it; entries and memberships refer to "stories", the new table's name.
DROP TABLE stories;
ALTER TABLE stories_v9 RENAME TO stories;
CREATE INDEX stories_by_published ON stories (published DESC, id DESC);
