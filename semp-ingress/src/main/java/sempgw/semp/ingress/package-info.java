/**
 * The SEMP server side of the gateway: what a peer domain reaches over HTTPS.
 *
 * <p>The seams between the transport and the protocol: {@link sempgw.semp.ingress.WellKnownDocuments}
 * (configuration, domain keys, user keys, as complete {@link sempgw.semp.ingress.HttpAnswer}s) and
 * {@link sempgw.semp.ingress.FederationEndpoint}, which opens one turn-based
 * {@link sempgw.semp.ingress.Conversation} per WebSocket connection or HTTP/2 tunnel. The
 * transport frames bytes; the conversation decides every SEMP answer, and tells the transport
 * when a message is not SEMP at all, which the transport answers at its own layer (HTTP 400,
 * WebSocket close 1007; ERRORS.md §12). {@link sempgw.semp.ingress.LogSafe} is the one way peer
 * values reach a log line in every package. {@link sempgw.semp.ingress.ClockWatch} tells the
 * transport when the machine's clock cannot be trusted, and then no federation message is admitted.
 *
 * <p>Specification references: TRANSPORT.md §4.1, §4.2 (bindings), §4.2.2 (transport status
 * codes), DISCOVERY.md §3 (documents), KEY.md §2-§3 (key endpoints), DELIVERY.md §1
 * (acknowledgments), ENVELOPE.md §9.2 (a rejection names its envelope), ERRORS.md §12, CONFORMANCE.md §9.3.5
 * (undetectable clock state).
 *
 * <p>Standards: RFC 9110 (HTTP status codes), RFC 6455 §7.4.1 (WebSocket close codes).
 *
 * <p>Security: nothing here holds keys; implementations never log message content or keys, and
 * log peer values only through {@code LogSafe}.
 */
package sempgw.semp.ingress;
