/**
 * The SEMP HTTPS server on Netty: one TLS port, ALPN {@code h2} and {@code http/1.1}, framing
 * bytes for the seams of {@code sempgw.semp.ingress}. The gateway starts a {@link
 * sempgw.semp.ingress.http.SempHttpServer} with a {@link sempgw.semp.ingress.http.SempHttpConfig}.
 *
 * <p>Served, and nothing else (404; a served path with another method is 405):
 * <ul>
 *   <li>{@code GET /.well-known/semp/configuration}, {@code GET /.well-known/semp/domain-keys},
 *       {@code GET /.well-known/semp/keys/{address}}, {@code POST /.well-known/semp/keys/}: answered by
 *       {@link sempgw.semp.ingress.WellKnownDocuments}, over h2 and HTTP/1.1.</li>
 *   <li>h2 {@code POST /v1/federate} (and {@code /v1/handshake}, {@code /v1/envelope}): one SEMP
 *       message per request, correlated by the {@code Semp-Session-Id} tunnel header.</li>
 *   <li>HTTP/1.1 {@code GET /v1/federate} with a WebSocket upgrade and subprotocol {@code semp.v1}:
 *       one conversation per connection, one text message per SEMP message.</li>
 * </ul>
 *
 * <p>Threads: Netty event loops only move bytes. Every {@link sempgw.semp.ingress.Conversation}
 * and document call runs on a virtual thread, one call at a time per conversation and in order,
 * except that on an h2 tunnel envelopes of an established session run side by side, at most 32
 * (TRANSPORT.md §4.3.2), never beside a handshake or rekey message (§2.3); WebSocket stays one
 * at a time, its replies being matched by order. Replies are written back on the channel's event loop.
 *
 * <p>Limits (defaults in {@link sempgw.semp.ingress.http.SempHttpConfig}): message and body
 * sizes (413, ws 1009), a server-wide budget of buffered h2 bodies (503), connections per IP and
 * in total, peer idle time, TLS handshake time, h2 concurrent streams and header size, open
 * tunnels, queued messages per conversation (429, ws 1008). A WebSocket connection stops reading
 * while its conversation works on a message. Stopping admits no new message (503, ws 1001), and
 * neither does a machine whose clock state is unknown (503, ws 1013; CONFORMANCE.md §9.3.5,
 * {@code ClockWatch}). A message the conversation cannot parse as SEMP
 * ({@code Conversation.lastMessageMalformed()}) is 400 on h2 and close 1007 on ws (ERRORS.md §12). With {@code webSocket} off, only h2 is served
 * and the upgrade path is 404, as the configuration document then advertises h2 only.
 *
 * <p>Specification references: TRANSPORT.md §4.1 (WebSocket binding), §4.1.1 (subprotocol
 * {@code semp.v1}), §4.1.2 (text frames only), §4.1.3 (reply before close, ping 30 s),
 * §4.2.2 (HTTP status codes are transport-only), §4.2.3 ({@code Semp-Session-Id}), §8.3
 * (multiplexing), DISCOVERY.md §3.2.1 (nothing unadvertised is served), KEY.md §3.1.
 *
 * <p>Standards: RFC 9113 (HTTP/2), RFC 9112 (HTTP/1.1), RFC 9110 (semantics: 405 with Allow,
 * 413), RFC 6455 (WebSocket; close codes §7.4.1), RFC 7301 (ALPN), RFC 8446 (TLS 1.3),
 * RFC 3986 §2.1 (percent-encoding).
 *
 * <p>Security: talks to any peer on the Internet; holds the TLS context (key material stays in
 * the JDK provider) and no SEMP keys. Never logs bodies, documents or addresses: one DEBUG line
 * per connection event (remote address, protocol, tunnel id), WARN for our own failures.
 * Tunnel ids are 128 random bits. Connection limits key on IP at the transport layer only.
 */
package sempgw.semp.ingress.http;
