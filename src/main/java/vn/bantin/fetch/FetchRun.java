package vn.bantin.fetch;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import java.net.InetAddress;
import java.time.InstantSource;
import vn.bantin.config.Settings;
import vn.bantin.model.Failure;
import vn.bantin.model.FailureCode;

/**
 * One fetch from admission to result: the hop loop (resolve and check, request, redirect), the
 * body, and the absolute deadline over all of it. Runs on the fetcher's event loop, except the
 * inflating of a gzip body, which runs on a worker one chunk at a time while the response waits;
 * completes exactly once, and whatever is still in flight then is reset.
 */
final class FetchRun {

  /** A redirect or error body is read and dropped up to this, to keep the connection. */
  private static final long DRAIN_LIMIT = 64 * 1024;

  private final Vertx vertx;
  private final HttpClient client;
  private final Settings.Fetch settings;
  private final CheckedResolver resolver; // null when private networks are allowed
  private final InstantSource clock;
  private final FetchRequest request;
  private final Redirects redirects;
  private final Promise<FetchResult> result = Promise.promise();
  private long deadlineTimer;
  private HttpClientRequest inFlight;
  private boolean inFlightOpen;
  private BodyCollector body;
  private Future<Failure> decoding; // the chunk being inflated on a worker, if any
  private Integer status; // of the current hop's response, null until it comes
  private boolean done;

  FetchRun(Vertx vertx, HttpClient client, Settings.Fetch settings, CheckedResolver resolver,
      InstantSource clock, FetchRequest request, FetchUrl start) {
    this.vertx = vertx;
    this.client = client;
    this.settings = settings;
    this.resolver = resolver;
    this.clock = clock;
    this.request = request;
    this.redirects = new Redirects(start, settings.maxRedirects());
  }

  /** Starts the deadline, then the first hop; the future never fails. */
  Future<FetchResult> start(FetchUrl url) {
    long deadline = Math.max(1, settings.deadline().toMillis());
    deadlineTimer = vertx.setTimer(deadline, id -> finish(failed(new Failure(FailureCode.TIMEOUT,
        "no complete answer within " + deadline + " ms"))));
    hop(url);
    return result.future();
  }

  private void hop(FetchUrl url) {
    abandonInFlight();
    status = null;
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
      created = client.request(HopRequest.options(url, connectTo, request, settings));
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
    drain(response).onComplete(drained -> {
      if (done) {
        return;
      }
      if (status == 304) {
        finish(new FetchResult.NotModified(url.text(), redirects.permanentUrl(),
            ResponseHeaders.maxAge(response, clock.instant())));
      } else if (Redirects.isRedirect(status)) {
        var step = redirects.follow(url, status, response.getHeader(HttpHeaders.LOCATION));
        if (step.failure() != null) {
          finish(new FetchResult.Failed(step.failure(), status, null, redirects.permanentUrl()));
        } else {
          hop(step.next());
        }
      } else {
        finish(ResponseHeaders.statusFailure(response, clock.instant(),
            redirects.permanentUrl()));
      }
    });
  }

  private void receive(FetchUrl url, HttpClientResponse response) {
    String encoding = response.getHeader(HttpHeaders.CONTENT_ENCODING);
    body = BodyCollector.forEncoding(encoding, settings.maxBodyBytes(),
        settings.maxDecodedBytes());
    if (body == null) {
      finish(failed(new Failure(FailureCode.UNSUPPORTED_ENCODING,
          "Content-Encoding '" + encoding + "' was not asked for")));
      return;
    }
    long declared = ResponseHeaders.contentLength(response);
    if (declared > settings.maxBodyBytes()) {
      // Refused before reading a byte; finish() resets the request.
      finish(failed(new Failure(FailureCode.BODY_TOO_LARGE, "Content-Length " + declared
          + " over " + settings.maxBodyBytes() + " bytes")));
      return;
    }
    boolean inflate = body.isGzipped();
    response.handler(chunk -> {
      if (done) {
        return;
      }
      if (!inflate) {
        Failure failure = body.accept(chunk.getBytes());
        if (failure != null) {
          finish(failed(failure)); // resets the request: nothing more is read
        }
        return;
      }
      // Inflating runs on a worker, one chunk at a time with the response paused: 64 KB of a
      // gzip bomb expands to tens of megabytes, a quarter second that would stall the event loop.
      response.pause();
      byte[] bytes = chunk.getBytes();
      decoding = vertx.executeBlocking(() -> body.accept(bytes), false);
      decoding.onComplete(decoded -> {
        if (done) {
          return;
        }
        Failure failure = decoded.succeeded() ? decoded.result() : Failures.of(decoded.cause());
        if (failure != null) {
          finish(failed(failure));
        } else {
          response.resume();
        }
      });
    });
    response.endHandler(end -> {
      inFlightOpen = false;
      Failure failure = body.finish();
      finish(failure != null ? failed(failure)
          : new FetchResult.Fetched(url.text(), redirects.permanentUrl(), body.body(),
              response.getHeader(HttpHeaders.CONTENT_TYPE),
              response.getHeader(HttpHeaders.ETAG),
              response.getHeader(HttpHeaders.LAST_MODIFIED),
              ResponseHeaders.maxAge(response, clock.instant())));
    });
  }

  /** Reads and drops a body we do not need; one over the limit is cut by the next reset. */
  private Future<Void> drain(HttpClientResponse response) {
    Promise<Void> drained = Promise.promise();
    long[] seen = {0};
    response.handler(chunk -> {
      seen[0] += chunk.length();
      if (seen[0] > DRAIN_LIMIT) {
        drained.tryComplete();
      }
    });
    response.exceptionHandler(error -> drained.tryComplete());
    response.endHandler(end -> {
      inFlightOpen = false;
      drained.tryComplete();
    });
    return drained.future();
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
    vertx.cancelTimer(deadlineTimer);
    abandonInFlight();
    if (body != null) {
      BodyCollector collected = body;
      if (decoding != null && !decoding.isComplete()) {
        decoding.onComplete(ignored -> collected.close()); // a worker still holds the inflater
      } else {
        collected.close();
      }
    }
    result.complete(outcome);
  }
}
