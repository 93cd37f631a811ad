package sempgw.core.envelope;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The envelope size buckets of ENVELOPE.md §2.4.1: a padded envelope's wire size is exactly one of
 * these values. The default is {@code 4096 * 2^k} up to 16 MiB, then {@code max_envelope_size};
 * operators may configure a strictly increasing sequence starting at or above the 4096-byte floor
 * (§2.4.4). {@code max_envelope_size} always closes the sequence.
 *
 * <p>VECTORS.md §3.3 still shows the older 1024-byte floor; its rows below 4096 are stale and we
 * follow the normative floor (docs/interop.md).
 *
 * @param buckets the strictly increasing sizes in bytes, the last being {@code max_envelope_size}
 */
public record SizeBuckets(List<Integer> buckets) {
    /** The protocol floor (ENVELOPE.md §2.4.4). */
    public static final int FLOOR = 4096;
    /** The largest power-of-two default bucket, 16 MiB. */
    public static final int LAST_POWER_OF_TWO = 16 * 1024 * 1024;
    /** The default {@code max_envelope_size}, 25 MiB (HANDSHAKE.md §2.3.1). */
    public static final int DEFAULT_MAX_ENVELOPE_SIZE = 26_214_400;

    public SizeBuckets {
        buckets = List.copyOf(buckets);
        if (buckets.isEmpty() || buckets.getFirst() < FLOOR) {
            throw new IllegalArgumentException("the first size bucket must be at least 4096 (ENVELOPE.md §2.4.4)");
        }
        for (int i = 1; i < buckets.size(); i++) {
            if (buckets.get(i) <= buckets.get(i - 1)) {
                throw new IllegalArgumentException("size buckets must be strictly increasing (ENVELOPE.md §2.4.1)");
            }
        }
    }

    /** The default sequence for a session whose {@code max_envelope_size} is {@code max}. */
    public static SizeBuckets standard(int max) {
        List<Integer> out = new ArrayList<>();
        for (int b = FLOOR; b <= LAST_POWER_OF_TWO && b < max; b *= 2) {
            out.add(b);
        }
        out.add(max);
        return new SizeBuckets(out);
    }

    /** The default sequence with the default 25 MiB {@code max_envelope_size}. */
    public static SizeBuckets standard() {
        return standard(DEFAULT_MAX_ENVELOPE_SIZE);
    }

    /**
     * An operator's sequence, closed by {@code max} when it ends below it.
     *
     * @throws IllegalArgumentException if it starts below 4096, is not strictly increasing or
     *     exceeds {@code max} (ENVELOPE.md §2.4.1 "Operator tuning")
     */
    public static SizeBuckets custom(List<Integer> sequence, int max) {
        if (!sequence.isEmpty() && sequence.getLast() > max) {
            throw new IllegalArgumentException("the last size bucket must not exceed max_envelope_size");
        }
        List<Integer> out = new ArrayList<>(sequence);
        if (out.isEmpty() || out.getLast() < max) {
            out.add(max);
        }
        return new SizeBuckets(out);
    }

    /** The {@code max_envelope_size} that closes the sequence. */
    public int max() {
        return buckets.getLast();
    }

    /**
     * The smallest bucket at least {@code unpaddedSize} (ENVELOPE.md §2.4.1), or empty when the
     * envelope exceeds {@code max_envelope_size} and must be recomposed.
     */
    public OptionalInt bucketFor(long unpaddedSize) {
        for (int b : buckets) {
            if (b >= unpaddedSize) {
                return OptionalInt.of(b);
            }
        }
        return OptionalInt.empty();
    }

    /** True when {@code size} is one of the buckets. */
    public boolean isBucket(long size) {
        return size <= Integer.MAX_VALUE && buckets.contains((int) size);
    }
}
