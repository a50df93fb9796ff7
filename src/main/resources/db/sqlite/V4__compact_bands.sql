-- Version 4: the write path made cheaper and flatter (issue 7, "Scale").
--
-- entries gets an explicit integer id (the rowid it already had, so existing rowid order is
-- kept). An INTEGER PRIMARY KEY is stable: VACUUM may renumber implicit rowids, never these.
--
-- entry_bands held 16 rows per entry, each with the entry's text key (source id and entry key,
-- often a whole URL) and two secondary indexes: about 3.7 kB and 48 B-tree inserts per entry,
-- two thirds of the database. It becomes one WITHOUT ROWID B-tree keyed (band, published,
-- entry_id): about 25 bytes and one B-tree insert per band, and the lookup (band IN (...) AND
-- published BETWEEN ...) is still one range per band. It has no foreign key any more, since a
-- cascade would need an index on entry_id: whoever deletes entries deletes their bands first
-- (vn.bantin.store.Retention), and a band whose entry is gone finds nothing when joined.
CREATE TABLE entries_v4 (
  id             INTEGER PRIMARY KEY,
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
  signature      BLOB,
  marks          TEXT,
  UNIQUE (source_id, entry_key)
);
INSERT INTO entries_v4 (id, source_id, entry_key, story_id, link, canonical_link, title,
    title_key, published, fetched_at, last_seen, signature, marks)
  SELECT rowid, source_id, entry_key, story_id, link, canonical_link, title, title_key,
    published, fetched_at, last_seen, signature, marks FROM entries ORDER BY rowid;

CREATE TABLE entry_bands_v4 (
  band      INTEGER NOT NULL,
  published INTEGER NOT NULL,
  entry_id  INTEGER NOT NULL,
  PRIMARY KEY (band, published, entry_id)
) WITHOUT ROWID;
INSERT OR IGNORE INTO entry_bands_v4 (band, published, entry_id)
  SELECT b.band, b.published, e.rowid FROM entry_bands b
  JOIN entries e ON e.source_id = b.source_id AND e.entry_key = b.entry_key;

DROP TABLE entry_bands;
DROP TABLE entries;
ALTER TABLE entries_v4 RENAME TO entries;
ALTER TABLE entry_bands_v4 RENAME TO entry_bands;
CREATE INDEX entries_by_story ON entries (story_id, source_id);
CREATE INDEX entries_by_canonical_link ON entries (canonical_link);
CREATE INDEX entries_by_title_key ON entries (title_key, published);
