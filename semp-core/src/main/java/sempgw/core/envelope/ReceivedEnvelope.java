package sempgw.core.envelope;

import java.util.Objects;
import sempgw.core.json.JsonObject;

/**
 * An envelope as received: the typed view plus the exact JSON tree that arrived. Signatures and
 * MACs are checked over the canonical form of that tree, never of a re-encoding, so unknown
 * members and verbatim numbers or timestamps stay covered (SPEC-DIGEST-WIRE §0 item 2).
 */
public final class ReceivedEnvelope {
    private final Envelope envelope;
    private final JsonObject tree;
    private final int wireLength;

    /**
     * @param envelope the typed view of {@code tree}
     * @param tree the received JSON object
     * @param wireLength the received size in bytes, padding included (ENVELOPE.md §2.4)
     */
    public ReceivedEnvelope(Envelope envelope, JsonObject tree, int wireLength) {
        this.envelope = Objects.requireNonNull(envelope, "envelope");
        this.tree = Objects.requireNonNull(tree, "tree");
        this.wireLength = wireLength;
    }

    /** The typed view. */
    public Envelope envelope() {
        return envelope;
    }

    /** The JSON tree as received. */
    public JsonObject tree() {
        return tree;
    }

    /** The received size in bytes. */
    public int wireLength() {
        return wireLength;
    }

    /** The bytes both seal proofs cover: the canonical received tree (ENVELOPE.md §4.3). */
    public byte[] canonicalBytes() {
        return EnvelopeCanonical.of(tree);
    }

    /** Shows the postmark id only. */
    @Override
    public String toString() {
        return "ReceivedEnvelope[" + envelope.postmark().id() + ", " + wireLength + " bytes]";
    }
}
