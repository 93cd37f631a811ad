package sempgw.core.keys;

import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import sempgw.core.crypto.Digests;

/**
 * A key fingerprint: lowercase hex of SHA-256 over the raw public key bytes (KEY.md §2.3, §4.4).
 * Hybrid keys are fingerprinted over the whole 1216-byte blob. Used as {@code key_id} and as the
 * keys of the seal's recipient maps.
 *
 * <pre>{@code KeyId id = KeyId.of(publicKeyBytes); String wire = id.hex();}</pre>
 */
public record KeyId(String hex) {

    public KeyId {
        Objects.requireNonNull(hex, "hex");
        if (!isFingerprint(hex)) {
            throw new IllegalArgumentException("a key id is 64 lowercase hex digits");
        }
    }

    /** The fingerprint of a raw public key. */
    public static KeyId of(byte[] publicKey) {
        return new KeyId(HexFormat.of().formatHex(Digests.sha256(publicKey)));
    }

    /** A received key id, when it is 64 lowercase hex digits (semp-cli sends placeholders). */
    public static Optional<KeyId> parse(String text) {
        return text != null && isFingerprint(text) ? Optional.of(new KeyId(text)) : Optional.empty();
    }

    /** True when {@code publicKey} has this fingerprint. */
    public boolean matches(byte[] publicKey) {
        return of(publicKey).equals(this);
    }

    private static boolean isFingerprint(String s) {
        if (s.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return hex;
    }
}
