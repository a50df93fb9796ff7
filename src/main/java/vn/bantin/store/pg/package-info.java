/**
 * The shared store: {@link vn.bantin.store.pg.PgStore}, the {@link vn.bantin.store.Store} of
 * several bantin instances over one PostgreSQL database, with versioned schema scripts under
 * {@code db/postgresql/}, and {@link vn.bantin.store.pg.PgSourceLeases}, which hand each due
 * source to one instance at a time. It talks through Vert.x's reactive PostgreSQL client, so its
 * methods run their SQL without blocking any thread; pure CPU work (identity keys, category
 * rules) runs on the {@code bantin-store-compute} worker pool, never on an event loop. Instances
 * tell each other which categories changed by LISTEN/NOTIFY ({@code PgChanges}), and which
 * version of feeds.yml was saved: {@link vn.bantin.store.pg.PgConfigVersions} keeps the versions
 * every instance applies (its calls block; they are made from a worker thread).
 */
package vn.bantin.store.pg;
