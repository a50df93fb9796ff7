package vn.bantin.refresh;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Logger;
import vn.bantin.config.FeedsConfig;
import vn.bantin.config.SourceConfig;
import vn.bantin.refresh.SourceLeases.Lease;

/**
 * An admin's "poll now" for the {@link Scheduler}: polls the sources asked for at once, due or
 * not, joining the polls already running here and leasing the others in one take, and sums them
 * up. Thread-safe; the polls start on the fetcher's event loop.
 */
final class PollsNow {
  private static final Logger LOG = Logger.getLogger(PollsNow.class.getName());

  private final Refresher refresher;
  private final SourceLeases leases;
  private final LeasedPolls polls;
  /** The scheduler's latest look for due sources, which may be leasing some of them. */
  private final Supplier<Future<List<Lease>>> looking;

  PollsNow(Refresher refresher, SourceLeases leases, LeasedPolls polls,
      Supplier<Future<List<Lease>>> looking) {
    this.refresher = refresher;
    this.leases = leases;
    this.polls = polls;
    this.looking = looking;
  }

  /** {@link Scheduler#refreshAll} of {@code config}'s sources. */
  Future<RefreshSummary> all(FeedsConfig config) {
    Context caller = Vertx.currentContext();
    Promise<RefreshSummary> all = Promise.promise();
    if (caller == polls.context()) {
      pollAll(config, all);
    } else {
      // The polls are started where they run, in one task: a hop per source onto the fetcher's
      // event loop would be a thousand tasks handed over for a thousand sources.
      polls.context().runOnContext(v -> pollAll(config, all));
    }
    return LeasedPolls.heardOn(caller, all.future());
  }

  /** {@link Scheduler#refresh} of {@code source}. */
  Future<RefreshSummary> one(SourceConfig source) {
    return LeasedPolls.heardOn(Vertx.currentContext(),
        poll(List.of(source)).map(RefreshSummary::of));
  }

  private void pollAll(FeedsConfig config, Promise<RefreshSummary> all) {
    List<SourceConfig> wanted = config.sources().stream()
        .filter(source -> source.enabled() && !leases.state(source.id()).gone())
        .toList();
    poll(wanted).map(RefreshSummary::of).onComplete(all);
  }

  /**
   * Joins the polls of {@code sources} running here, and leases and polls the others now, all in
   * one take (one statement with the shared store, however many sources).
   */
  private Future<List<PollOutcome>> poll(List<SourceConfig> sources) {
    Future<List<Lease>> look = looking.get();
    if (!look.isComplete()) {
      // This instance's own look for due sources may be leasing some of them right now; once
      // its polls are under way, they are joined, not skipped as another instance's.
      return look.transform(done -> poll(sources));
    }
    List<Future<PollOutcome>> outcomes = new ArrayList<>();
    List<SourceConfig> idle = new ArrayList<>();
    for (SourceConfig source : sources) {
      Future<PollOutcome> running = polls.running(source.id());
      if (running != null) {
        outcomes.add(running);
      } else {
        idle.add(source);
      }
    }
    return leases.takeAll(idle).transform(taken -> {
      if (taken.succeeded()) {
        // A source another instance is polling right now was not leased: left out of the sum.
        for (Lease lease : taken.result()) {
          outcomes.add(polls.poll(lease));
        }
      } else {
        outcomes.addAll(unreachable(idle, taken.cause()));
      }
      return Future.join(outcomes).map(done -> done.<PollOutcome>list());
    });
  }

  /** The store is unreachable: nothing is fetched, since nothing could be stored. */
  private List<Future<PollOutcome>> unreachable(List<SourceConfig> sources, Throwable e) {
    LOG.warning((sources.size() == 1 ? sources.get(0).id() : sources.size() + " sources")
        + " could not be leased: " + e);
    List<Future<PollOutcome>> failed = new ArrayList<>(sources.size());
    for (SourceConfig source : sources) {
      PollOutcome outcome = refresher.storeUnreachable(source, leases.state(source.id()), e);
      leases.note(outcome.state());
      failed.add(Future.succeededFuture(outcome));
    }
    return failed;
  }
}
