package sempgw.core.json;

/**
 * The canonical JSON writer: the exact bytes SEMP signatures, MACs and hashes cover
 * (ENVELOPE.md §4.3).
 *
 * <ol>
 *   <li>Object keys sorted by UTF-8 bytes (code-point order) at every level.</li>
 *   <li>No whitespace.</li>
 *   <li>Numbers written as their verbatim text.</li>
 *   <li>Strings escaped as Go {@code encoding/json} does: {@code \"} {@code \\} {@code \b \f \n
 *   \r \t}; other C0 controls as <code>&#92;u00xx</code> in lowercase hex; {@code < > &} as
 *   <code>&#92;u003c &#92;u003e &#92;u0026</code>; U+2028 and U+2029 escaped; a lone surrogate as U+FFFD;
 *   everything else, including {@code /} and non-ASCII, raw UTF-8.</li>
 * </ol>
 *
 * <pre>{@code
 * byte[] c = CanonicalJson.encode(envelopeTree, SEAL_ELISION);
 * byte[] signed = CanonicalJson.encode("SEMP-ENVELOPE:".getBytes(US_ASCII), envelopeTree, SEAL_ELISION);
 * }</pre>
 * Thread-safe and allocation-light: one growable buffer per call, no intermediate strings.
 */
public final class CanonicalJson {
    /** First buffer size: a typical envelope's canonical form fits after one doubling. */
    private static final int INITIAL = 2048;

    private CanonicalJson() {
    }

    /** The canonical bytes of {@code value}. */
    public static byte[] encode(JsonValue value) {
        return encode(null, value, Elision.NONE);
    }

    /** The canonical bytes of {@code value} with {@code elision} applied. */
    public static byte[] encode(JsonValue value, Elision elision) {
        return encode(null, value, elision);
    }

    /**
     * {@code prefix || canonical(value)} in one array: the input of a domain-separated signature
     * (ENVELOPE.md §4.3 "Signature Domain Separation") without a second copy.
     *
     * @param prefix bytes to put first, or {@code null} for none
     */
    public static byte[] encode(byte[] prefix, JsonValue value, Elision elision) {
        CanonicalWriter w = new CanonicalWriter(prefix == null ? INITIAL : prefix.length + INITIAL);
        if (prefix != null) {
            w.out().write(prefix, 0, prefix.length);
        }
        w.writeValue(value, elision.root());
        return w.out().toByteArray();
    }

    /** The canonical literal of one string, quotes included (e.g. <code>"a&#92;u003cb"</code>). */
    public static byte[] encodeString(String value) {
        CanonicalWriter w = new CanonicalWriter(value.length() + 2);
        w.writeString(value);
        return w.out().toByteArray();
    }
}
