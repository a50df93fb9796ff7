package vn.bantin.config;

/**
 * The version of feeds.yml in force: its parsed configuration, its exact text and its saved
 * version, always the newest of the versions. Immutable; {@link ConfigService} swaps it whole.
 */
record InForce(FeedsConfig config, String text, ConfigVersion version) {}
