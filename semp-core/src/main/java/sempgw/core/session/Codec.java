package sempgw.core.session;

import sempgw.core.SempException;
import sempgw.core.SempReason;
import sempgw.core.StrictBase64;

/** Small decoding helpers whose failures are typed SEMP errors. */
final class Codec {
    private Codec() {
    }

    /** Standard base64 with padding (VECTORS.md §1); HANDSHAKE_INVALID otherwise. */
    static byte[] base64(String text, String what) throws SempException {
        try {
            return StrictBase64.decode(text);
        } catch (IllegalArgumentException e) {
            throw new SempException(SempReason.HANDSHAKE_INVALID, what + " is not base64");
        }
    }

    /** True for a {@code 1.x.y} version string: same MAJOR as ours (CONFORMANCE.md §9.1.3). */
    static boolean majorVersionOne(String version) {
        int dot = version.indexOf('.');
        return dot > 0 && version.substring(0, dot).equals("1") && version.indexOf('.', dot + 1) > dot + 1;
    }

    /** A decoded nonce of at least 32 bytes (HANDSHAKE.md §6.2; CONFORMANCE.md §6). */
    static byte[] nonce(String text, String what) throws SempException {
        byte[] n = base64(text, what);
        if (n.length < 32 || n.length > 256) {
            throw new SempException(SempReason.HANDSHAKE_INVALID, what + " must be 32 to 256 bytes");
        }
        return n;
    }
}
