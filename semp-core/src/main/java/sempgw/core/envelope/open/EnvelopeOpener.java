package sempgw.core.envelope.open;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import sempgw.core.crypto.Aead;
import sempgw.core.crypto.CryptoException;
import sempgw.core.crypto.CryptoSuite;
import sempgw.core.crypto.SecretBytes;
import sempgw.core.envelope.Envelope;
import sempgw.core.envelope.EnvelopeFormatException;
import sempgw.core.envelope.ExtensionLayer;
import sempgw.core.envelope.Extensions;
import sempgw.core.envelope.PayloadCipher;
import sempgw.core.envelope.RecipientEntries;
import sempgw.core.envelope.brief.Brief;
import sempgw.core.envelope.brief.BriefCodec;
import sempgw.core.envelope.enclosure.Attachment;
import sempgw.core.envelope.enclosure.AttachmentCheck;
import sempgw.core.envelope.enclosure.Enclosure;
import sempgw.core.envelope.enclosure.EnclosureCodec;
import sempgw.core.envelope.enclosure.EnclosureSignatures;
import sempgw.core.json.JsonObject;
import sempgw.core.keys.IdentityPublicKey;
import sempgw.core.keys.UserEncryptionPrivateKey;

/**
 * The recipient client's half of ENVELOPE.md §7.2 (steps 8-12), run on an envelope the server
 * accepted. Fails closed: content is returned only once its sender signature verified.
 *
 * <ol>
 *   <li>Find our key's entries in both recipient maps and unwrap {@code K_brief} and
 *   {@code K_enclosure} (step 8) -> UNSUPPORTED_SUITE, NOT_A_RECIPIENT, KEY_UNWRAP_FAILED.</li>
 *   <li>Decrypt and parse brief and enclosure (step 9) -> BRIEF_UNREADABLE, ENCLOSURE_UNREADABLE,
 *   MALFORMED_BRIEF, MALFORMED_ENCLOSURE; enclosure extensions within 64 KB and understood when
 *   required -> EXTENSION_TOO_LARGE, EXTENSION_UNSUPPORTED.</li>
 *   <li>Verify {@code sender_signature} under the identity key of {@code brief.from} it names
 *   (step 10, §6.5.3) -> SENDER_KEY_UNKNOWN, SENDER_SIGNATURE_INVALID.</li>
 *   <li>Verify a forwarding chain (step 11, §6.6.4), reported in {@link ForwardCheck}.</li>
 *   <li>Verify attachment sizes and hashes (step 12) -> ATTACHMENT_INVALID.</li>
 * </ol>
 */
public final class EnvelopeOpener {
    private final List<UserEncryptionPrivateKey> keys;
    private final IdentityKeys identities;
    private final Set<String> supportedExtensions;

    /** An opener for a user holding {@code keys}, trusting {@code identities} for senders. */
    public EnvelopeOpener(List<UserEncryptionPrivateKey> keys, IdentityKeys identities, Set<String> supportedExtensions) {
        this.keys = List.copyOf(keys);
        this.identities = Objects.requireNonNull(identities, "identities");
        this.supportedExtensions = Set.copyOf(supportedExtensions);
    }

    /** Opens {@code e}. */
    public OpenedEnvelope open(Envelope e) throws OpenException {
        Aead aead = CryptoSuite.of(e.seal().suite().orElseThrow(() ->
                new OpenException(OpenError.UNSUPPORTED_SUITE, "seal.algorithm is not a supported suite"))).aead();
        String aad = e.postmark().id();
        Brief brief;
        try {
            brief = BriefCodec.decode(decrypt(aead, e, true, aad));
        } catch (EnvelopeFormatException ex) {
            throw new OpenException(OpenError.MALFORMED_BRIEF, ex.getMessage());
        }
        JsonObject tree;
        Enclosure enclosure;
        try {
            tree = EnclosureCodec.parse(decrypt(aead, e, false, aad));
            enclosure = EnclosureCodec.fromJson(tree);
        } catch (EnvelopeFormatException ex) {
            throw new OpenException(OpenError.MALFORMED_ENCLOSURE, ex.getMessage());
        }
        extensions(brief, enclosure);
        IdentityPublicKey sender = senderKey(brief, tree);
        ForwardCheck forward = ForwardChain.verify(tree, sender, identities);
        for (Attachment a : enclosure.attachments()) {
            if (!AttachmentCheck.verify(a)) {
                throw new OpenException(OpenError.ATTACHMENT_INVALID, "attachment " + a.id() + " does not match its size or hash");
            }
        }
        return new OpenedEnvelope(brief, enclosure, tree, sender, forward);
    }

    private byte[] decrypt(Aead aead, Envelope e, boolean brief, String aad) throws OpenException {
        var map = brief ? e.seal().briefRecipients() : e.seal().enclosureRecipients();
        UserEncryptionPrivateKey key = RecipientEntries.findKey(map, keys).orElseThrow(() ->
                new OpenException(OpenError.NOT_A_RECIPIENT, "no entry for our keys in the " + (brief ? "brief" : "enclosure") + " map"));
        SecretBytes k;
        try {
            k = RecipientEntries.unwrap(map, key);
        } catch (CryptoException ex) {
            throw new OpenException(OpenError.KEY_UNWRAP_FAILED, ex.getMessage());
        }
        try {
            return PayloadCipher.open(aead, k, brief ? e.brief() : e.enclosure(), aad);
        } catch (CryptoException ex) {
            throw new OpenException(brief ? OpenError.BRIEF_UNREADABLE : OpenError.ENCLOSURE_UNREADABLE, ex.getMessage());
        } finally {
            k.destroy();
        }
    }

    private void extensions(Brief brief, Enclosure enclosure) throws OpenException {
        if (!Extensions.withinReceiveLimit(ExtensionLayer.ENCLOSURE, enclosure.extensions())) {
            throw new OpenException(OpenError.EXTENSION_TOO_LARGE, "enclosure.extensions exceeds 64 KB");
        }
        if (Extensions.firstUnsupportedRequired(enclosure.extensions(), supportedExtensions).isPresent()
                || Extensions.firstUnsupportedRequired(brief.extensions(), supportedExtensions).isPresent()) {
            throw new OpenException(OpenError.EXTENSION_UNSUPPORTED, "a required extension is not supported");
        }
    }

    private IdentityPublicKey senderKey(Brief brief, JsonObject tree) throws OpenException {
        String keyId = EnclosureSignatures.signingKeyId(tree, "sender_signature");
        if (keyId.isEmpty()) {
            throw new OpenException(OpenError.SENDER_SIGNATURE_INVALID, "enclosure has no sender_signature");
        }
        IdentityPublicKey key = identities.find(brief.from(), keyId).orElseThrow(() ->
                new OpenException(OpenError.SENDER_KEY_UNKNOWN, "no identity key of the sender matches sender_signature.key_id"));
        if (!EnclosureSignatures.verifySender(tree, key)) {
            throw new OpenException(OpenError.SENDER_SIGNATURE_INVALID, "sender_signature does not verify");
        }
        return key;
    }
}
