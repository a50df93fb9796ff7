/**
 * Where entries, stories and source state live: the {@link vn.bantin.store.Store} interface and
 * its SQLite implementation ({@link vn.bantin.store.SqliteStore}) with versioned schema scripts
 * under {@code db/sqlite/}; the PostgreSQL one is in {@code vn.bantin.store.pg}. Store methods may be called from any thread and never block it: JDBC
 * runs only on the {@code bantin-store-write} (one thread) and {@code bantin-store-read} pools.
 */
package vn.bantin.store;
