package sempgw.core.envelope;

import java.util.List;
import java.util.Map;
import sempgw.core.json.CanonicalJson;
import sempgw.core.json.ElidedCanonical;
import sempgw.core.json.Elision;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonString;

/**
 * The canonical envelope bytes that {@code seal.signature} and {@code seal.session_mac} both cover
 * (ENVELOPE.md §4.3): keys sorted, no whitespace, {@code seal.signature} and
 * {@code seal.session_mac} written as {@code ""}, {@code postmark.hop_count} and {@code padding}
 * left out. Computed once per envelope and passed to both proofs.
 */
public final class EnvelopeCanonical {
    private static final List<String> SIGNATURE = List.of("seal", "signature");
    private static final List<String> SESSION_MAC = List.of("seal", "session_mac");
    private static final List<String> PADDING = List.of("padding");

    /** The ENVELOPE.md §4.3 elisions. */
    public static final Elision SEAL_SCOPE = Elision.builder()
            .blank(SIGNATURE.toArray(String[]::new)).blank(SESSION_MAC.toArray(String[]::new))
            .delete("postmark", "hop_count").delete(PADDING.toArray(String[]::new))
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

    /**
     * The canonical bytes of a typed envelope, noting where the elided members go, so that its
     * wire form is put together from them ({@link #wire}) instead of encoded again.
     */
    public static ElidedCanonical elided(Envelope envelope) {
        return CanonicalJson.encodeElided(EnvelopeCodec.toJson(envelope), SEAL_SCOPE);
    }

    /**
     * The wire bytes ({@code EnvelopeCodec.encode}) of the envelope {@code c} was made from, with
     * {@code seal.signature}, {@code seal.session_mac} and {@code padding} set to these values;
     * {@code postmark.hop_count} as in the envelope.
     */
    public static byte[] wire(ElidedCanonical c, String signature, String sessionMac, String padding) {
        return c.restore(wireValues(signature, sessionMac, padding));
    }

    /** The length of {@link #wire}'s result, measured without producing it. */
    public static int wireLength(ElidedCanonical c, String signature, String sessionMac, String padding) {
        return c.restoredLength(wireValues(signature, sessionMac, padding));
    }

    private static Map<List<String>, JsonString> wireValues(String signature, String sessionMac, String padding) {
        return Map.of(SIGNATURE, JsonString.of(signature), SESSION_MAC, JsonString.of(sessionMac), PADDING, JsonString.of(padding));
    }
}
