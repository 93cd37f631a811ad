/**
 * The SEMP server side of the gateway: what a peer domain reaches over HTTPS.
 *
 * <p>The seams between the transport and the protocol: {@link sempgw.semp.ingress.WellKnownDocuments}
 * (configuration, domain keys, user keys, as complete {@link sempgw.semp.ingress.HttpAnswer}s) and
 * {@link sempgw.semp.ingress.FederationEndpoint}, which opens one turn-based
 * {@link sempgw.semp.ingress.Conversation} per WebSocket connection or HTTP/2 tunnel. The
 * transport frames bytes; the conversation decides every SEMP answer.
 *
 * <p>Specification references: TRANSPORT.md §4.1, §4.2 (bindings), DISCOVERY.md §3 (documents),
 * KEY.md §2-§3 (key endpoints), DELIVERY.md §1 (acknowledgments).
 *
 * <p>Security: nothing here holds keys; implementations never log message content or keys.
 */
package sempgw.semp.ingress;
