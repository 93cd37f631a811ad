package sempgw.semp.ingress.receive;

import java.util.Objects;
import sempgw.core.envelope.seal.DomainDecryptionKeys;
import sempgw.core.envelope.seal.SenderDomainKeys;
import sempgw.core.keys.DomainSigningPrivateKey;

/**
 * The keys the receive pipeline uses.
 *
 * @param senderKeys peer domains' published signing keys, to verify {@code seal.signature}
 *     (ENVELOPE.md §7.2 step 1); keys it cannot fetch now make the envelope
 *     {@code server_unavailable}, never {@code seal_invalid}
 * @param decryptionKeys our domain encryption keys, to unwrap {@code K_brief} (§7.2 step 5)
 * @param signingKey our domain signing key: delivery receipts (DELIVERY.md §1.1.1.4) and the
 *     {@code server_signature} of first-contact challenges (HANDSHAKE.md §2.2a.1)
 */
public record ServerKeys(SenderDomainKeys senderKeys, DomainDecryptionKeys decryptionKeys, DomainSigningPrivateKey signingKey) {
    public ServerKeys {
        Objects.requireNonNull(senderKeys, "senderKeys");
        Objects.requireNonNull(decryptionKeys, "decryptionKeys");
        Objects.requireNonNull(signingKey, "signingKey");
    }
}
