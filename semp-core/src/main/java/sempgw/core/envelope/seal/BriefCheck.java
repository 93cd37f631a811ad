package sempgw.core.envelope.seal;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import sempgw.core.SempReason;
import sempgw.core.crypto.CryptoException;
import sempgw.core.crypto.CryptoSuite;
import sempgw.core.crypto.SecretBytes;
import sempgw.core.envelope.Envelope;
import sempgw.core.envelope.EnvelopeFormatException;
import sempgw.core.envelope.ExtensionLayer;
import sempgw.core.envelope.Extensions;
import sempgw.core.envelope.InvalidAddressException;
import sempgw.core.envelope.PayloadCipher;
import sempgw.core.envelope.RecipientEntries;
import sempgw.core.envelope.SempAddress;
import sempgw.core.envelope.brief.Brief;
import sempgw.core.envelope.brief.BriefCodec;
import sempgw.core.keys.DomainEncryptionPrivateKey;

/** The brief steps of the receive pipeline (ENVELOPE.md §7.2 steps 5-6). */
final class BriefCheck {
    private BriefCheck() {
    }

    /**
     * Unwraps our domain key's entry of {@code seal.brief_recipients} and decrypts the brief
     * (§7.2 steps 5-6). A domain we do not serve is {@code policy_forbidden}; an entry that is
     * missing or does not open, or a brief that does not decrypt or parse, is {@code seal_invalid}
     * as semp-go answers (§7.2 "MUST return an explicit rejection").
     */
    static Brief open(Envelope e, DomainDecryptionKeys keys) throws Rejection {
        List<DomainEncryptionPrivateKey> ours = keys.forDomain(e.postmark().toDomain());
        if (ours == null || ours.isEmpty()) {
            throw new Rejection(SempReason.POLICY_FORBIDDEN, "postmark.to_domain is not served here");
        }
        if (e.seal().suite().isEmpty()) {
            throw new Rejection(SempReason.SEAL_INVALID, "seal.algorithm is not a supported suite");
        }
        DomainEncryptionPrivateKey key = RecipientEntries.findKey(e.seal().briefRecipients(), ours).orElseThrow(() ->
                new Rejection(SempReason.SEAL_INVALID, "seal.brief_recipients has no entry for our domain key"));
        SecretBytes kBrief = null;
        try {
            kBrief = RecipientEntries.unwrap(e.seal().briefRecipients(), key);
            byte[] plain = PayloadCipher.open(CryptoSuite.of(e.seal().suite().get()).aead(), kBrief, e.brief(), e.postmark().id());
            return BriefCodec.decode(plain);
        } catch (CryptoException ex) {
            throw new Rejection(SempReason.SEAL_INVALID, "brief does not decrypt: " + ex.getMessage());
        } catch (EnvelopeFormatException ex) {
            throw new Rejection(SempReason.SEAL_INVALID, "brief is malformed: " + ex.getMessage());
        } finally {
            if (kBrief != null) {
                kBrief.destroy();
            }
        }
    }

    /**
     * The decrypted brief's own rules: extension size and criticality (EXTENSIONS.md §3.1, §4.1)
     * and canonical addresses whose sender domain is {@code postmark.from_domain} (ENVELOPE.md
     * §2.3.3: a malformed address is {@code policy_forbidden}, never a distinct code).
     */
    static void validate(Envelope e, Brief b, Set<String> supported) throws Rejection {
        if (!Extensions.withinReceiveLimit(ExtensionLayer.BRIEF, b.extensions())) {
            throw new Rejection(SempReason.EXTENSION_SIZE_EXCEEDED, "brief.extensions exceeds 16 KB");
        }
        Optional<String> unsupported = Extensions.firstUnsupportedRequired(b.extensions(), supported);
        if (unsupported.isPresent()) {
            throw new Rejection(SempReason.EXTENSION_UNSUPPORTED, "required brief extension not supported", unsupported.get());
        }
        try {
            SempAddress from = SempAddress.parse(b.from());
            if (!from.domain().equals(e.postmark().fromDomain())) {
                throw new Rejection(SempReason.POLICY_FORBIDDEN, "brief.from is not in postmark.from_domain");
            }
            for (String a : b.allRecipients()) {
                SempAddress.parse(a);
            }
            if (b.replyTo().isPresent()) {
                SempAddress.parse(b.replyTo().get());
            }
        } catch (InvalidAddressException ex) {
            throw new Rejection(SempReason.POLICY_FORBIDDEN, "brief address is not canonical: " + ex.getMessage());
        }
    }
}
