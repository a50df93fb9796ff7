/**
 * HTTP polling of sources: conditional GET, gzip decoded under a cap, body caps, an absolute
 * deadline, redirects followed by hand, the address guard on every hop, and concurrency limits.
 * {@link vn.bantin.fetch.Fetcher} runs on one Vert.x event loop and never blocks it; only host
 * lookups run on a small worker pool ({@code bantin-fetch-dns}). The pure helpers
 * ({@link vn.bantin.fetch.AddressGuard}, {@link vn.bantin.fetch.RetryAfter}) run on any thread.
 */
package vn.bantin.fetch;
