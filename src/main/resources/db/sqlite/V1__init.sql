-- bantin SQLite schema, version 1. Instants are INTEGER milliseconds since the epoch (UTC).
-- Later features (category membership, near-duplicate bands) add tables keyed by stories(id),
-- with ON DELETE CASCADE so that pruning a story removes them too.

-- One row per source ever configured or polled: what feeds.yml says (title, configured_url) and
-- the polling state. state_saved is null until a poll's state was stored.
CREATE TABLE sources (
  id             TEXT PRIMARY KEY,
  title          TEXT,
  configured_url TEXT,
  url            TEXT,
  etag           TEXT,
  last_modified  TEXT,
  next_poll      INTEGER,
  failures       INTEGER NOT NULL DEFAULT 0,
  last_fetch     INTEGER,
  last_status    INTEGER,
  last_error     TEXT,
  error_code     TEXT,
  gone           INTEGER NOT NULL DEFAULT 0 CHECK (gone IN (0, 1)),
  state_saved    INTEGER
) WITHOUT ROWID;

-- What readers see. id, link, published and the text are the first sighting's, which is the
-- entry (first_source_id, first_entry_key).
CREATE TABLE stories (
  id              TEXT PRIMARY KEY,
  link            TEXT,
  title           TEXT NOT NULL,
  summary_html    TEXT NOT NULL,
  content_html    TEXT NOT NULL,
  author          TEXT,
  published       INTEGER NOT NULL,
  first_source_id TEXT NOT NULL,
  first_entry_key TEXT NOT NULL,
  created_at      INTEGER NOT NULL
);
CREATE INDEX stories_by_published ON stories (published DESC, id DESC);

-- What each source published, one row per (source, entry key). A story's sources are its
-- entries' sources. canonical_link and title_key are the identity keys of every entry, so a
-- story is found through any source that carried it.
CREATE TABLE entries (
  source_id      TEXT NOT NULL REFERENCES sources (id),
  entry_key      TEXT NOT NULL,
  story_id       TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
  link           TEXT,
  canonical_link TEXT,
  title          TEXT NOT NULL,
  title_key      TEXT,
  published      INTEGER NOT NULL,
  fetched_at     INTEGER NOT NULL,
  last_seen      INTEGER NOT NULL,
  PRIMARY KEY (source_id, entry_key)
);
CREATE INDEX entries_by_story ON entries (story_id, source_id);
CREATE INDEX entries_by_canonical_link ON entries (canonical_link);
CREATE INDEX entries_by_title_key ON entries (title_key, published);
