/**
 * Immutable records that travel between the pipeline stages: entries as a source published them,
 * stories as readers see them, and the polling state of each source. No I/O and no Vert.x here;
 * every type is safe to share between threads.
 */
package vn.bantin.model;
