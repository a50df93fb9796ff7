-- bantin PostgreSQL schema, version 2: source leases, so that each due source is polled by one
-- instance at a time (vn.bantin.store.pg.PgSourceLeases). An instance takes a due source by
-- writing its holder id and lease_until; it renews lease_until while it polls, and on release
-- writes next_poll and clears both. lease_until and the next_poll written at release are
-- milliseconds of the database's clock (now()), so the instances' clocks do not matter. A lease
-- whose lease_until has passed is free: the instance holding it died or lost the database.
ALTER TABLE sources ADD COLUMN lease_holder TEXT;
ALTER TABLE sources ADD COLUMN lease_until BIGINT;
