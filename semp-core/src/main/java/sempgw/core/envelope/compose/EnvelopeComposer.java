package sempgw.core.envelope.compose;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import sempgw.core.crypto.Aead;
import sempgw.core.crypto.CryptoSuite;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SecretBytes;
import sempgw.core.envelope.Envelope;
import sempgw.core.envelope.EnvelopePadding;
import sempgw.core.envelope.PayloadCipher;
import sempgw.core.envelope.Postmark;
import sempgw.core.envelope.Seal;
import sempgw.core.envelope.brief.BriefCodec;
import sempgw.core.envelope.enclosure.EnclosureSignatures;
import sempgw.core.keys.DomainEncryptionPublicKey;
import sempgw.core.keys.UserEncryptionPublicKey;

/**
 * The sending client's half of ENVELOPE.md §7.1 (steps 1-10): a draft becomes one unsigned
 * envelope per recipient domain plus one per Bcc recipient, each ready for the home server's
 * {@code EnvelopeSealer}.
 *
 * <ol>
 *   <li>Check the draft ({@link DraftCheck}) and sign the enclosure with the sender's identity key
 *   (§6.5.2, §7.1 step 2); the signed enclosure is shared by every copy.</li>
 *   <li>Per copy: fresh independent {@code K_brief} and {@code K_enclosure} (§4.5), brief and
 *   enclosure encrypted with {@code postmark.id} as associated data (§4.4, steps 3-5).</li>
 *   <li>Wrap the keys for the recipient domain key, the optional home server key and every
 *   recipient client key, then pad both maps to their buckets ({@link SealMaps}; steps 7-9, §4.4.1).</li>
 *   <li>Postmark with {@code expires = now + lifetime} (step 10), then size padding for the seal
 *   fields' final lengths: {@code key_id} 64, {@code signature} 88, {@code session_mac} 44
 *   characters (§2.4, §4.4.1 "compute recipient-count padding first").</li>
 * </ol>
 * Payload keys are destroyed before returning, on success or failure.
 */
public final class EnvelopeComposer {
    private static final String KEY_ID_PLACEHOLDER = "0".repeat(64);
    private static final String SIGNATURE_PLACEHOLDER = "A".repeat(86) + "==";
    private static final String MAC_PLACEHOLDER = "A".repeat(43) + "=";

    private final ComposeOptions options;
    private final RandomSource random;
    private final PostmarkIds ids;

    /** A composer drawing keys, nonces and padding from {@code random} and postmark ids from {@code ids}. */
    public EnvelopeComposer(ComposeOptions options, RandomSource random, PostmarkIds ids) {
        this.options = Objects.requireNonNull(options, "options");
        this.random = Objects.requireNonNull(random, "random");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    /**
     * Composes {@code draft}.
     *
     * @param sessionId the {@code postmark.session_id} to write; the sealer replaces it if the
     *     envelope leaves in another session
     * @param now the current time, for {@code postmark.expires}
     * @throws ComposeException when the draft is invalid, a key is missing or the result is too large
     */
    public List<ComposedEnvelope> compose(Draft draft, Sender sender, RecipientKeys keys, String sessionId, Instant now)
            throws ComposeException {
        return compose(draft, sender, keys, sessionId, now, domain -> true);
    }

    /**
     * Composes only the copies of {@code draft} whose recipient domain {@code domains} accepts:
     * the To/Cc copy of each accepted domain and the Bcc copies of recipients in it. The briefs are
     * those of the full draft (every To and Cc recipient stays listed), so copies composed in
     * separate calls are the copies one call would make; keys are needed only for the accepted
     * domains. The draft is checked as a whole.
     *
     * @param domains tested with each canonical recipient domain
     * @return the accepted copies; empty when no recipient is in an accepted domain
     * @throws ComposeException when the draft is invalid, a key is missing or the result is too large
     */
    public List<ComposedEnvelope> compose(Draft draft, Sender sender, RecipientKeys keys, String sessionId, Instant now,
                                          Predicate<String> domains) throws ComposeException {
        Objects.requireNonNull(domains, "domains");
        DraftCheck.check(draft);
        List<CopyPlan.Copy> copies = CopyPlan.of(draft.brief()).stream().filter(c -> domains.test(c.domain())).toList();
        if (copies.isEmpty()) {
            return List.of();
        }
        byte[] enclosurePlaintext = EnclosureSignatures.signedPlaintext(draft.enclosure(), sender.identityKey());
        String fromDomain = draft.brief().from().substring(draft.brief().from().lastIndexOf('@') + 1);
        Instant expires = now.plus(options.lifetime()).truncatedTo(ChronoUnit.SECONDS);
        List<ComposedEnvelope> out = new ArrayList<>();
        for (CopyPlan.Copy copy : copies) {
            DomainEncryptionPublicKey domainKey = keys.domainKey(copy.domain()).orElseThrow(() ->
                    new ComposeException(ComposeError.MISSING_DOMAIN_KEY, "no domain key for a recipient domain"));
            List<UserEncryptionPublicKey> clientKeys = clientKeys(copy.recipients(), keys);
            Postmark postmark = Postmark.of(ids.next(), sessionId, fromDomain, copy.domain(), expires);
            Envelope e = envelope(postmark, BriefCodec.encode(copy.brief()), enclosurePlaintext, domainKey, sender, clientKeys);
            out.add(new ComposedEnvelope(e, copy.recipients(), copy.blind()));
        }
        return List.copyOf(out);
    }

    private Envelope envelope(Postmark postmark, byte[] briefPlaintext, byte[] enclosurePlaintext,
                              DomainEncryptionPublicKey domainKey, Sender sender, List<UserEncryptionPublicKey> clientKeys)
            throws ComposeException {
        Aead aead = CryptoSuite.of(options.suite()).aead();
        SecretBytes kBrief = SecretBytes.random(aead.keyLength(), random);
        SecretBytes kEnclosure = SecretBytes.random(aead.keyLength(), random);
        try {
            String brief = PayloadCipher.seal(aead, kBrief, briefPlaintext, postmark.id(), random);
            String enclosure = PayloadCipher.seal(aead, kEnclosure, enclosurePlaintext, postmark.id(), random);
            SealMaps.Maps maps = SealMaps.build(options.suite(), kBrief, kEnclosure, domainKey, sender.homeServerKey(), clientKeys, random);
            Seal seal = Seal.unsigned(options.suite(), maps.brief(), maps.enclosure());
            Envelope sized = new Envelope(Envelope.VERSION, postmark, seal.withSignature(KEY_ID_PLACEHOLDER,
                    SIGNATURE_PLACEHOLDER, MAC_PLACEHOLDER), brief, enclosure, "");
            Envelope padded = EnvelopePadding.fit(sized, options.buckets(), random).orElseThrow(() ->
                    new ComposeException(ComposeError.TOO_LARGE, "envelope exceeds max_envelope_size (ENVELOPE.md §2.4.1)"));
            return padded.withSeal(seal);
        } finally {
            kBrief.destroy();
            kEnclosure.destroy();
        }
    }

    private static List<UserEncryptionPublicKey> clientKeys(List<String> recipients, RecipientKeys keys) throws ComposeException {
        Map<String, UserEncryptionPublicKey> unique = new LinkedHashMap<>();
        for (String r : recipients) {
            List<UserEncryptionPublicKey> ks = keys.clientKeysOf(r);
            if (ks.isEmpty()) {
                throw new ComposeException(ComposeError.MISSING_RECIPIENT_KEY, "no client key for a recipient");
            }
            for (UserEncryptionPublicKey k : ks) {
                unique.putIfAbsent(k.keyId().hex(), k);
            }
        }
        return List.copyOf(unique.values());
    }
}
