package sempgw.core.json;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A canonical form with an {@link Elision} applied, and where each member it blanked or left out
 * belongs, so that the form without the elision, of the same tree or of the tree with other
 * values in those members, is put together by copying instead of canonicalizing the tree again.
 *
 * <p>SEMP signs a document with members elided, then sends it with them filled in: the seal
 * covers the envelope with {@code seal.signature} and {@code seal.session_mac} blank and
 * {@code postmark.hop_count} and {@code padding} left out, while the wire carries all four
 * (ENVELOPE.md §4.3, §2.4.1); the sender signature covers the enclosure with
 * {@code sender_signature.value} blank, and the plaintext that is encrypted carries the value
 * (§6.5.2 step 7). Keys are sorted, so where a member goes does not depend on its value: the
 * filled-in form is the elided one with each member put back where it was noted.
 *
 * <pre>{@code
 * ElidedCanonical c = CanonicalJson.encodeElided(enclosureTree, SENDER_SCOPE);
 * byte[] sig = key.sign(SignatureContext.ENCLOSURE_SENDER, c.bytes());
 * byte[] plaintext = c.restore(Map.of(List.of("sender_signature", "value"), JsonString.of(base64(sig))));
 * }</pre>
 *
 * <p>A member is put back with its own comma only, so it needs a kept member before it in its
 * object. Every SEMP elision has one, a required member that sorts first: {@code brief} before
 * {@code padding}, {@code expires} before {@code hop_count}, {@code algorithm} before the
 * signature values. {@link #restore} refuses a document where that is not so. Immutable.
 */
public final class ElidedCanonical {
    private final byte[] bytes;
    private final List<Hole> holes;

    /**
     * One elided member.
     *
     * @param path the object keys from the root to the member
     * @param start where its text begins in the elided bytes, its comma included; where it goes
     *     when it was left out
     * @param end where its text ends; {@code start} when it was left out
     * @param value its value in the tree; null when the tree has none (a blank of an absent member)
     * @param leading no kept member comes before it in its object
     */
    record Hole(List<String> path, int start, int end, JsonValue value, boolean leading) {
        Hole {
            path = List.copyOf(path);
        }

        String key() {
            return path.getLast();
        }
    }

    ElidedCanonical(byte[] bytes, List<Hole> holes) {
        this.bytes = Objects.requireNonNull(bytes, "bytes");
        this.holes = List.copyOf(holes);
    }

    /** The canonical bytes with the elision applied: what a signature or MAC covers. A copy. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /**
     * The canonical form without the elision: {@link CanonicalJson#encode(JsonValue)} of the tree
     * with the member at each path of {@code values} set to that value.
     *
     * @param values new values of elided members by path; the other elided members keep the
     *     tree's value (a blank of a member the tree lacks stays out)
     * @throws IllegalArgumentException a path of {@code values} is not an elided member here
     * @throws IllegalStateException an elided member has no kept member before it in its object
     */
    public byte[] restore(Map<List<String>, ? extends JsonValue> values) {
        check(values);
        return CanonicalJson.written(w -> restore(w, values), null);
    }

    /** The length of {@link #restore}'s result, measured without producing it. */
    public int restoredLength(Map<List<String>, ? extends JsonValue> values) {
        check(values);
        CanonicalWriter counter = new CanonicalWriter(ByteOutput.counting());
        restore(counter, values);
        return Math.toIntExact(counter.out().size());
    }

    private void restore(CanonicalWriter w, Map<List<String>, ? extends JsonValue> values) {
        int from = 0;
        for (Hole h : holes) {
            w.out().write(bytes, from, h.start() - from);
            JsonValue v = values.containsKey(h.path()) ? values.get(h.path()) : h.value();
            if (v != null) {
                w.writeMember(h.key(), v);
            }
            from = h.end();
        }
        w.out().write(bytes, from, bytes.length - from);
    }

    private void check(Map<List<String>, ? extends JsonValue> values) {
        for (Hole h : holes) {
            if (h.leading()) {
                throw new IllegalStateException("elided member " + String.join(".", h.path()) + " has no kept member before it");
            }
        }
        for (List<String> path : values.keySet()) {
            if (holes.stream().noneMatch(h -> h.path().equals(path))) {
                throw new IllegalArgumentException("no elided member at " + String.join(".", path));
            }
        }
    }
}
