-- bantin PostgreSQL schema, version 1: the SQLite schema at its version 3 (db/sqlite/V1 to V3),
-- written for PostgreSQL. Instants are BIGINT milliseconds since the epoch (UTC), as in SQLite,
-- so both stores share their time arithmetic. Story ids are compared byte-wise (COLLATE "C"),
-- so "newest first, then id descending" orders alike in both stores whatever the database locale.

-- One row per source ever configured or polled: what feeds.yml says (title, configured_url) and
-- the polling state. state_saved is null until a poll's state was stored.
CREATE TABLE sources (
  id             TEXT PRIMARY KEY,
  title          TEXT,
  configured_url TEXT,
  url            TEXT,
  etag           TEXT,
  last_modified  TEXT,
  next_poll      BIGINT,
  failures       INTEGER NOT NULL DEFAULT 0,
  last_fetch     BIGINT,
  last_status    INTEGER,
  last_error     TEXT,
  error_code     TEXT,
  gone           BOOLEAN NOT NULL DEFAULT FALSE,
  state_saved    BIGINT
);

-- What readers see. id, link, published and the text are the first sighting's, which is the
-- entry (first_source_id, first_entry_key). The id is minted from that entry, so two instances
-- making the same story at once mint the same id and the primary key keeps one.
CREATE TABLE stories (
  id              TEXT COLLATE "C" PRIMARY KEY,
  link            TEXT,
  title           TEXT NOT NULL,
  summary_html    TEXT NOT NULL,
  content_html    TEXT NOT NULL,
  author          TEXT,
  published       BIGINT NOT NULL,
  first_source_id TEXT NOT NULL,
  first_entry_key TEXT NOT NULL,
  created_at      BIGINT NOT NULL
);
CREATE INDEX stories_by_published ON stories (published DESC, id DESC);

-- What each source published, one row per (source, entry key): rule 1 of the contract is this
-- primary key. canonical_link, title_key and the fingerprint (signature, marks) are the identity
-- keys of every entry, so a story is found through any source that carried it. seq is the order
-- rows were written (SQLite's rowid): the earliest sighting decides among several matches.
CREATE TABLE entries (
  source_id      TEXT NOT NULL REFERENCES sources (id),
  entry_key      TEXT NOT NULL,
  story_id       TEXT COLLATE "C" NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
  link           TEXT,
  canonical_link TEXT,
  title          TEXT NOT NULL,
  title_key      TEXT,
  published      BIGINT NOT NULL,
  fetched_at     BIGINT NOT NULL,
  last_seen      BIGINT NOT NULL,
  signature      BYTEA,
  marks          TEXT,
  seq            BIGINT GENERATED ALWAYS AS IDENTITY,
  PRIMARY KEY (source_id, entry_key)
);
CREATE INDEX entries_by_story ON entries (story_id, source_id);
CREATE INDEX entries_by_canonical_link ON entries (canonical_link);
CREATE INDEX entries_by_title_key ON entries (title_key, published);

-- Rule 4: the LSH band hashes of every entry's fingerprint (vn.bantin.dedup.Fingerprint), so
-- near-duplicate candidates are an index range on (band, published), never a scan.
CREATE TABLE entry_bands (
  band      BIGINT NOT NULL,
  published BIGINT NOT NULL,
  source_id TEXT NOT NULL,
  entry_key TEXT NOT NULL,
  FOREIGN KEY (source_id, entry_key) REFERENCES entries (source_id, entry_key) ON DELETE CASCADE
);
CREATE INDEX entry_bands_by_band ON entry_bands (band, published);
CREATE INDEX entry_bands_by_entry ON entry_bands (source_id, entry_key);

-- Category membership, kept current as stories are written and rebuilt when the category rules
-- change; serving a category is one index range on (category_id, published DESC).
CREATE TABLE category_stories (
  category_id TEXT NOT NULL,
  story_id    TEXT COLLATE "C" NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
  published   BIGINT NOT NULL,
  PRIMARY KEY (category_id, story_id)
);
CREATE INDEX category_stories_newest
  ON category_stories (category_id, published DESC, story_id DESC);
CREATE INDEX category_stories_by_story ON category_stories (story_id);

-- Small facts about the database itself, such as the digest of the category rules that
-- category_stories was built with.
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
