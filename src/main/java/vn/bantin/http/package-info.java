/**
 * The HTTP interface: the routes table ({@link vn.bantin.http.Routes}), one small handler class per
 * concern, admin authentication and the JSON error shape. Runs on event loops only: handlers look
 * up prepared buffers and write them; anything heavier is a future from another stage.
 */
package vn.bantin.http;
