package vn.bantin.store.pg;

import vn.bantin.config.SourceConfig;
import vn.bantin.model.Entry;
import vn.bantin.model.SourceState;

/**
 * Text as PostgreSQL can store it: without U+0000, which a {@code text} value cannot hold
 * (PostgreSQL "Character Types", section 8.3) yet a JSON Feed string or a YAML escape can carry.
 * The character is invisible, so it is dropped; always the same way, so a re-polled entry keeps
 * its key and its story.
 */
final class NulFree {

  private NulFree() {}

  static String text(String s) {
    return s == null || s.indexOf('\u0000') < 0 ? s : s.replace("\u0000", "");
  }

  static Entry entry(Entry e) {
    return new Entry(text(e.sourceId()), text(e.key()), text(e.link()), text(e.title()),
        text(e.summaryHtml()), text(e.contentHtml()), text(e.author()), e.published(),
        e.fetchedAt());
  }

  static SourceState state(SourceState s) {
    return new SourceState(text(s.sourceId()), text(s.url()), text(s.etag()),
        text(s.lastModified()), s.nextPoll(), s.failures(), s.lastFetch(), s.lastStatus(),
        text(s.lastError()), text(s.errorCode()), s.gone());
  }

  static SourceConfig source(SourceConfig c) {
    return new SourceConfig(text(c.id()), text(c.title()), text(c.url()), c.tags(),
        c.interval(), c.enabled());
  }
}
