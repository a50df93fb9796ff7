package vn.bantin.refresh;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.bantin.config.Settings;
import vn.bantin.config.SourceConfig;
import vn.bantin.fetch.FetchRequest;
import vn.bantin.fetch.FetchResult;
import vn.bantin.fetch.Fetcher;
import vn.bantin.metrics.Metrics;
import vn.bantin.model.Entry;
import vn.bantin.model.Failure;
import vn.bantin.model.FailureCode;
import vn.bantin.model.SourceState;
import vn.bantin.normalize.Normalizer;
import vn.bantin.parse.FeedParseException;
import vn.bantin.parse.FeedParser;
import vn.bantin.store.IngestResult;
import vn.bantin.store.Store;

/**
 * Polls one source through the whole pipeline: fetch, parse, normalize, store. The returned
 * future never fails: every failure ends as a {@link PollOutcome} with a {@link Failure} and the
 * source's new state, already stored.
 */
public final class Refresher {
  private static final Logger LOG = Logger.getLogger(Refresher.class.getName());
  /**
   * Fetched bodies parsed or stored at once (see {@link IngestGate}): two per core keep every
   * core parsing; twelve more let the store's one writer find about ten polls queued, which share
   * a commit (bench/floor.sh: 75 µs per entry at 10 polls per commit, 131 at 2).
   */
  static final int INGEST_LIMIT = 2 * Runtime.getRuntime().availableProcessors() + 12;

  private final Fetcher fetcher;
  private final FeedParser parser;
  private final Normalizer normalizer;
  private final Store store;
  private final WorkerExecutor parsePool;
  private final PollTiming timing;
  private final InstantSource clock;
  private final Metrics metrics;
  private final IngestGate gate = new IngestGate(INGEST_LIMIT);

  /** {@code parsePool} runs parse and normalize; {@code random} draws the jitter. */
  public Refresher(Fetcher fetcher, FeedParser parser, Normalizer normalizer, Store store,
      WorkerExecutor parsePool, Settings.Poll poll, RandomGenerator random, InstantSource clock,
      Metrics metrics) {
    this.fetcher = fetcher;
    this.parser = parser;
    this.normalizer = normalizer;
    this.store = store;
    this.parsePool = parsePool;
    this.timing = new PollTiming(poll, random);
    this.clock = clock;
    this.metrics = metrics;
  }

  /**
   * The context a poll is best started on: the fetcher's event loop. There the fetch starts
   * without a task queued, and its result, the store's answer and whatever the caller does next
   * come back to the one thread instead of crossing to another event loop and back per poll.
   */
  public Context context() {
    return fetcher.context();
  }

  /** Polls {@code source} now, starting from its stored {@code state}. */
  public Future<PollOutcome> refresh(SourceConfig source, SourceState state) {
    String url = state.url() != null ? state.url() : source.url();
    Instant started = clock.instant();
    return fetcher.fetch(new FetchRequest(url, state.etag(), state.lastModified()))
        .compose(result -> {
          metrics.fetchDone(outcomeTag(result), Duration.between(started, clock.instant()));
          String polledUrl = result.permanentUrl() != null ? result.permanentUrl() : url;
          if (result instanceof FetchResult.Fetched fetched) {
            return ingest(source, state, polledUrl, fetched);
          } else if (result instanceof FetchResult.NotModified notModified) {
            SourceState next = succeeded(source, state, polledUrl, 304, notModified.maxAge());
            Future<Void> saved = state.sameButTimes(next)
                ? store.savePollTimes(next) : store.savePollState(next);
            return saved.map(v ->
                new PollOutcome(next, PollOutcome.Kind.NOT_MODIFIED, IngestResult.NOTHING, null));
          }
          FetchResult.Failed failed = (FetchResult.Failed) result;
          return fail(source, state, polledUrl, failed.status(), failed.failure(),
              failed.retryAfter());
        })
        .recover(bug -> {
          LOG.log(Level.SEVERE, "refresh of " + source.id() + " failed unexpectedly", bug);
          return fail(source, state, url, null, new Failure(FailureCode.INTERNAL,
              String.valueOf(bug.getMessage())), null);
        });
  }

  private Future<PollOutcome> ingest(SourceConfig source, SourceState state, String polledUrl,
      FetchResult.Fetched fetched) {
    Instant fetchedAt = clock.instant();
    return gate.enter()
        .compose(v -> parseAndStore(source, state, polledUrl, fetched, fetchedAt))
        .andThen(done -> gate.leave());
  }

  private Future<PollOutcome> parseAndStore(SourceConfig source, SourceState state,
      String polledUrl, FetchResult.Fetched fetched, Instant fetchedAt) {
    return parsePool.executeBlocking(() -> entriesOf(source, fetched, fetchedAt), false)
        .compose(entries -> {
          SourceState next = succeeded(source, state, polledUrl, 200, fetched.maxAge());
          SourceState withValidators = withValidators(next, fetched.etag(), fetched.lastModified());
          return store.ingest(withValidators, entries)
              .map(result -> {
                metrics.entries(result.newStories(), result.joined());
                return new PollOutcome(withValidators, PollOutcome.Kind.FETCHED, result, null);
              })
              .recover(storeError -> {
                LOG.log(Level.WARNING, "store refused " + source.id(), storeError);
                return fail(source, state, polledUrl, 200, new Failure(FailureCode.STORE_FAILED,
                    String.valueOf(storeError.getMessage())), null);
              });
        }, parseError -> {
          Failure failure = parseError instanceof FeedParseException e
              ? e.failure()
              : new Failure(FailureCode.INTERNAL, String.valueOf(parseError));
          metrics.parseFailure(failure.code().id());
          return fail(source, state, polledUrl, 200, failure, null);
        });
  }

  private List<Entry> entriesOf(SourceConfig source, FetchResult.Fetched fetched,
      Instant fetchedAt) throws FeedParseException {
    var feed = parser.parse(fetched.body(), fetched.contentType(), fetched.finalUrl());
    return normalizer.normalize(source.id(), feed, fetched.finalUrl(), fetchedAt);
  }

  /** Stores the failure without touching validators; a store error here is logged only. */
  private Future<PollOutcome> fail(SourceConfig source, SourceState state, String polledUrl,
      Integer status, Failure failure, Duration retryAfter) {
    Instant now = clock.instant();
    int failures = state.failures() + 1;
    boolean gone = failure.code() == FailureCode.GONE;
    SourceState next = new SourceState(state.sourceId(), urlToKeep(source, polledUrl),
        state.etag(), state.lastModified(),
        timing.afterFailure(now, source.interval(), failures, retryAfter), failures, now, status,
        failure.message(), failure.code().id(), gone);
    PollOutcome outcome = new PollOutcome(next, PollOutcome.Kind.FAILED, IngestResult.NOTHING,
        failure);
    return store.savePollState(next)
        .map(v -> outcome)
        .otherwise(e -> {
          LOG.log(Level.WARNING, "could not store the state of " + source.id(), e);
          return outcome;
        });
  }

  /**
   * How an attempt to poll {@code source} ends when the store cannot be reached to lease it:
   * nothing fetched, nothing stored (the validators stay where the store has them), the
   * failure counted as {@code store_failed} in the returned state, which is not stored either.
   */
  public PollOutcome storeUnreachable(SourceConfig source, SourceState state, Throwable cause) {
    SourceState next = new SourceState(state.sourceId(), state.url(), state.etag(),
        state.lastModified(), state.nextPoll(), state.failures() + 1, clock.instant(), null,
        "the store cannot be reached: " + cause.getMessage(), FailureCode.STORE_FAILED.id(),
        state.gone());
    return new PollOutcome(next, PollOutcome.Kind.FAILED, IngestResult.NOTHING,
        new Failure(FailureCode.STORE_FAILED, next.lastError()));
  }

  private SourceState succeeded(SourceConfig source, SourceState state, String polledUrl,
      int status, Duration maxAge) {
    Instant now = clock.instant();
    return new SourceState(state.sourceId(), urlToKeep(source, polledUrl), state.etag(),
        state.lastModified(), timing.afterSuccess(now, source.interval(), maxAge), 0, now, status,
        null, null, false);
  }

  private static SourceState withValidators(SourceState s, String etag, String lastModified) {
    return new SourceState(s.sourceId(), s.url(), etag, lastModified, s.nextPoll(), s.failures(),
        s.lastFetch(), s.lastStatus(), s.lastError(), s.errorCode(), s.gone());
  }

  /** The configured URL is implied by {@code null}; only a moved URL is stored. */
  private static String urlToKeep(SourceConfig source, String polledUrl) {
    return polledUrl.equals(source.url()) ? null : polledUrl;
  }

  private static String outcomeTag(FetchResult result) {
    if (result instanceof FetchResult.Failed failed) {
      return failed.failure().code().id();
    }
    return result instanceof FetchResult.NotModified ? "not_modified" : "fetched";
  }
}
