/**
 * The two-organisation world of the bridge tests: two gateway processes ({@code alpha.test},
 * {@code beta.test}) configured as an operator would ({@code dns-records}, {@code mailbox add},
 * {@code semp.trust_file}, {@code semp.dns_resolver}), their mailbox hosts and the "legacy
 * internet" as recording sinks ({@code BridgeWorld}, {@code SempGatewaySettings},
 * {@code GatewayCli}), and small scenario messages ({@code Mails}).
 *
 * <p>Specification references: DISCOVERY.md §2 (SRV and TXT records), KEY.md §2.1 (TLSA of
 * the domain key), HANDSHAKE.md §5.4 ({@code _semp-verify}), CLIENT.md §6.4.3 (upgrade-signal
 * fields), CLIENT.md §6.4.4 (threading across SEMP and SMTP), GATEWAY.md §4-6 (policy, honest
 * outcomes, the verification field).
 *
 * <p>Standards: RFC 5321 (SMTP), RFC 3464 (DSN), RFC 3463 (enhanced status codes), RFC 6698
 * (TLSA).
 *
 * <p>Security: everything listens on 127.0.0.1; certificates are the gateways' own
 * self-signed ones, trusted explicitly; host names resolve through a hosts file given to the
 * gateways' JVMs only.
 */
package sempgw.e2e.bridge;
