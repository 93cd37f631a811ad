package sempgw.core.envelope.enclosure;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import sempgw.core.json.JsonObject;

/**
 * The forwarding evidence block (ENVELOPE.md §6.6.1-6.6.2). The original enclosure travels as the
 * exact JSON tree that was decrypted, so its sender signature still verifies (§6.6.2: the
 * forwarder MUST NOT modify it).
 *
 * @param originalEnclosurePlaintext the original decrypted enclosure tree, signature included
 * @param originalSeal the original seal, advisory only (§6.6.4)
 * @param originalPostmark the original postmark, advisory only
 * @param originalSenderAddress the original {@code brief.from}
 * @param receivedAt when the forwarder received the original
 * @param forwarderAttestation the forwarder's identity signature over this block (§6.6.3)
 */
public record ForwardedFrom(JsonObject originalEnclosurePlaintext, Optional<JsonObject> originalSeal,
                            Optional<JsonObject> originalPostmark, String originalSenderAddress, Instant receivedAt,
                            IdentitySignature forwarderAttestation) {

    public ForwardedFrom {
        Objects.requireNonNull(originalEnclosurePlaintext, "originalEnclosurePlaintext");
        Objects.requireNonNull(originalSeal, "originalSeal");
        Objects.requireNonNull(originalPostmark, "originalPostmark");
        Objects.requireNonNull(originalSenderAddress, "originalSenderAddress");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(forwarderAttestation, "forwarderAttestation");
    }

    /** This block with another attestation. */
    public ForwardedFrom withAttestation(IdentitySignature attestation) {
        return new ForwardedFrom(originalEnclosurePlaintext, originalSeal, originalPostmark, originalSenderAddress,
                receivedAt, attestation);
    }

    /** Shows nothing of the content. */
    @Override
    public String toString() {
        return "ForwardedFrom[redacted]";
    }
}
