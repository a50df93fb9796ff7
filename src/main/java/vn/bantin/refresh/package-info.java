/**
 * The scheduler and the one pipeline that polls a source: fetch, parse, normalize, store, in that
 * order, readable top to bottom in {@link vn.bantin.refresh.Refresher}. Runs on event loops; the
 * CPU-bound middle (parse, normalize) hops to the parse worker pool and back, a few fetched bodies
 * at a time so that parsing keeps pace with the store's writer ({@code IngestGate}).
 */
package vn.bantin.refresh;
