-- Rule 4 of the contract: near-duplicate fingerprints. Every entry keeps its MinHash signature
-- (64 x 4 bytes, see vn.bantin.dedup.Fingerprint) and its marks (numbers and
-- names); entry_bands holds its LSH band hashes, so candidates are found through an index on
-- (band, published), never by a scan. Entries stored before this version have no fingerprint
-- and are found by rules 1 to 3 only.
ALTER TABLE entries ADD COLUMN signature BLOB;
ALTER TABLE entries ADD COLUMN marks TEXT;

CREATE TABLE entry_bands (
  band      INTEGER NOT NULL,
  published INTEGER NOT NULL,
  source_id TEXT NOT NULL,
  entry_key TEXT NOT NULL,
  FOREIGN KEY (source_id, entry_key) REFERENCES entries (source_id, entry_key) ON DELETE CASCADE
);
CREATE INDEX entry_bands_by_band ON entry_bands (band, published);
CREATE INDEX entry_bands_by_entry ON entry_bands (source_id, entry_key);
