package vn.bantin.fetch;

import java.util.HashSet;
import java.util.Set;
import vn.bantin.model.Failure;
import vn.bantin.model.FailureCode;

/**
 * The redirect chain of one fetch: hop count, loop detection and the permanent URL. Redirects are
 * followed by hand, not by the HTTP client, so that every hop passes the address guard and the
 * permanent target can be told apart from a temporary one. Confined to one fetch's thread.
 */
final class Redirects {

  /** The outcome of one redirect: the next URL, or why the chain stops. */
  record Step(FetchUrl next, Failure failure) {}

  private final int maxRedirects;
  private final String start;
  /** URLs redirected to so far; made at the first redirect (most fetches have none). */
  private Set<String> visited;
  private int hops;
  private boolean permanentSoFar = true;
  private String permanentUrl;

  Redirects(FetchUrl start, int maxRedirects) {
    this.maxRedirects = maxRedirects;
    this.start = start.text();
  }

  /** 301, 302, 303, 307 and 308 are followed (RFC 9110 §15.4); 300, 304 and 305 are not. */
  static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  /**
   * Target of the chain of 301/308 from the requested URL, or {@code null}. A temporary hop
   * ends the chain: what lies behind a 302 may change, so it must not replace the stored URL.
   */
  String permanentUrl() {
    return permanentUrl;
  }

  /** Follows one redirect answer of {@code status} from {@code current}. */
  Step follow(FetchUrl current, int status, String location) {
    if (location == null || location.isBlank()) {
      return stop(FailureCode.BAD_REDIRECT, "HTTP " + status + " without Location");
    }
    FetchUrl next;
    try {
      next = current.resolve(location);
    } catch (IllegalArgumentException e) {
      return stop(FailureCode.BAD_REDIRECT, "HTTP " + status + " to a bad Location: "
          + e.getMessage());
    }
    if (visited == null) {
      visited = new HashSet<>();
      visited.add(start);
    }
    if (!visited.add(next.text())) {
      return stop(FailureCode.TOO_MANY_REDIRECTS, "redirect loop at " + next.text());
    }
    hops++;
    if (hops > maxRedirects) {
      return stop(FailureCode.TOO_MANY_REDIRECTS, "more than " + maxRedirects + " redirects");
    }
    boolean permanent = status == 301 || status == 308;
    permanentSoFar &= permanent;
    if (permanentSoFar) {
      permanentUrl = next.text();
    }
    return new Step(next, null);
  }

  private static Step stop(FailureCode code, String message) {
    return new Step(null, new Failure(code, message));
  }
}
