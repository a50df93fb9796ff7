package vn.bantin.model;

import java.util.Locale;

/** Stable codes for what can go wrong while polling a source; {@link #id()} is the public form. */
public enum FailureCode {
  /** The URL is not http(s) or cannot be parsed. */
  BAD_URL,
  /** The host name did not resolve. */
  DNS_FAILED,
  /** The host resolved to a loopback, private, link-local or otherwise non-public address. */
  ADDRESS_BLOCKED,
  /** The TCP or TLS connection could not be made. */
  CONNECT_FAILED,
  /** The connect timeout or the absolute fetch deadline passed. */
  TIMEOUT,
  /** The upstream answered with an unexpected status (4xx, 5xx). */
  HTTP_STATUS,
  /** The upstream asked us to slow down (429 or 503 with Retry-After). */
  RATE_LIMITED,
  /** 410 Gone: the source is disabled. */
  GONE,
  /** More redirects than allowed, a loop, or a redirect to another scheme. */
  TOO_MANY_REDIRECTS,
  /** A redirect without a usable Location. */
  BAD_REDIRECT,
  /** The body (raw or decoded) exceeded the configured cap. */
  BODY_TOO_LARGE,
  /** A Content-Encoding we did not ask for or cannot decode. */
  UNSUPPORTED_ENCODING,
  /** The body is not well-formed XML. */
  XML_MALFORMED,
  /** The document has a DOCTYPE, which we never process (XXE, entity expansion). */
  DOCTYPE_FORBIDDEN,
  /** Elements nested deeper than the configured maximum. */
  TOO_DEEP,
  /** Well-formed, but not RSS, Atom or JSON Feed. */
  NOT_A_FEED,
  /** The body is not valid JSON, or a JSON document that is not a JSON Feed. */
  JSON_MALFORMED,
  /** The declared charset is unknown. */
  CHARSET_UNSUPPORTED,
  /** The store refused the write; validators were left where they were. */
  STORE_FAILED,
  /** A bug: an unexpected exception. */
  INTERNAL;

  /** The lower-case public form, e.g. {@code body_too_large}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
