package vn.bantin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The catalogue of hostile and broken upstreams {@link HostileUpstreamIT} polls at once: each
 * case's source id, the error code its status must show, and how the upstream plays it. Entity
 * and DTD URLs all lie under {@code /entity/}, which must never see a request.
 */
final class HostileCatalogue {
  private static final String RSS = "application/rss+xml";

  private final HostileUpstream upstream;
  private final BlackHole blackHole;
  private final Path secretFile;

  /** {@code secretFile} is what the file entity names; it must never show anywhere. */
  HostileCatalogue(HostileUpstream upstream, BlackHole blackHole, Path secretFile) {
    this.upstream = upstream;
    this.blackHole = blackHole;
    this.secretFile = secretFile;
  }

  /** The catalogue: each hostile source and the error code its status must show. */
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("xxe-file", "doctype_forbidden"),
        Arguments.of("xxe-http", "doctype_forbidden"),
        Arguments.of("xxe-parameter", "doctype_forbidden"),
        Arguments.of("external-dtd", "doctype_forbidden"),
        Arguments.of("billion-laughs", "doctype_forbidden"),
        Arguments.of("quadratic-blowup", "doctype_forbidden"),
        Arguments.of("xxe-utf16-bom", "doctype_forbidden"),
        Arguments.of("xxe-utf16-no-bom", "doctype_forbidden"),
        Arguments.of("deep-nesting", "too_deep"),
        Arguments.of("malformed", "xml_malformed"),
        Arguments.of("truncated", "xml_malformed"),
        Arguments.of("html-page", "not_a_feed"),
        Arguments.of("empty-body", "xml_malformed"),
        Arguments.of("not-a-feed", "not_a_feed"),
        Arguments.of("json-malformed", "json_malformed"),
        Arguments.of("charset-unknown", "charset_unsupported"),
        Arguments.of("drip", "timeout"),
        Arguments.of("headers-never-come", "timeout"),
        Arguments.of("connect-never-completes", "timeout"),
        Arguments.of("connection-refused", "connect_failed"),
        Arguments.of("huge-content-length", "body_too_large"),
        Arguments.of("endless-chunked", "body_too_large"),
        Arguments.of("gzip-bomb", "body_too_large"),
        Arguments.of("brotli-unasked", "unsupported_encoding"),
        Arguments.of("redirect-loop", "too_many_redirects"),
        Arguments.of("six-hops", "too_many_redirects"),
        Arguments.of("redirect-to-ftp", "bad_redirect"),
        Arguments.of("redirect-without-location", "bad_redirect"),
        Arguments.of("not-found", "http_status"),
        Arguments.of("server-error", "http_status"),
        Arguments.of("too-many-requests", "rate_limited"),
        Arguments.of("unavailable-until-date", "rate_limited"),
        Arguments.of("gone", "gone"));
  }

  /** Scripts the upstream for source {@code id}; returns the URL bantin is to poll. */
  String play(String id) {
    String entity = upstream.url("/entity/" + id);
    return switch (id) {
      case "xxe-file" -> upstream.body("/" + id, RSS, HostileFeeds.withUrl("xxe_file_entity.xml",
          secretFile.toUri().toString()));
      case "xxe-http" -> upstream.body("/" + id, RSS,
          HostileFeeds.withUrl("xxe_http_entity.xml", entity));
      case "xxe-parameter" -> upstream.body("/" + id, RSS,
          HostileFeeds.withUrl("xxe_parameter_entity.xml", entity));
      case "external-dtd" -> upstream.body("/" + id, RSS,
          HostileFeeds.withUrl("external_dtd.xml", entity));
      case "billion-laughs" -> upstream.resource("/" + id, RSS, "parse/billion_laughs.xml");
      case "quadratic-blowup" -> upstream.body("/" + id, RSS, HostileFeeds.quadraticBlowup());
      case "xxe-utf16-bom" -> upstream.body("/" + id, "application/xml",
          HostileFeeds.utf16(HostileFeeds.withUrl("xxe_http_entity.xml", entity), true));
      case "xxe-utf16-no-bom" -> upstream.body("/" + id, "application/xml",
          HostileFeeds.utf16(HostileFeeds.withUrl("xxe_http_entity.xml", entity), false));
      case "deep-nesting" -> upstream.body("/" + id, RSS, HostileFeeds.deeplyNested(11_000));
      case "malformed" -> upstream.resource("/" + id, RSS, "e2e/malformed_truncated.xml");
      case "truncated" -> upstream.resource("/" + id, RSS, "parse/truncated.xml");
      case "html-page" -> upstream.resource("/" + id, "text/html", "parse/html_page.html");
      case "empty-body" -> upstream.body("/" + id, RSS, new byte[0]);
      case "not-a-feed" -> upstream.resource("/" + id, "application/xml", "parse/not_a_feed.xml");
      case "json-malformed" -> upstream.body("/" + id, "application/feed+json",
          "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [".getBytes(
              StandardCharsets.UTF_8));
      case "charset-unknown" -> upstream.body("/" + id, RSS,
          "<?xml version=\"1.0\" encoding=\"x-khong-co\"?><rss version=\"2.0\"/>".getBytes(
              StandardCharsets.US_ASCII));
      case "drip" -> upstream.drip("/" + id, 200);
      case "headers-never-come" -> upstream.silent("/" + id);
      case "connect-never-completes" -> blackHole.url("/" + id);
      case "connection-refused" -> closedPortUrl("/" + id);
      case "huge-content-length" -> upstream.hugeLength("/" + id, 50_000_000_000L);
      case "endless-chunked" -> upstream.endless("/" + id);
      case "gzip-bomb" -> upstream.gzipBomb("/" + id, 64 << 20);
      case "brotli-unasked" -> upstream.encoded("/" + id, "br",
          HostileUpstream.read("e2e/rss20_two_items.xml"));
      case "redirect-loop" -> {
        upstream.redirect("/loop/b", "/loop/a");
        yield upstream.redirect("/loop/a", "/loop/b");
      }
      case "six-hops" -> {
        for (int hop = 1; hop <= 6; hop++) {
          upstream.redirect("/hop/" + hop, "/hop/" + (hop + 1));
        }
        upstream.resource("/hop/7", RSS, "e2e/rss20_two_items.xml");
        yield upstream.url("/hop/1");
      }
      case "redirect-to-ftp" -> upstream.redirect("/" + id, "ftp://127.0.0.1/feed.xml");
      case "redirect-without-location" -> upstream.status("/" + id, 302, "Content-Type",
          "text/plain");
      case "not-found" -> upstream.status("/" + id, 404, "Content-Type", "text/plain");
      case "server-error" -> upstream.status("/" + id, 500, "Content-Type", "text/plain");
      case "too-many-requests" -> upstream.status("/" + id, 429, "Retry-After", "7200");
      case "unavailable-until-date" -> upstream.status("/" + id, 503, "Retry-After",
          DateTimeFormatter.RFC_1123_DATE_TIME.format(
              Instant.now().plus(Duration.ofHours(3)).atOffset(ZoneOffset.UTC)));
      case "gone" -> upstream.status("/" + id, 410, "Content-Type", "text/plain");
      default -> throw new IllegalArgumentException(id);
    };
  }

  /** A loopback port nobody listens on (free a moment ago). */
  private static String closedPortUrl(String path) {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return "http://127.0.0.1:" + socket.getLocalPort() + path;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
