package vn.bantin.fetch;

import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpClient;
import java.time.InstantSource;
import vn.bantin.config.Settings;

/**
 * What every {@link FetchRun} of one {@link Fetcher} shares: one reference per fetch instead of
 * seven fields.
 *
 * @param inflatePool inflates gzip bodies ({@link BodyRead})
 * @param resolver {@code null} when private networks are allowed
 * @param deadlines the deadlines of the fetcher's fetches in flight
 * @param hops builds each hop's request
 * @param clock for {@code Retry-After} and {@code Expires} arithmetic
 */
record FetchShared(WorkerExecutor inflatePool, HttpClient client, Settings.Fetch settings,
    CheckedResolver resolver, Deadlines deadlines, HopRequest hops, InstantSource clock) {}
