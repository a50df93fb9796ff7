package vn.bantin.fetch;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.net.InetAddress;
import vn.bantin.config.Settings;

/**
 * Builds the request of one hop: where to connect, the headers every fetch sends and the
 * conditional GET headers of this one. One per fetcher; safe on any thread.
 */
final class HopRequest {

  /** Feed formats first; anything else is still read (servers label feeds every which way). */
  static final String ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json,"
      + " application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8";

  private final Settings.Fetch settings;
  /**
   * The headers every request sends, built and validated once and never changed after: Vert.x
   * copies them into each request. Options built with putHeader made and validated a header map
   * per request, which the request then copied again (a fifth of the allocation of an unchanged
   * poll cycle; bench/README.md, "Poll cycle").
   */
  private final MultiMap common;

  HopRequest(Settings.Fetch settings) {
    this.settings = settings;
    this.common = HttpHeaders.headers()
        .set(HttpHeaders.USER_AGENT, settings.userAgent())
        .set(HttpHeaders.ACCEPT, ACCEPT)
        // Only gzip: it is what feed servers send, and it is decoded under our own cap.
        .set(HttpHeaders.ACCEPT_ENCODING, "gzip");
  }

  /**
   * Options for a GET of {@code url} with the common headers; {@link #addValidators} adds the
   * conditional ones to the request made from them.
   *
   * @param connectTo the vetted address to connect to, or {@code null} to let Vert.x resolve
   *     the host (private networks allowed)
   */
  RequestOptions options(FetchUrl url, InetAddress connectTo) {
    RequestOptions options = new RequestOptions()
        .setMethod(HttpMethod.GET)
        .setHost(url.host().indexOf(':') >= 0 ? "[" + url.host() + "]" : url.host())
        .setPort(url.port())
        .setSsl(url.https())
        .setURI(url.target())
        .setFollowRedirects(false) // Redirects follows them, checking every hop
        .setConnectTimeout(settings.connectTimeout().toMillis())
        .setHeaders(common);
    if (connectTo != null) {
      // Host and port still make the Host header, the TLS SNI and the certificate check; only
      // the socket goes to the address that was checked (no second lookup to rebind).
      options.setServer(SocketAddress.inetSocketAddress(url.port(), connectTo.getHostAddress()));
    } else if (url.host().indexOf(':') >= 0) {
      // An IPv6 literal: the bracketed form makes a valid Host header (RFC 9110 §7.2), the bare
      // one is what to dial.
      options.setServer(SocketAddress.inetSocketAddress(url.port(), url.host()));
    }
    return options;
  }

  /**
   * Conditional GET (RFC 9110 §13.1.2, §13.1.3): the validators travel as the upstream sent
   * them, on every hop.
   */
  static void addValidators(HttpClientRequest exchange, FetchRequest request) {
    if (request.etag() != null && !request.etag().isBlank()) {
      exchange.putHeader(HttpHeaders.IF_NONE_MATCH, request.etag());
    }
    if (request.lastModified() != null && !request.lastModified().isBlank()) {
      exchange.putHeader(HttpHeaders.IF_MODIFIED_SINCE, request.lastModified());
    }
  }
}
