/**
 * Federation benchmarks (issue 4): a main class, {@link sempgw.app.bench.FederationBench}, run by
 * {@code bench/fed-bench.sh}; benchmark code, not tests. A receiving gateway stack (semp-ingress
 * {@code SempHttpServer} + {@code FederationService} + {@code ReceivePipeline} storing to a
 * {@code QueueInbox} over an fsync'd {@code FsQueue}) on loopback, and sending domains that use
 * semp-egress's {@code FederationClient} and {@code SempDeliveryAgent} exactly as the gateway does.
 * Figures: handshakes per second and envelopes per second, both suites, over HTTP/2 and WebSocket,
 * over one session and over 20 (20 sending domains: one session per peer domain).
 *
 * <h2>Specification references</h2>
 * HANDSHAKE.md §5 (federation handshake), SESSION.md §2.5.2 (one session per peer domain),
 * TRANSPORT.md §4.1-§4.2 (WebSocket, HTTP/2), DELIVERY.md §1.1.1 (receipts), §3 (receive pipeline).
 *
 * <h2>Standards</h2>
 * RFC 9113 (HTTP/2), RFC 6455 (WebSocket), RFC 8446 (TLS 1.3).
 *
 * <h2>Security</h2>
 * Loopback only; every key is generated for the run and lives in memory; the queue directories
 * and the self-signed certificate are written under the run directory the caller names.
 */
package sempgw.app.bench;
