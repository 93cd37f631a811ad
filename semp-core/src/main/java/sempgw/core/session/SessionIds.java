package sempgw.core.session;

import java.time.Instant;
import sempgw.core.crypto.RandomSource;

/**
 * New session identifiers: ULIDs, 48 bits of milliseconds then 80 random bits in Crockford
 * base32, 26 characters (HANDSHAKE.md §2.3.1 "ULID RECOMMENDED"; SESSION.md §3.2). Peers treat
 * ids as opaque strings (SPEC-DIGEST-WIRE §2.3), so semp-go's differently built ids are accepted
 * everywhere an id is read.
 */
@FunctionalInterface
public interface SessionIds {

    /** A fresh, unique session id. */
    String next(Instant now, RandomSource random);

    /** ULIDs (the default). Draws 10 random bytes per id. */
    static SessionIds ulid() {
        return SessionIds::newUlid;
    }

    /** One ULID for {@code now}. */
    static String newUlid(Instant now, RandomSource random) {
        final char[] alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
        byte[] r = random.bytes(10);
        long time = now.toEpochMilli() & 0xFFFF_FFFF_FFFFL;
        char[] out = new char[26];
        for (int i = 9; i >= 0; i--) {
            out[i] = alphabet[(int) (time & 31)];
            time >>>= 5;
        }
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 5; i++) {
            hi = (hi << 8) | (r[i] & 0xFF);
            lo = (lo << 8) | (r[i + 5] & 0xFF);
        }
        for (int i = 17; i >= 10; i--) {
            out[i] = alphabet[(int) (hi & 31)];
            hi >>>= 5;
        }
        for (int i = 25; i >= 18; i--) {
            out[i] = alphabet[(int) (lo & 31)];
            lo >>>= 5;
        }
        return new String(out);
    }
}
