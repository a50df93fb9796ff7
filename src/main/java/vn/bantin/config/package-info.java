/**
 * Reads {@code conf/bantin.yml} and {@code feeds.yml} into validated, immutable records. Parsing is
 * strict (unknown and duplicate keys are errors) and every problem names its file, line and field.
 * Plain synchronous Java: any thread may call it.
 */
package vn.bantin.config;
