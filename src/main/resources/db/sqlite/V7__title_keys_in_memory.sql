-- Version 7: rule 3's title keys leave the database's indexes (issue 7, "Poll cycle").
--
-- entries_by_title_key took one B-tree insert at a random place per new entry, and rule 3 one
-- lookup in it. The SQLite store now finds title keys through its in-memory index (each entry's
-- title key is one more posting there, vn.bantin.store.TitleBand), read from entries.title_key
-- when it opens; the column stays, and the stored title key decides every match.
DROP INDEX entries_by_title_key;
