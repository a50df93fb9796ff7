/**
 * How bantin's own threads are scheduled: the background threads that ingest polled feeds run
 * at a lower priority than the event loops that serve them ({@link
 * vn.bantin.threads.BackgroundPriority}).
 */
package vn.bantin.threads;
