package sempgw.core.session;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import sempgw.core.crypto.InsecureSecretAccess;
import sempgw.core.crypto.SecretBytes;
import sempgw.core.crypto.SessionKeys;

/**
 * The direction label of a sealed rekey message and the key pair it selects (semp-go's format;
 * SESSION.md §3.2 says only "encrypted and MACed under the current session keys"). The side that
 * opened the connection sends {@code c2s}, the other side {@code s2c}.
 */
enum RekeyDirection {
    C2S("c2s"),
    S2C("s2c");

    private final String label;

    RekeyDirection(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** The direction a party on {@code side} sends in. */
    static RekeyDirection sentBy(Session.Side side) {
        return side == Session.Side.INITIATOR ? C2S : S2C;
    }

    static Optional<RekeyDirection> parse(String label) {
        return Arrays.stream(values()).filter(d -> d.label.equals(label)).findFirst();
    }

    SecretBytes encryptionKey(SessionKeys keys) {
        return this == C2S ? keys.encC2s() : keys.encS2c();
    }

    SecretBytes macKey(SessionKeys keys) {
        return this == C2S ? keys.macC2s() : keys.macS2c();
    }

    /** {@code LP(direction) || LP(session_id) || LP(K_mac_dir)}, LP = 4-byte big-endian length prefix. */
    byte[] associatedData(String sessionId, SessionKeys keys) {
        byte[] dir = label.getBytes(StandardCharsets.US_ASCII);
        byte[] id = sessionId.getBytes(StandardCharsets.UTF_8);
        byte[] mac = macKey(keys).toByteArray(InsecureSecretAccess.get());
        try {
            return ByteBuffer.allocate(12 + dir.length + id.length + mac.length)
                    .putInt(dir.length).put(dir).putInt(id.length).put(id).putInt(mac.length).put(mac).array();
        } finally {
            Arrays.fill(mac, (byte) 0);
        }
    }
}
