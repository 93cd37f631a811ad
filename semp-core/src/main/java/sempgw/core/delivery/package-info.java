/**
 * Delivery outcomes between federation peers: the signed delivery receipt and the
 * acknowledgment that answers each envelope (DELIVERY.md §1).
 *
 * <p>In a federation session the initiator sends the sealed envelope itself
 * ({@code EnvelopeCodec.encode}, {@code "type":"SEMP_ENVELOPE"}, one SEMP message), and the
 * responder answers with one {@link sempgw.core.delivery.AcknowledgmentCodec acknowledgment}
 * (or nothing, DELIVERY.md §1.3). A {@code delivered} answer carries a
 * {@link sempgw.core.delivery.DeliveryReceipt} signed by the recipient domain over the SHA-256 of
 * the ENVELOPE.md §4.3 canonical envelope bytes: those the receive pipeline verified the seal over
 * ({@code Verdict.Accepted.canonical()}, i.e. {@code ReceivedEnvelope.canonicalBytes()}) on the
 * receiving side, the sealer's {@code SealedEnvelope.canonical()} on the sending side (the same
 * bytes, since {@code postmark.hop_count} and {@code padding} are outside them).
 *
 * <pre>{@code
 * // recipient server, after the envelope is durably stored
 * DeliveryReceipt r = DeliveryReceipt.issue(accepted.canonical(), "b.example", now, domainKey);
 * byte[] reply = AcknowledgmentCodec.encode(new Acknowledgment.Delivered(postmarkId, r), recipients, now);
 *
 * // sending server
 * switch (AcknowledgmentCodec.decode(reply)) {
 *     case Acknowledgment.Delivered(var id, var receipt) -> {
 *         Optional<String> defect = receipt.isEmpty() ? Optional.of("no receipt")
 *                 : receipt.get().verify(sealed.canonical(), "b.example", peerKeys, now);
 *         // defect present: transport failure, retry (DELIVERY.md §1.1.1.6)
 *     }
 *     case Acknowledgment.Rejected(var id, var reason, var text) -> reason.recoverable();
 * }
 * }</pre>
 *
 * <h2>Specification references</h2>
 * <ul>
 *   <li>DELIVERY.md §1 (acknowledgment types), §1.1.1.1-§1.1.1.7 (receipt schema, envelope hash,
 *   signature, recipient and sender obligations, verification, 120 s clock floor), §1.2-§1.4</li>
 *   <li>CONFORMANCE.md §9.3.1 (a receipt's {@code accepted_at} up to 5 minutes ahead is accepted)</li>
 *   <li>ENVELOPE.md §4.3 (canonical bytes, {@code SEMP-DELIVERY-RECEIPT:} prefix), §9.2 (rejection
 *   content), §9.3 (reason codes)</li>
 *   <li>CONFORMANCE.md §4.1 (structured rejections with {@code postmark.id}), §9.1 (versions)</li>
 *   <li>CLIENT.md §6.1-§6.2 ({@code SEMP_SUBMISSION} response rows, the form semp-go uses between
 *   servers); ERRORS.md §15 (unknown codes terminal, text not parsed)</li>
 *   <li>SPEC-DIGEST-SERVER §4, §8, §9 item 4; docs/interop.md (ack format, delivery message, receipts)</li>
 * </ul>
 *
 * <h2>Standards</h2>
 * RFC 8259 (JSON), RFC 8032 (Ed25519), FIPS 180-4 (SHA-256), RFC 4648 §4 (base64),
 * RFC 3339 (timestamps).
 *
 * <h2>Security</h2>
 * Pure code: talks to nothing, reads no clock (time is passed in). Signs only through a
 * {@link sempgw.core.keys.DomainSigningPrivateKey} handed in; holds no secrets. Decoding is
 * bounded (4 MiB, depth 8, 10,000 members) and strict; every failure is a
 * {@link sempgw.core.SempException}. Peer reason text is length-capped and stripped of control
 * characters before it can reach a log; {@code toString} shows domains, times and key ids only.
 */
package sempgw.core.delivery;
