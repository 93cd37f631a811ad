package sempgw.core.envelope.seal;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import sempgw.core.SempReason;
import sempgw.core.crypto.SecretBytes;
import sempgw.core.envelope.Envelope;
import sempgw.core.envelope.EnvelopeCodec;
import sempgw.core.envelope.EnvelopeFormatException;
import sempgw.core.envelope.ExtensionLayer;
import sempgw.core.envelope.Extensions;
import sempgw.core.envelope.ReceivedEnvelope;
import sempgw.core.envelope.brief.Brief;

/**
 * The receiving server's pipeline, in the order of ENVELOPE.md §9.1 and §7.2. Each step maps to
 * one reason code and the first failure ends the pipeline; missing data fails closed.
 *
 * <ol>
 *   <li>Size within {@code max_envelope_size}, padding included -> {@code envelope_size_exceeded} (§9.3).</li>
 *   <li>{@code postmark.extensions} and {@code seal.extensions} within 4 KB, checked before the
 *   signature (EXTENSIONS.md §4.1, VECTORS.md §13.4) -> {@code extension_size_exceeded}.</li>
 *   <li>{@code seal.signature} with the sender domain key -> {@code seal_invalid} (§7.2 step 1);
 *   sender keys that cannot be learned now -> {@code server_unavailable}, recoverable (KEY.md §6.4).</li>
 *   <li>{@code postmark.expires} -> {@code envelope_expired} (step 2).</li>
 *   <li>{@code postmark.session_id} live -> {@code no_session}, {@code handshake_expired},
 *   {@code handshake_invalid} (step 3).</li>
 *   <li>{@code seal.session_mac} with {@code K_env_mac} -> {@code session_mac_invalid} (step 4).</li>
 *   <li>Required postmark and seal extensions understood -> {@code extension_unsupported}
 *   (EXTENSIONS.md §3.3).</li>
 *   <li>Brief opened with our domain key -> {@code policy_forbidden} for a domain we do not
 *   serve, {@code seal_invalid} otherwise (steps 5-6).</li>
 *   <li>Brief rules: extensions, canonical addresses, sender domain -> {@code
 *   extension_size_exceeded}, {@code extension_unsupported}, {@code policy_forbidden}.</li>
 *   <li>Delivery policy -> its decision (step 7).</li>
 * </ol>
 * Signature and MAC cover the same canonical bytes of the received tree, computed once (§4.3)
 * and handed on with the accepted verdict for the delivery receipt.
 */
public final class EnvelopeVerifier {
    private final SenderDomainKeys senderKeys;
    private final SessionLookup sessions;
    private final DomainDecryptionKeys ourKeys;
    private final DeliveryPolicy policy;
    private final VerifierOptions options;

    /** A pipeline over the server's key, session and policy tables. */
    public EnvelopeVerifier(SenderDomainKeys senderKeys, SessionLookup sessions, DomainDecryptionKeys ourKeys,
                            DeliveryPolicy policy, VerifierOptions options) {
        this.senderKeys = Objects.requireNonNull(senderKeys, "senderKeys");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.ourKeys = Objects.requireNonNull(ourKeys, "ourKeys");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.options = Objects.requireNonNull(options, "options");
    }

    /** Decodes wire bytes (bounded by {@code max_envelope_size}) and runs the pipeline. */
    public Verdict receive(byte[] wire, Instant now) {
        ReceivedEnvelope received;
        try {
            received = EnvelopeCodec.decode(wire, options.maxEnvelopeSize());
        } catch (EnvelopeFormatException e) {
            Optional<SempReason> reason = e.error().reason();
            return reason.<Verdict>map(r -> new Verdict.Rejected(r, e.getMessage(), "", Optional.empty()))
                    .orElseGet(() -> new Verdict.Malformed(e.error(), e.getMessage()));
        }
        return verify(received, now);
    }

    /** Runs the pipeline on a decoded envelope at time {@code now}. */
    public Verdict verify(ReceivedEnvelope received, Instant now) {
        Envelope e = received.envelope();
        try {
            limits(received);
            byte[] canonical = received.canonicalBytes();
            SealCheck.signature(e, canonical, senderKeys);
            SealCheck.expiry(e, now, options.expiryGrace());
            List<SecretBytes> macKeys = SealCheck.session(e, sessions);
            SealCheck.mac(e, canonical, macKeys);
            requiredExtensions(e);
            Brief brief = BriefCheck.open(e, ourKeys);
            BriefCheck.validate(e, brief, options.supportedExtensions());
            if (policy.check(e.postmark(), brief) instanceof PolicyDecision.Refuse(SempReason reason, String detail)) {
                throw new Rejection(reason, detail);
            }
            return new Verdict.Accepted(received, brief, canonical);
        } catch (Rejection r) {
            return r.toVerdict(e.postmark().id());
        }
    }

    private void limits(ReceivedEnvelope received) throws Rejection {
        if (received.wireLength() > options.maxEnvelopeSize()) {
            throw new Rejection(SempReason.ENVELOPE_SIZE_EXCEEDED, "envelope exceeds max_envelope_size " + options.maxEnvelopeSize());
        }
        Envelope e = received.envelope();
        if (!Extensions.withinReceiveLimit(ExtensionLayer.POSTMARK, e.postmark().extensions())
                || !Extensions.withinReceiveLimit(ExtensionLayer.SEAL, e.seal().extensions())) {
            throw new Rejection(SempReason.EXTENSION_SIZE_EXCEEDED, "postmark or seal extensions exceed 4 KB");
        }
    }

    private void requiredExtensions(Envelope e) throws Rejection {
        for (var ext : List.of(e.postmark().extensions(), e.seal().extensions())) {
            Optional<String> key = Extensions.firstUnsupportedRequired(ext, options.supportedExtensions());
            if (key.isPresent()) {
                throw new Rejection(SempReason.EXTENSION_UNSUPPORTED, "required extension not supported", key.get());
            }
        }
    }
}
