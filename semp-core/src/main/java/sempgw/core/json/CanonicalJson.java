package sempgw.core.json;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

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
 * Thread-safe and allocation-light: each thread writes into its own reusable buffer, which is
 * zeroed after every call (canonical forms can hold message content), and the result is one
 * exact-size copy; no intermediate strings.
 */
public final class CanonicalJson {
    /** First buffer size: a typical envelope's canonical form fits after one doubling. */
    private static final int INITIAL = 2048;
    /** A thread keeps its buffer up to this size; a larger one is dropped after its call. */
    private static final int RETAINED = 256 * 1024;
    private static final ThreadLocal<ByteOutput> SCRATCH = ThreadLocal.withInitial(() -> new ByteOutput(INITIAL));

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
        return written(w -> {
            if (prefix != null) {
                w.out().write(prefix, 0, prefix.length);
            }
            w.writeValue(value, elision.root());
        }, null);
    }

    /**
     * The canonical bytes of {@code value} with {@code elision} applied, noting what the elision
     * blanked or left out so that the unelided form is put together from them
     * ({@link ElidedCanonical#restore}) rather than encoded again.
     */
    public static ElidedCanonical encodeElided(JsonValue value, Elision elision) {
        List<ElidedCanonical.Hole> holes = new ArrayList<>();
        byte[] bytes = written(w -> w.writeValue(value, elision.root()), holes);
        return new ElidedCanonical(bytes, holes);
    }

    /**
     * What {@code body} writes, as one exact-size array, through this thread's buffer.
     *
     * @param holes where the writer notes elided members, or null
     */
    static byte[] written(Consumer<CanonicalWriter> body, List<ElidedCanonical.Hole> holes) {
        ByteOutput out = SCRATCH.get();
        try {
            body.accept(new CanonicalWriter(out, holes));
            return out.toByteArray();
        } finally {
            out.clear();
            if (out.capacity() > RETAINED) {
                SCRATCH.remove();
            }
        }
    }

    /**
     * The length of {@code encode(value, elision)} without producing it: the same writer into a
     * buffer that only counts, for callers that need a size and not the bytes (padding to a
     * size bucket, ENVELOPE.md §2.4.1).
     */
    public static int encodedLength(JsonValue value, Elision elision) {
        ByteOutput counter = ByteOutput.counting();
        new CanonicalWriter(counter).writeValue(value, elision.root());
        return Math.toIntExact(counter.size());
    }

    /** The canonical literal of one string, quotes included (e.g. <code>"a&#92;u003cb"</code>). */
    public static byte[] encodeString(String value) {
        CanonicalWriter w = new CanonicalWriter(value.length() + 2);
        w.writeString(value);
        return w.out().toByteArray();
    }
}
