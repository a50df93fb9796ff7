package vn.bantin.metrics;

/**
 * Vert.x's bookkeeping of one request in flight, as its micrometer meters keep it: the request is
 * active until both its sides have ended, or until it is reset (then at once, whatever ends
 * afterwards). Confined to the connection's event loop.
 */
abstract class BothEnds {
  private boolean requestEnded;
  private boolean responseEnded;
  private boolean reset;

  /** Marks the request side ended; true when the request is now over on both sides. */
  final boolean requestEnded() {
    requestEnded = true;
    return !reset && responseEnded;
  }

  /** Marks the response side ended; true when the request is now over on both sides. */
  final boolean responseEnded() {
    responseEnded = true;
    return !reset && requestEnded;
  }

  /** Marks the request reset: neither side ending counts any more. */
  final void reset() {
    reset = true;
  }
}
