package sempgw.core.envelope;

import java.util.Optional;
import sempgw.core.crypto.RandomSource;
import sempgw.core.json.CanonicalJson;

/**
 * Size padding of a whole envelope (ENVELOPE.md §2.4.1): the wire size, {@code padding} included,
 * must equal a bucket. We measure our own wire bytes, which are the canonical form with
 * {@code padding} (and {@code hop_count}, if any) kept, so the spec's measure and semp-go's
 * (the marshalled wire) agree for what we send (SPEC-DIGEST-WIRE §3.4).
 *
 * <p>Padding is outside the seal (§2.4.3), so it can be fitted before or after sealing; callers
 * fitting before sealing must give the seal fields their final lengths.
 */
public final class EnvelopePadding {
    private EnvelopePadding() {
    }

    /** The wire size of {@code envelope} in bytes. */
    public static int wireLength(Envelope envelope) {
        return EnvelopeCodec.encodedLength(envelope);
    }

    /**
     * {@code envelope} with padding that puts its wire size on a bucket, or empty when even the
     * unpadded envelope exceeds {@code max_envelope_size} and must be recomposed (§2.4.1). An
     * envelope already on a bucket is returned unchanged; otherwise the existing padding is cut or
     * extended with fresh characters (padding outside the base64 alphabet is replaced).
     */
    public static Optional<Envelope> fit(Envelope envelope, SizeBuckets buckets, RandomSource random) {
        int current = wireLength(envelope);
        if (buckets.isBucket(current)) {
            return Optional.of(envelope);
        }
        String padding = envelope.padding();
        int unpadded = Padding.isFiller(padding) ? current - padding.length() : wireLength(envelope.withPadding(""));
        return paddingFor(unpadded, padding, buckets, random).map(envelope::withPadding);
    }

    /**
     * The padding of {@link #fit} for an envelope whose wire size with {@code padding ""} is
     * {@code unpaddedLength}, for a caller that knows that size without measuring the envelope
     * (the sealer puts the wire together from its canonical bytes): {@code padding} itself when
     * the envelope is already on a bucket with it; otherwise that padding cut or extended, or
     * fresh padding in place of one outside the base64 alphabet; empty when over
     * {@code max_envelope_size}.
     */
    public static Optional<String> paddingFor(int unpaddedLength, String padding, SizeBuckets buckets, RandomSource random) {
        boolean filler = Padding.isFiller(padding);
        int current = unpaddedLength + (filler ? padding.length() : CanonicalJson.encodeString(padding).length - 2);
        if (buckets.isBucket(current)) {
            return Optional.of(padding);
        }
        var bucket = buckets.bucketFor(unpaddedLength);
        if (bucket.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Padding.resize(filler ? padding : "", bucket.getAsInt() - unpaddedLength, random));
    }
}
