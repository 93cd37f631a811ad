package sempgw.semp.egress.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import sempgw.core.SempReason;
import sempgw.core.delivery.Acknowledgment;
import sempgw.core.delivery.DeliveryReceipt;
import sempgw.core.handshake.DomainKeyLookup;
import sempgw.core.keys.DomainSigningPublicKey;

/**
 * Classifies a decoded acknowledgment (DELIVERY.md §1, §2.2). No I/O of its own: the peer's keys
 * come from the injected {@link DomainKeyLookup}, time is passed in.
 *
 * <ol>
 *   <li>The acknowledgment must name the envelope sent; another id is a transport failure.</li>
 *   <li>{@code rejected}: a recoverable code (ERRORS.md §1, {@link SempReason#recoverable()}) is
 *   {@code Deferred}; {@code no_session}, {@code handshake_invalid} and {@code handshake_expired}
 *   also drop the cached session (DELIVERY.md §2.3); any other code, unknown ones included, is
 *   terminal (DELIVERY.md §2.2, ERRORS.md §15.2).</li>
 *   <li>{@code delivered}: the receipt must verify against the canonical bytes sent, the peer
 *   domain and its published signing key (DELIVERY.md §1.1.1.6); missing or unverifiable, it is a
 *   transport failure to retry, unless the peer is in the relaxed-receipt list.</li>
 * </ol>
 */
final class AcknowledgmentCheck {
    private static final int MAX_PEER_TEXT = 200;

    private AcknowledgmentCheck() {
    }

    static AttemptOutcome classify(Acknowledgment ack, String envelopeId, byte[] canonicalEnvelope, String peerDomain,
                                   DomainKeyLookup peerKeys, boolean relaxedReceipt, Instant now) {
        if (!ack.envelopeId().equals(envelopeId)) {
            return new AttemptOutcome.Deferred("transport", "acknowledgment names another envelope", true);
        }
        return switch (ack) {
            case Acknowledgment.Rejected(var _, SempReason reason, String text) -> rejected(reason, text);
            case Acknowledgment.Delivered(var _, Optional<DeliveryReceipt> receipt) -> {
                Optional<String> why = receipt.isEmpty()
                        ? Optional.of("no receipt")
                        : receipt.get().verify(canonicalEnvelope, peerDomain, keysFor(peerDomain, receipt.get(), peerKeys), now);
                if (why.isEmpty()) {
                    yield new AttemptOutcome.Delivered(receipt.get());
                }
                yield relaxedReceipt
                        ? new AttemptOutcome.DeliveredUnverified(why.get())
                        : new AttemptOutcome.Deferred("receipt_invalid", "delivered without a verifiable receipt: " + why.get(), true);
            }
        };
    }

    private static AttemptOutcome rejected(SempReason reason, String text) {
        String why = text == null || text.isBlank() ? "no reason given" : clean(text);
        if (!reason.recoverable()) {
            return new AttemptOutcome.Failed(reason.code(), why);
        }
        boolean dropSession = reason == SempReason.NO_SESSION || reason == SempReason.HANDSHAKE_INVALID
                || reason == SempReason.HANDSHAKE_EXPIRED;
        return new AttemptOutcome.Deferred(reason.code(), why, dropSession);
    }

    private static List<DomainSigningPublicKey> keysFor(String peerDomain, DeliveryReceipt receipt, DomainKeyLookup peerKeys) {
        return peerKeys.find(peerDomain, Optional.of(receipt.keyId())).stream().toList();
    }

    /** Peer-supplied text made safe for one log line and a DSN: printable, bounded. */
    static String clean(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_PEER_TEXT));
        text.codePoints().limit(MAX_PEER_TEXT).forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.toString();
    }
}
