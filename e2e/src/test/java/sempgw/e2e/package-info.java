/**
 * End-to-end tests over loopback, each a failsafe {@code *IT}: a private Postfix relaying
 * through the gateway ({@code PostfixRelayIT}) and straight to the sink as a control
 * ({@code PostfixBaselineIT}), and {@code kill -9} of the gateway under load
 * ({@code GatewayCrashIT}), and the bridge ({@code PostfixBridgeIT}): Postfix to gateway A, SEMP
 * federation to gateway B, B to its mailbox host, with the policy, refusal, outage, SERVFAIL and
 * reply-threading scenarios; and {@code kill -9} of both bridge gateways under load
 * ({@code BridgeCrashIT}). The gateway always runs as its own process, started from the class
 * path Maven resolved for this build.
 *
 * <p>Specification references: GATEWAY.md §3-6 (flows, policy, honest outcomes, what a legacy
 * mailbox receives), CLIENT.md §6.4 (legacy interop), docs/outcomes.md (SEMP outcome to SMTP reply).
 *
 * <p>Standards: RFC 5321 (SMTP, trace fields §4.4), RFC 6152 (8BITMIME), RFC 6531 and RFC 6532
 * (SMTPUTF8, UTF-8 headers), RFC 2045-2047 and RFC 2231 (MIME), RFC 3463 and RFC 3464 (enhanced
 * codes, DSNs).
 *
 * <p>Security: everything listens on 127.0.0.1 only. The tests need root (Postfix's start);
 * the Postfix fixture may create system accounts, see {@code PostfixAccounts}.
 */
package sempgw.e2e;
