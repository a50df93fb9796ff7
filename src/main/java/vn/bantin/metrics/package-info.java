/**
 * Meter names and the Prometheus registry that Vert.x and bantin share, and the Vert.x metrics
 * factory whose HTTP server and client request meters are resolved once per method and status
 * code. Meters take bounded tags only (an outcome, a failure code), never a URL or an entry id.
 * Any thread may record.
 */
package vn.bantin.metrics;
