package sempgw.core.envelope.open;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
 *   required -> EXTENSION_TOO_LARGE, EXTENSION_UNSUPPORTED (naming the key,
 *   {@link OpenException#extension()}, EXTENSIONS.md §3.1).</li>
 *   <li>Verify {@code sender_signature} under the identity key of {@code brief.from} it names
 *   (step 10, §6.5.3) -> SENDER_KEY_UNKNOWN, SENDER_SIGNATURE_INVALID.</li>
 *   <li>Verify a forwarding chain (step 11, §6.6.4), reported in {@link ForwardCheck}.</li>
 *   <li>Verify attachment sizes and hashes (step 12) -> ATTACHMENT_INVALID.</li>
 * </ol>
 * {@link #open} runs them all; {@link #openWithServerBrief} takes the brief the receiving server
 * in the same process already opened, skipping items 1-2 for the brief (unwrap, decrypt, parse),
 * and runs the rest unchanged.
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

    /** Opens {@code e}: the whole of steps 8-12, both payload keys unwrapped with our keys. */
    public OpenedEnvelope open(Envelope e) throws OpenException {
        Aead aead = aead(e);
        Brief brief;
        try {
            brief = BriefCodec.decode(decrypt(aead, e, true));
        } catch (EnvelopeFormatException ex) {
            throw new OpenException(OpenError.MALFORMED_BRIEF, ex.getMessage());
        }
        return openEnclosure(aead, e, brief);
    }

    /**
     * Opens {@code e} with the brief the receiving server in this process already decrypted and
     * checked ({@code EnvelopeVerifier}'s accepted verdict, ENVELOPE.md §7.2 steps 5-6): only
     * {@code K_enclosure} is unwrapped with our keys; the enclosure is decrypted, its extensions,
     * sender signature, forwarding chain and attachments checked exactly as by {@link #open}
     * (steps 9-12). For a custodial client in the server's process and trust domain (GATEWAY.md
     * §2), such as the gateway's mailbox agent; a native client calls {@link #open}.
     *
     * <p>Why this equals {@link #open} for such a client:
     * <ul>
     *   <li>There is one {@code envelope.brief} ciphertext. The server decrypted it with the
     *   {@code K_brief} of its own {@code seal.brief_recipients} entry, authenticated it (AEAD,
     *   additional data {@code postmark.id}) and parsed it with the same codec after the seal
     *   signature over that ciphertext had verified (§7.2 step 1, §9.1). Unwrapping our own entry
     *   of the same map yields the same {@code K_brief} from a conformant sender, hence the same
     *   brief. A sender that wraps different keys for server and client (the AEAD does not commit
     *   to its key) can only make the two views differ; this entry point renders the view the
     *   server validated ({@code brief.from} in {@code postmark.from_domain}, canonical addresses)
     *   and ran delivery policy on, which {@link #open} would not.</li>
     *   <li>The home server reads the brief by design (CLIENT.md §1.2). What the client must keep
     *   to itself is the enclosure (CLIENT.md §1.2-1.3): its key is still unwrapped here, with our
     *   private key, and destroyed after use.</li>
     *   <li>The checks the client owns all still run: the brief's required extensions against
     *   <em>this</em> client's supported set (the server checked them against its own set), the
     *   64 KB enclosure extension limit, {@code sender_signature} under the identity key of
     *   {@code brief.from} (§6.5.3), the forwarding chain (§6.6.4) and attachment hashes (§7.2
     *   step 12).</li>
     *   <li>One of our keys must still have an entry in {@code seal.brief_recipients}, as
     *   {@link #open} requires (NOT_A_RECIPIENT); it is looked up, not unwrapped, so an entry
     *   that exists but would not unwrap is not detected (a broken sender, whose brief the server
     *   already read).</li>
     * </ul>
     * The caller must pass the brief accepted for this very envelope; nothing here can tell.
     *
     * @param e the envelope as the server decoded it
     * @param acceptedBrief the brief the server opened from {@code e} and accepted
     */
    public OpenedEnvelope openWithServerBrief(Envelope e, Brief acceptedBrief) throws OpenException {
        Objects.requireNonNull(acceptedBrief, "acceptedBrief");
        Aead aead = aead(e);
        if (RecipientEntries.findKey(e.seal().briefRecipients(), keys).isEmpty()) {
            throw new OpenException(OpenError.NOT_A_RECIPIENT, "no entry for our keys in the brief map");
        }
        return openEnclosure(aead, e, acceptedBrief);
    }

    /** Steps 9-12 for the enclosure, once the brief is known. */
    private OpenedEnvelope openEnclosure(Aead aead, Envelope e, Brief brief) throws OpenException {
        JsonObject tree;
        Enclosure enclosure;
        try {
            tree = EnclosureCodec.parse(decrypt(aead, e, false));
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

    private static Aead aead(Envelope e) throws OpenException {
        return CryptoSuite.of(e.seal().suite().orElseThrow(() ->
                new OpenException(OpenError.UNSUPPORTED_SUITE, "seal.algorithm is not a supported suite"))).aead();
    }

    /** Unwraps our entry of one recipient map and decrypts its payload (additional data {@code postmark.id}); the key is destroyed after use. */
    private byte[] decrypt(Aead aead, Envelope e, boolean brief) throws OpenException {
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
            return PayloadCipher.open(aead, k, brief ? e.brief() : e.enclosure(), e.postmark().id());
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
        Optional<String> unsupported = Extensions.firstUnsupportedRequired(enclosure.extensions(), supportedExtensions)
                .or(() -> Extensions.firstUnsupportedRequired(brief.extensions(), supportedExtensions));
        if (unsupported.isPresent()) {
            throw new OpenException(OpenError.EXTENSION_UNSUPPORTED, "required extension not supported", unsupported);
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
