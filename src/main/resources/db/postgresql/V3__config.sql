-- bantin PostgreSQL schema, version 3: the saved versions of feeds.yml, shared by every instance
-- (vn.bantin.store.pg.PgConfigVersions). The newest version is the one in force everywhere; each
-- instance writes it to its own feeds.yml. A save inserts the version after the one it was made
-- from, only while that one is still the newest, so of two instances saving at once one gets the
-- primary key and the other a conflict (answered 412). saved_at is milliseconds since the epoch;
-- actor is the audit log's non-secret id (token:3f9a1c2b, or file for a hand edit).
CREATE TABLE config_versions (
  version INTEGER PRIMARY KEY,
  yaml TEXT NOT NULL,
  etag TEXT NOT NULL,
  saved_at BIGINT NOT NULL,
  summary TEXT NOT NULL,
  actor TEXT NOT NULL
);
