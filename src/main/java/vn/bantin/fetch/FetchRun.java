package vn.bantin.fetch;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import java.net.InetAddress;
import vn.bantin.model.Failure;
import vn.bantin.model.FailureCode;

/**
 * One fetch from admission to result: the hop loop (resolve and check, request, redirect), the
 * body ({@link BodyRead}), and the absolute deadline over all of it ({@link Deadlines}). Runs on
 * the fetcher's event loop; completes exactly once, and whatever is still in flight then is
 * reset.
 */
final class FetchRun {

  /** A redirect or error body is read and dropped up to this, to keep the connection. */
  private static final long DRAIN_LIMIT = 64 * 1024;

  private final FetchShared shared;
  private final FetchRequest request;
  private final Redirects redirects;
  private final Handler<FetchResult> onOutcome; // called once, by finish
  private Deadlines.Entry deadline;
  private HttpClientRequest inFlight;
  private boolean inFlightOpen;
  private BodyRead body; // of a 200, once one came
  private Integer status; // of the current hop's response, null until it comes
  private boolean done;

  FetchRun(FetchShared shared, FetchRequest request, FetchUrl start,
      Handler<FetchResult> onOutcome) {
    this.shared = shared;
    this.request = request;
    this.redirects = new Redirects(start, shared.settings().maxRedirects());
    this.onOutcome = onOutcome;
  }

  /**
   * Starts the deadline, then the first hop. Never throws: the handler given at construction
   * hears every outcome, once (a callback, not a future: one fewer promise and dispatch per fetch).
   */
  void start(FetchUrl url) {
    Deadlines deadlines = shared.deadlines();
    deadline = deadlines.start(() -> finish(failed(new Failure(FailureCode.TIMEOUT,
        "no complete answer within " + deadlines.allowanceMillis() + " ms"))));
    try {
      hop(url);
    } catch (RuntimeException e) {
      finish(failed(Failures.of(e)));
    }
  }

  private void hop(FetchUrl url) {
    abandonInFlight();
    status = null;
    CheckedResolver resolver = shared.resolver();
    if (resolver == null) {
      send(url, null);
      return;
    }
    resolver.resolve(url.host()).onSuccess(checked -> {
      if (done) {
        return;
      }
      if (checked.failure() != null) {
        finish(failed(checked.failure()));
      } else {
        send(url, checked.address());
      }
    });
  }

  private void send(FetchUrl url, InetAddress connectTo) {
    Future<HttpClientRequest> created;
    try {
      created = shared.client().request(shared.hops().options(url, connectTo));
    } catch (RuntimeException e) { // e.g. the client was closed under us
      finish(failed(Failures.of(e)));
      return;
    }
    created.onComplete(ar -> {
      if (ar.failed()) {
        finish(failed(Failures.of(ar.cause())));
      } else if (done) {
        ar.result().reset(); // the deadline passed while connecting
      } else {
        HttpClientRequest exchange = ar.result();
        inFlight = exchange;
        inFlightOpen = true;
        // Errors of an exchange we reset ourselves (an earlier hop, or after finish) are
        // expected and ignored.
        exchange.exceptionHandler(error -> failIfCurrent(exchange, error));
        try {
          HopRequest.addValidators(exchange, request);
        } catch (RuntimeException e) { // a validator Vert.x refuses as a header value
          finish(failed(Failures.of(e)));
          return;
        }
        exchange.send().onComplete(answer -> {
          if (answer.failed()) {
            failIfCurrent(exchange, answer.cause());
          } else if (!done) {
            onResponse(url, answer.result());
          }
        });
      }
    });
  }

  private void onResponse(FetchUrl url, HttpClientResponse response) {
    int status = response.statusCode();
    this.status = status;
    response.exceptionHandler(error -> failIfCurrent(response.request(), error));
    if (status == 200) {
      receive(url, response);
      return;
    }
    BodyRead.drain(response, DRAIN_LIMIT, ended -> inFlightOpen = false, drained -> {
      if (done) {
        return;
      }
      if (status == 304) {
        finish(new FetchResult.NotModified(url.text(), redirects.permanentUrl(),
            ResponseHeaders.maxAge(response, shared.clock().instant())));
      } else if (Redirects.isRedirect(status)) {
        var step = redirects.follow(url, status, response.getHeader(HttpHeaders.LOCATION));
        if (step.failure() != null) {
          finish(new FetchResult.Failed(step.failure(), status, null, redirects.permanentUrl()));
        } else {
          hop(step.next());
        }
      } else {
        finish(ResponseHeaders.statusFailure(response, shared.clock().instant(),
            redirects.permanentUrl()));
      }
    });
  }

  private void receive(FetchUrl url, HttpClientResponse response) {
    body = new BodyRead(shared.inflatePool(), shared.settings());
    body.start(response, ended -> inFlightOpen = false, new BodyRead.Listener() {
      @Override
      public void read(byte[] bytes) {
        finish(new FetchResult.Fetched(url.text(), redirects.permanentUrl(), bytes,
            response.getHeader(HttpHeaders.CONTENT_TYPE), response.getHeader(HttpHeaders.ETAG),
            response.getHeader(HttpHeaders.LAST_MODIFIED),
            ResponseHeaders.maxAge(response, shared.clock().instant())));
      }

      @Override
      public void failed(Failure failure) {
        finish(FetchRun.this.failed(failure)); // resets the request: nothing more is read
      }
    });
  }

  /** A failure of the current hop, with its status once one came (a body cut short). */
  private FetchResult.Failed failed(Failure failure) {
    return new FetchResult.Failed(failure, status, null, redirects.permanentUrl());
  }

  private void failIfCurrent(HttpClientRequest exchange, Throwable error) {
    if (exchange == inFlight) {
      finish(failed(Failures.of(error)));
    }
  }

  private void abandonInFlight() {
    HttpClientRequest abandoned = inFlight;
    inFlight = null;
    if (abandoned != null && inFlightOpen) {
      abandoned.reset(); // closes the connection: the rest of its answer is not wanted
    }
    inFlightOpen = false;
  }

  /** Completes once: stops the deadline, resets an unfinished exchange, frees the inflater. */
  private void finish(FetchResult outcome) {
    if (done) {
      return;
    }
    done = true;
    shared.deadlines().end(deadline);
    abandonInFlight();
    if (body != null) {
      body.stop();
    }
    onOutcome.handle(outcome);
  }
}
