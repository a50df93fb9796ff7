/**
 * Feed documents (RSS 0.90 to 2.0, Atom 0.3 and 1.0, JSON Feed 1.0 and 1.1) to {@link
 * vn.bantin.parse.ParsedFeed} records. XML is parsed here with a hardened parser (no DTDs, no
 * external entities, bounded depth) and only then handed to Rome; Rome types never leave the
 * package. Rome builds the feed model but not the dates: {@link vn.bantin.parse.FeedDates} reads
 * RFC 822 and RFC 3339 by hand and leaves only what it does not know to Rome's date parser. Everything here is pure and synchronous and meant for the parse worker pool; every
 * public type is safe to call from many threads at once.
 */
package vn.bantin.parse;
