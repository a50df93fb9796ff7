/**
 * Meter names and the Prometheus registry that Vert.x and bantin share. Meters take bounded tags
 * only (an outcome, a failure code), never a URL or an entry id. Any thread may record.
 */
package vn.bantin.metrics;
