/**
 * The gateway as an operating-system process: the configuration file a test writes
 * ({@code GatewaySettings}), the command that starts it ({@code GatewayCommand}) and the
 * running process with {@code kill -9}, restart and peak RSS ({@code GatewayProcess}).
 *
 * <p>Standards: none beyond the gateway's own configuration (docs/configuration.md).
 *
 * <p>Security: the gateway listens on 127.0.0.1 and relays to a loopback sink only.
 */
package sempgw.e2e.gateway;
