-- Version 5: near-duplicate bands leave the database (issue 7, "Poll cycle" and "Scale").
--
-- entry_bands held 16 rows per entry in a B-tree keyed by random band hashes: each new entry
-- dirtied about 16 leaf pages, about 60% of the SQLite floor of a changed poll cycle
-- (bench/floor.sh), and at a million stories those leaves no longer shared the page cache. The
-- bands are a function of the stored signature (entries.signature), so the store now keeps them
-- in memory (vn.bantin.store.NearIndex), computed from the signatures when it opens.
DROP TABLE entry_bands;
