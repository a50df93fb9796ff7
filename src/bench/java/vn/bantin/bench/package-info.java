/**
 * JMH benchmarks, built and run only with the Maven profile {@code bench} ({@code
 * bench/dedup.sh}). They drive the public store API on synthetic, deterministic corpora kept under
 * {@code bench/data/}; JMH's benchmark thread blocks on store futures, which is fine off the event
 * loop.
 */
package vn.bantin.bench;
