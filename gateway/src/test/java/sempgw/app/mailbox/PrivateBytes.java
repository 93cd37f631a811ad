package sempgw.app.mailbox;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import sempgw.core.crypto.InsecureSecretAccess;

/** The raw private key bytes a store holds, to prove they appear on disk nowhere. */
final class PrivateBytes {
    private PrivateBytes() {
    }

    static List<byte[]> of(MailboxStore store) {
        List<byte[]> out = new ArrayList<>();
        for (Mailbox m : store.list()) {
            m.identity().ifPresent(k -> out.add(k.exportSeedInsecure(InsecureSecretAccess.get())));
            m.decryption().values().forEach(k -> out.add(k.exportInsecure(InsecureSecretAccess.get())));
        }
        return out;
    }

    /**
     * Whether the first or second 16 octets of {@code needle} occur in {@code haystack}: both are
     * secret in every layout (the Ed25519 seed; X25519 scalar, then Kyber's secret vector).
     */
    static boolean contains(byte[] haystack, byte[] needle) {
        for (int start = 0; start <= 16; start += 16) {
            byte[] window = Arrays.copyOfRange(needle, start, start + 16);
            for (int i = 0; i + 16 <= haystack.length; i++) {
                if (Arrays.equals(haystack, i, i + 16, window, 0, 16)) {
                    return true;
                }
            }
        }
        return false;
    }
}
