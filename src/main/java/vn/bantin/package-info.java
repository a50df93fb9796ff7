/**
 * Boot and wiring: {@link vn.bantin.Main} reads the command line, {@link vn.bantin.Bantin} wires
 * the stages (one subpackage each, in the order a story travels: fetch, parse, normalize, dedup,
 * store, refresh, curate, publish, http) and {@link vn.bantin.DemoUpstream} serves the bundled
 * sample feeds for {@code --demo}.
 */
package vn.bantin;
