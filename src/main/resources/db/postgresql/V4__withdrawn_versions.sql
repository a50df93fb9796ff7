-- bantin PostgreSQL schema, version 4: a saved version of feeds.yml that could not come in force
-- (the saving instance could not write its feeds.yml) is withdrawn, not deleted, so that its
-- number stays taken: version numbers are never reused, as in the file history. A withdrawn row
-- keeps its number only; the versions listed, found and adopted are the others.
ALTER TABLE config_versions ADD COLUMN withdrawn BOOLEAN NOT NULL DEFAULT FALSE;
