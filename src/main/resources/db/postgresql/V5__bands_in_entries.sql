-- bantin PostgreSQL schema, version 5: an entry's fingerprint bands move from entry_bands (one row
-- per band, 16 per entry, each with two index entries and a foreign-key check) into an array
-- column of the entry, under a GIN index. Each band is stored as its key for the six-day period
-- its entry was published in (vn.bantin.store.pg.BandKeys: band XOR period << 48, the period
-- being the published instant divided by 518,400,000 ms, rounded down), so a near-duplicate
-- lookup reads only the periods its date window touches. In a changed poll cycle this took
-- PostgreSQL's work per new entry to about 0.6x (BENCHMARKS.md, eighth round).
ALTER TABLE entries ADD COLUMN bands BIGINT[];
UPDATE entries e SET bands = k.bands
  FROM (SELECT source_id, entry_key,
               array_agg(band # ((CASE WHEN published >= 0 THEN published / 518400000
                                       ELSE (published + 1) / 518400000 - 1 END) << 48)) AS bands
          FROM entry_bands GROUP BY source_id, entry_key) k
  WHERE e.source_id = k.source_id AND e.entry_key = k.entry_key;
DROP TABLE entry_bands;
-- Without the pending list (fastupdate): every lookup would scan it until it is merged, and the
-- merge would stall whichever poll's insert fills it, while holding the stories lock.
CREATE INDEX entries_by_band ON entries USING gin (bands) WITH (fastupdate = off);
