/**
 * Immutable records that travel between the pipeline stages: entries as a source published them,
 * stories as readers see them, and the polling state of each source; and {@link
 * vn.bantin.model.PlainText}, the text of their sanitized HTML as dedup and keyword categories
 * read it. No I/O and no Vert.x here; every type is safe to share between threads.
 */
package vn.bantin.model;
