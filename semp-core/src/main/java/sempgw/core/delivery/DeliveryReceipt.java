package sempgw.core.delivery;

import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import sempgw.core.ClockTolerance;
import sempgw.core.SempException;
import sempgw.core.SempTimestamps;
import sempgw.core.crypto.Digests;
import sempgw.core.crypto.SignatureContext;
import sempgw.core.json.CanonicalJson;
import sempgw.core.json.Elision;
import sempgw.core.json.JsonObject;
import sempgw.core.keys.DomainSigningPrivateKey;
import sempgw.core.keys.DomainSigningPublicKey;
import sempgw.core.keys.KeyId;

/**
 * A signed delivery receipt (DELIVERY.md §1.1.1): proof that a recipient domain accepted one
 * envelope at one time. The recipient server {@link #issue issues} it for every {@code delivered}
 * acknowledgment; the sending server {@link #parse parses} and {@link #verify verifies} it before
 * it treats the delivery as done (DELIVERY.md §1.1.1.6).
 *
 * <p>The signature covers the JSON tree as received, canonicalized with {@code signature.value}
 * written as {@code ""} (DELIVERY.md §1.1.1.4), never a re-encoding, so unknown members stay
 * covered. We issue go's field set with whole-second UTC {@code accepted_at}, the form semp-go's
 * struct round trip reproduces byte for byte, so go peers verify our receipts.
 *
 * <pre>{@code
 * DeliveryReceipt r = DeliveryReceipt.issue(accepted.canonical(), "b.example", now, domainKey);
 * Optional<String> why = DeliveryReceipt.parse(r.toJson())
 *         .verify(sealed.canonical(), "b.example", peerKeys, now);
 * }</pre>
 */
public final class DeliveryReceipt {
    static final String TYPE = "SEMP_DELIVERY_RECEIPT";
    static final String VERSION = "1.0.0";
    static final String HASH_ALGORITHM = "sha-256";
    static final String SIGNATURE_ALGORITHM = "ed25519";
    /** The signed input blanks {@code signature.value} (DELIVERY.md §1.1.1.4). */
    static final Elision SIGNATURE_SCOPE = Elision.builder().blank("signature", "value").build();

    private final JsonObject tree;
    private final byte[] envelopeHash;
    private final String recipientDomain;
    private final Instant acceptedAt;
    private final KeyId keyId;
    private final byte[] signature;

    DeliveryReceipt(JsonObject tree, byte[] envelopeHash, String recipientDomain, Instant acceptedAt,
                    KeyId keyId, byte[] signature) {
        this.tree = tree;
        this.envelopeHash = envelopeHash;
        this.recipientDomain = recipientDomain;
        this.acceptedAt = acceptedAt;
        this.keyId = keyId;
        this.signature = signature;
    }

    /**
     * Issues a receipt for an envelope this server has durably accepted (DELIVERY.md §1.1.1.5).
     *
     * @param canonicalEnvelope the ENVELOPE.md §4.3 canonical bytes, {@code ReceivedEnvelope.canonicalBytes()}: those
     *     the seal verified over, {@code Verdict.Accepted.canonical()}
     * @param recipientDomain this server's domain as published in its discovery configuration
     * @param acceptedAt the accept decision, written in whole seconds UTC (DELIVERY.md §1.1.1.2)
     * @param key this domain's signing key; {@code signature.key_id} is its fingerprint (§1.1.1.4)
     */
    public static DeliveryReceipt issue(byte[] canonicalEnvelope, String recipientDomain, Instant acceptedAt,
                                        DomainSigningPrivateKey key) {
        Objects.requireNonNull(canonicalEnvelope, "canonicalEnvelope");
        if (recipientDomain == null || recipientDomain.isEmpty()) {
            throw new IllegalArgumentException("recipient domain required");
        }
        Instant at = acceptedAt.truncatedTo(ChronoUnit.SECONDS);
        byte[] hash = Digests.sha256(canonicalEnvelope);
        KeyId id = key.keyId();
        JsonObject unsigned = tree(hash, recipientDomain, at, id, "");
        byte[] sig = key.sign(SignatureContext.DELIVERY_RECEIPT, CanonicalJson.encode(unsigned, SIGNATURE_SCOPE));
        JsonObject signed = tree(hash, recipientDomain, at, id, Base64.getEncoder().encodeToString(sig));
        return new DeliveryReceipt(signed, hash, recipientDomain, at, id, sig);
    }

    /**
     * Parses a received receipt strictly (DELIVERY.md §1.1.1.1-2): {@code type}, MAJOR version 1,
     * {@code sha-256} and {@code ed25519}, canonical base64 of the right lengths, a 64-hex
     * {@code key_id}, an RFC 3339 {@code accepted_at}. Unknown members are kept and stay signed.
     *
     * @throws SempException SERVER_UNAVAILABLE naming the defect: the receipt is unusable, and a
     *     {@code delivered} without a usable receipt is retried (DELIVERY.md §1.1.1.6)
     */
    public static DeliveryReceipt parse(JsonObject receipt) throws SempException {
        return ReceiptReader.read(receipt);
    }

    /** The receipt as JSON, exactly as issued or received. */
    public JsonObject toJson() {
        return tree;
    }

    /** {@code recipient_domain}. */
    public String recipientDomain() {
        return recipientDomain;
    }

    /** {@code accepted_at}. */
    public Instant acceptedAt() {
        return acceptedAt;
    }

    /** {@code signature.key_id}: the fingerprint of the signing key. */
    public KeyId keyId() {
        return keyId;
    }

    /**
     * Verifies the receipt for one envelope (DELIVERY.md §1.1.1.6-7). Steps, in order:
     * <ol>
     *   <li>{@code recipient_domain} equals the expected domain (ASCII case-insensitively);</li>
     *   <li>a key in {@code keys} has fingerprint {@code signature.key_id} (§1.1.1.4, no probing);</li>
     *   <li>the signature verifies over {@code SEMP-DELIVERY-RECEIPT:} || canonical receipt (§1.1.1.4);</li>
     *   <li>{@code envelope_hash} equals SHA-256 of {@code canonicalEnvelope} (§1.1.1.3);</li>
     *   <li>{@code accepted_at} is not more than {@link ClockTolerance#FUTURE_ACCEPTED} (5 minutes)
     *   after {@code now}: §1.1.1.5 sets a floor of 120 s, CONFORMANCE.md §9.3.1 makes 0-5 minutes
     *   ahead a MUST-accept; an earlier time is no defect: the receipt is a lasting proof.</li>
     * </ol>
     *
     * @param canonicalEnvelope the canonical bytes of the envelope as sent ({@code SealedEnvelope.canonical()},
     *     equal to {@code EnvelopeCanonical.of} of the sealed envelope)
     * @param keys the recipient domain's published signing keys
     * @return empty when valid; otherwise why not, as operator text
     */
    public Optional<String> verify(byte[] canonicalEnvelope, String expectedRecipientDomain,
                                   List<DomainSigningPublicKey> keys, Instant now) {
        if (!recipientDomain.equalsIgnoreCase(expectedRecipientDomain)) {
            return Optional.of("receipt names another recipient domain");
        }
        Optional<DomainSigningPublicKey> key = keys.stream().filter(k -> k.keyId().equals(keyId)).findFirst();
        if (key.isEmpty()) {
            return Optional.of("receipt signed by unknown key " + keyId);
        }
        byte[] signed = CanonicalJson.encode(tree, SIGNATURE_SCOPE);
        if (!key.get().verify(SignatureContext.DELIVERY_RECEIPT, signed, signature)) {
            return Optional.of("receipt signature does not verify");
        }
        if (!MessageDigest.isEqual(envelopeHash, Digests.sha256(canonicalEnvelope))) {
            return Optional.of("receipt envelope_hash does not match the envelope");
        }
        if (!ClockTolerance.acceptsClaimed(acceptedAt, now)) {
            return Optional.of("receipt accepted_at " + SempTimestamps.format(acceptedAt) + " is in the future");
        }
        return Optional.empty();
    }

    /** Equal when the JSON is equal: the tree determines every other field. */
    @Override
    public boolean equals(Object o) {
        return o instanceof DeliveryReceipt other && other.tree.equals(tree);
    }

    @Override
    public int hashCode() {
        return tree.hashCode();
    }

    /** Shows domain, time and key id only. */
    @Override
    public String toString() {
        return "DeliveryReceipt[" + recipientDomain + ", " + SempTimestamps.format(acceptedAt) + ", " + keyId + "]";
    }

    private static JsonObject tree(byte[] hash, String domain, Instant at, KeyId id, String signatureValue) {
        return JsonObject.builder()
                .put("type", TYPE)
                .put("version", VERSION)
                .put("envelope_hash", JsonObject.builder()
                        .put("algorithm", HASH_ALGORITHM)
                        .put("value", Base64.getEncoder().encodeToString(hash)).build())
                .put("recipient_domain", domain)
                .put("accepted_at", SempTimestamps.format(at))
                .put("signature", JsonObject.builder()
                        .put("algorithm", SIGNATURE_ALGORITHM)
                        .put("key_id", id.hex())
                        .put("value", signatureValue).build())
                .build();
    }
}
