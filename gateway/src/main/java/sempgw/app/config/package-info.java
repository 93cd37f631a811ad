/**
 * The gateway's configuration: one TOML file, read once at start-up into immutable records
 * ({@link sempgw.app.config.GatewayConfig} and one record per table). Every key has a default;
 * with no file at all the gateway listens on 127.0.0.1:2525, keeps its state under
 * {@code ./data}, relays for loopback clients only and delivers by MX; SEMP stays off until
 * {@code [semp] enabled = true} ({@link sempgw.app.config.SempConfig}). A bad value, or a key
 * nobody reads, stops start-up with a message naming the key, the value and what is allowed.
 * Every key is listed with its default and meaning in {@code docs/configuration.md}; a test
 * fails when one is missing there.
 *
 * <p><b>Standards:</b> TOML 1.0; RFC 5321 §4.5.3.1.8 (recipient limit floor) and §4.5.3.2.7
 * (server timeouts); RFC 1870 (SIZE); RFC 1035 §2.3.1 (host names); RFC 3207 (STARTTLS).
 * SEMP: DISCOVERY.md §2.2 (mandatory h2), ENVELOPE.md §7.3.1 (mandatory suite), HANDSHAKE.md
 * §2.2a (difficulty cap 28), DELIVERY.md §2.4 (retry horizon at most 7 days).
 *
 * <p><b>Security:</b> reads one file named by the operator; holds paths to key material, never
 * the keys themselves. Defaults are safe: loopback listener, relay for loopback only.
 */
package sempgw.app.config;
