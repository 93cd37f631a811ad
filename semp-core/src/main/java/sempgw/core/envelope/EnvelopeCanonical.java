package sempgw.core.envelope;

import sempgw.core.json.CanonicalJson;
import sempgw.core.json.Elision;
import sempgw.core.json.JsonObject;

/**
 * The canonical envelope bytes that {@code seal.signature} and {@code seal.session_mac} both cover
 * (ENVELOPE.md §4.3): keys sorted, no whitespace, {@code seal.signature} and
 * {@code seal.session_mac} written as {@code ""}, {@code postmark.hop_count} and {@code padding}
 * left out. Computed once per envelope and passed to both proofs.
 */
public final class EnvelopeCanonical {
    /** The ENVELOPE.md §4.3 elisions. */
    public static final Elision SEAL_SCOPE = Elision.builder()
            .blank("seal", "signature").blank("seal", "session_mac")
            .delete("postmark", "hop_count").delete("padding")
            .build();

    private EnvelopeCanonical() {
    }

    /** The canonical bytes of an envelope tree. */
    public static byte[] of(JsonObject envelopeTree) {
        return CanonicalJson.encode(envelopeTree, SEAL_SCOPE);
    }

    /** The canonical bytes of a typed envelope, through its go-compatible tree. */
    public static byte[] of(Envelope envelope) {
        return of(EnvelopeCodec.toJson(envelope));
    }
}
