package vn.bantin.config;

/**
 * A new configuration came into force; listeners apply the difference.
 *
 * @param before the configuration in force until now
 * @param after the configuration in force from now on
 */
public record ConfigChange(FeedsConfig before, FeedsConfig after) {}
