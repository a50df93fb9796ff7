/**
 * The HTTP interface: the routes table ({@link vn.bantin.http.Routes}), one small handler class per
 * concern, admin authentication and the JSON error shape. Handlers run on event loops: they look up
 * prepared buffers and write them; anything heavier is a future from another stage. The admin
 * API's reads and writes of feeds.yml ({@code ConfigEdits}) run on the one-thread
 * {@code bantin-admin} worker.
 */
package vn.bantin.http;
