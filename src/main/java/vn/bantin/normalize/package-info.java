/**
 * Parsed feed items to {@link vn.bantin.model.Entry} records: Unicode NFC everywhere, plain-text
 * titles, sanitized HTML with absolute links, http(s) links only, sane dates, a stable identity key
 * per item, and the caps of {@code conf/bantin.yml}. Pure, synchronous code for the parse worker
 * pool; every public type is immutable and safe to call from many threads at once.
 */
package vn.bantin.normalize;
