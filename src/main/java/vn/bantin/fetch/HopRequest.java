package vn.bantin.fetch;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.net.InetAddress;
import vn.bantin.config.Settings;

/** Builds the request of one hop: the conditional GET headers and where to connect. Pure. */
final class HopRequest {

  /** Feed formats first; anything else is still read (servers label feeds every which way). */
  static final String ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json,"
      + " application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8";

  private HopRequest() {}

  /**
   * Options for a GET of {@code url}.
   *
   * @param connectTo the vetted address to connect to, or {@code null} to let Vert.x resolve
   *     the host (private networks allowed)
   */
  static RequestOptions options(FetchUrl url, InetAddress connectTo, FetchRequest request,
      Settings.Fetch settings) {
    RequestOptions options = new RequestOptions()
        .setMethod(HttpMethod.GET)
        .setHost(url.host().indexOf(':') >= 0 ? "[" + url.host() + "]" : url.host())
        .setPort(url.port())
        .setSsl(url.https())
        .setURI(url.target())
        .setFollowRedirects(false) // Redirects follows them, checking every hop
        .setConnectTimeout(settings.connectTimeout().toMillis())
        .putHeader(HttpHeaders.USER_AGENT, settings.userAgent())
        .putHeader(HttpHeaders.ACCEPT, ACCEPT)
        // Only gzip: it is what feed servers send, and it is decoded under our own cap.
        .putHeader(HttpHeaders.ACCEPT_ENCODING, "gzip");
    if (connectTo != null) {
      // Host and port still make the Host header, the TLS SNI and the certificate check; only
      // the socket goes to the address that was checked (no second lookup to rebind).
      options.setServer(SocketAddress.inetSocketAddress(url.port(), connectTo.getHostAddress()));
    } else if (url.host().indexOf(':') >= 0) {
      // An IPv6 literal: the bracketed form makes a valid Host header (RFC 9110 §7.2), the bare
      // one is what to dial.
      options.setServer(SocketAddress.inetSocketAddress(url.port(), url.host()));
    }
    // Conditional GET (RFC 9110 §13.1.2, §13.1.3): validators travel as the upstream sent them.
    if (request.etag() != null && !request.etag().isBlank()) {
      options.putHeader(HttpHeaders.IF_NONE_MATCH, request.etag());
    }
    if (request.lastModified() != null && !request.lastModified().isBlank()) {
      options.putHeader(HttpHeaders.IF_MODIFIED_SINCE, request.lastModified());
    }
    return options;
  }
}
