/**
 * Reads {@code conf/bantin.yml} (with {@code BANTIN_*} environment overrides) and
 * {@code feeds.yml} into validated, immutable records; {@link vn.bantin.config.ConfigLoader} is
 * the entry point. Parsing is strict (unknown keys, duplicate keys, wrong types and YAML aliases
 * are errors), and a {@link vn.bantin.config.ConfigException} lists every problem as
 * {@code file:line path: message}. Plain synchronous Java without Vert.x: any thread may call it,
 * but it reads files, so not an event loop. {@link vn.bantin.config.ConfigService} is the one way
 * to change feeds.yml; it keeps the versions in a {@link vn.bantin.config.ConfigVersions}: a
 * folder of this instance, or the shared store's table.
 */
package vn.bantin.config;
