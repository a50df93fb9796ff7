package vn.bantin.http;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import vn.bantin.config.ConfigException;
import vn.bantin.config.ConfigService;
import vn.bantin.config.ConfigVersion;
import vn.bantin.config.FeedsConfig;
import vn.bantin.config.FeedsYamlEditor;
import vn.bantin.config.FeedsYamlEditor.Section;
import vn.bantin.config.SaveResult;

/**
 * The admin API's edits of feeds.yml as plain calls: check the If-Match precondition and the
 * item's existence against one consistent snapshot, build the new text, save it through
 * {@link ConfigService}. Blocking: runs on the admin worker, never on an event loop.
 */
final class ConfigEdits {
  /** Saves retried when someone else saved first and the request did not pin a version. */
  private static final int ATTEMPTS = 3;

  /** The version in force, its text and its configuration, read together. */
  record Snapshot(ConfigVersion version, String text, FeedsConfig config) {}

  /** Builds the new text from the old; may refuse with the editor's problems. */
  private interface TextEdit {
    String apply(String text) throws ConfigException;
  }

  private final ConfigService service;
  private final String actor;

  /** {@code actor} names the token holder in the audit log, e.g. {@code token:3f9a1c2b}. */
  ConfigEdits(ConfigService service, String actor) {
    this.service = service;
    this.actor = actor;
  }

  ConfigService service() {
    return service;
  }

  /**
   * The version in force with its text and configuration. A save landing between the reads is
   * noticed by the ETag changing, and the reads are repeated.
   */
  Snapshot snapshot() {
    Snapshot s;
    int reads = 0;
    do {
      ConfigVersion before = service.current();
      s = new Snapshot(before, service.text(), service.config());
    } while (!service.current().etag().equals(s.version().etag()) && ++reads < ATTEMPTS);
    return s;
  }

  /**
   * {@code PUT /admin/api/config}: the whole file. ConfigService checks If-Match itself, after
   * picking up any hand edit, and audits every attempt, stale ones too.
   */
  EditOutcome replace(String yaml, IfMatch ifMatch) {
    String expected = ifMatch.expected(service.current().etag());
    return new EditOutcome.Attempted(service.replace(yaml, expected, actor));
  }

  /** {@code POST /admin/api/config/rollback/{version}}; 404 for a version not kept. */
  EditOutcome rollback(int version, IfMatch ifMatch) {
    if (service.history().stream().noneMatch(v -> v.version() == version)) {
      return new EditOutcome.Refused(404, "not_found", "no saved version " + version);
    }
    String expected = ifMatch.expected(service.current().etag());
    return new EditOutcome.Attempted(service.rollback(version, expected, actor));
  }

  /** {@code POST} ({@code create}) or {@code PUT} of one source or category. */
  EditOutcome upsert(Section section, Map<String, Object> fields, boolean create,
      IfMatch ifMatch) {
    String id = (String) fields.get("id");
    return edit(ifMatch, s -> {
      boolean exists = exists(s.config(), section, id);
      if (create && exists) {
        return Optional.of(new EditOutcome.Refused(409, "exists",
            noun(section) + " " + id + " exists; PUT it to change it"));
      }
      return !create && !exists ? Optional.of(missing(section, id)) : Optional.empty();
    }, text -> FeedsYamlEditor.upsert(text, section, fields));
  }

  /** {@code DELETE} of one source or category. */
  EditOutcome remove(Section section, String id, IfMatch ifMatch) {
    return edit(ifMatch,
        s -> exists(s.config(), section, id) ? Optional.empty() : Optional.of(missing(section, id)),
        text -> FeedsYamlEditor.remove(text, section, id));
  }

  private EditOutcome edit(IfMatch ifMatch, Function<Snapshot, Optional<EditOutcome>> refusal,
      TextEdit edit) {
    for (int attempt = 1; ; attempt++) {
      Snapshot s = snapshot();
      if (!ifMatch.matches(s.version().etag())) {
        return new EditOutcome.Attempted(new SaveResult.Stale(s.version()));
      }
      Optional<EditOutcome> refused = refusal.apply(s);
      if (refused.isPresent()) {
        return refused.get();
      }
      String text;
      try {
        text = edit.apply(s.text());
      } catch (ConfigException e) {
        return new EditOutcome.Attempted(new SaveResult.Invalid(e.problems()));
      }
      SaveResult result = service.replace(text, s.version().etag(), actor);
      // A request that names no version edits whatever is current: redo it on the newer text.
      boolean pinned = ifMatch.present() && !ifMatch.any();
      if (!(result instanceof SaveResult.Stale) || pinned || attempt == ATTEMPTS) {
        return new EditOutcome.Attempted(result);
      }
    }
  }

  private static boolean exists(FeedsConfig config, Section section, String id) {
    return section == Section.SOURCES ? config.source(id).isPresent()
        : config.category(id).isPresent();
  }

  private static EditOutcome missing(Section section, String id) {
    return new EditOutcome.Refused(404, "not_found", "no " + noun(section) + " " + id);
  }

  static String noun(Section section) {
    return section == Section.SOURCES ? "source" : "category";
  }
}
