package vn.bantin.fetch;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import vn.bantin.config.Settings;
import vn.bantin.model.Failure;
import vn.bantin.model.FailureCode;

/**
 * Reads the body of one 200 response under the fetch's caps: refuses an encoding we did not ask
 * for and a declared length over the cap before reading a byte, takes plain chunks on the event
 * loop and inflates gzip chunks on a worker, one at a time with the response paused. Tells its
 * listener once, unless {@link #stop} came first; confined to the fetcher's event loop.
 */
final class BodyRead {

  /** How a body read ends. */
  interface Listener {
    /** The whole body, decoded and within the caps. */
    void read(byte[] body);

    /** Why there is no body; the caller resets the exchange, nothing more is read. */
    void failed(Failure failure);
  }

  private final WorkerExecutor inflatePool;
  private final Settings.Fetch settings;
  private BodyCollector collector;
  private Future<Failure> decoding; // the chunk being inflated on a worker, if any
  private boolean stopped;

  BodyRead(WorkerExecutor inflatePool, Settings.Fetch settings) {
    this.inflatePool = inflatePool;
    this.settings = settings;
  }

  /**
   * Starts reading {@code response}'s body; {@code listener} hears how it ends. {@code ended}
   * runs first when the body came to its end (the exchange is complete, no reset needed).
   */
  void start(HttpClientResponse response, Handler<Void> ended, Listener listener) {
    String encoding = response.getHeader(HttpHeaders.CONTENT_ENCODING);
    collector = BodyCollector.forEncoding(encoding, settings.maxBodyBytes(),
        settings.maxDecodedBytes());
    if (collector == null) {
      listener.failed(new Failure(FailureCode.UNSUPPORTED_ENCODING,
          "Content-Encoding '" + encoding + "' was not asked for"));
      return;
    }
    long declared = ResponseHeaders.contentLength(response);
    if (declared > settings.maxBodyBytes()) {
      listener.failed(new Failure(FailureCode.BODY_TOO_LARGE, "Content-Length " + declared
          + " over " + settings.maxBodyBytes() + " bytes"));
      return;
    }
    response.handler(collector.isGzipped()
        ? chunk -> inflate(response, chunk.getBytes(), listener)
        : chunk -> take(chunk.getBytes(), listener));
    response.endHandler(end -> {
      ended.handle(null);
      if (stopped) {
        return;
      }
      Failure failure = collector.finish();
      if (failure != null) {
        listener.failed(failure);
      } else {
        listener.read(collector.body());
      }
    });
  }

  private void take(byte[] chunk, Listener listener) {
    if (stopped) {
      return;
    }
    Failure failure = collector.accept(chunk);
    if (failure != null) {
      listener.failed(failure);
    }
  }

  private void inflate(HttpClientResponse response, byte[] chunk, Listener listener) {
    if (stopped) {
      return;
    }
    // Inflating runs on a worker, one chunk at a time with the response paused: 64 KB of a gzip
    // bomb expands to tens of megabytes, a quarter second that would stall the event loop.
    response.pause();
    decoding = inflatePool.executeBlocking(() -> collector.accept(chunk), false);
    decoding.onComplete(decoded -> {
      if (stopped) {
        return;
      }
      Failure failure = decoded.succeeded() ? decoded.result() : Failures.of(decoded.cause());
      if (failure != null) {
        listener.failed(failure);
      } else {
        response.resume();
      }
    });
  }

  /** Stops listening and frees the inflater, once a worker inflating a chunk is done with it. */
  void stop() {
    stopped = true;
    if (collector == null) {
      return;
    }
    BodyCollector collected = collector;
    if (decoding != null && !decoding.isComplete()) {
      decoding.onComplete(ignored -> collected.close());
    } else {
      collected.close();
    }
  }

  /**
   * Reads and drops a body we do not need, up to {@code limit} bytes; one over it is cut by the
   * next reset. {@code ended} runs when the body came to its end; {@code drained} once, at the
   * end, on an error, or when the limit is passed.
   */
  static void drain(HttpClientResponse response, long limit, Handler<Void> ended,
      Handler<Void> drained) {
    long[] seen = {0};
    boolean[] told = {false};
    Handler<Void> once = v -> {
      if (!told[0]) {
        told[0] = true;
        drained.handle(null);
      }
    };
    response.handler(chunk -> {
      seen[0] += chunk.length();
      if (seen[0] > limit) {
        once.handle(null);
      }
    });
    response.exceptionHandler(error -> once.handle(null));
    response.endHandler(end -> {
      ended.handle(null);
      once.handle(null);
    });
  }
}
