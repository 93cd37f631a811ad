package sempgw.core.envelope;

import java.time.Instant;
import sempgw.core.crypto.RandomSource;

/**
 * ULIDs for {@code postmark.id} (ENVELOPE.md §3.3 "Implementations SHOULD use ULIDs"): 48 bits of
 * Unix milliseconds then 80 random bits, in 26 characters of Crockford base32. Time-ordered,
 * URL-safe and always 26 bytes long, which keeps envelope sizes predictable.
 */
public final class Ulid {
    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private Ulid() {
    }

    /** A fresh ULID for {@code now}. */
    public static String next(Instant now, RandomSource random) {
        return of(now, random.bytes(10));
    }

    /**
     * The ULID of {@code time} (to the millisecond) with {@code entropy} as its 80 other bits: for
     * an id derived from something stable rather than drawn at random.
     *
     * @param entropy at least 10 bytes; the first 10 are used
     */
    public static String of(Instant time, byte[] entropy) {
        if (entropy.length < 10) {
            throw new IllegalArgumentException("a ULID needs 10 bytes of entropy");
        }
        long millis = time.toEpochMilli();
        if (millis < 0 || millis >= (1L << 48)) {
            throw new IllegalArgumentException("time outside the ULID range");
        }
        char[] out = new char[26];
        for (int i = 9; i >= 0; i--) {
            out[i] = CROCKFORD[(int) (millis & 31)];
            millis >>>= 5;
        }
        long hi = ((entropy[0] & 0xffL) << 32) | ((entropy[1] & 0xffL) << 24) | ((entropy[2] & 0xffL) << 16) | ((entropy[3] & 0xffL) << 8) | (entropy[4] & 0xffL);
        long lo = ((entropy[5] & 0xffL) << 32) | ((entropy[6] & 0xffL) << 24) | ((entropy[7] & 0xffL) << 16) | ((entropy[8] & 0xffL) << 8) | (entropy[9] & 0xffL);
        for (int i = 25; i >= 18; i--) {
            out[i] = CROCKFORD[(int) (lo & 31)];
            lo >>>= 5;
        }
        for (int i = 17; i >= 10; i--) {
            out[i] = CROCKFORD[(int) (hi & 31)];
            hi >>>= 5;
        }
        return new String(out);
    }
}
