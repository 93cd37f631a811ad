package sempgw.core.handshake;

import java.util.Arrays;
import sempgw.core.SempException;
import sempgw.core.SempReason;
import sempgw.core.crypto.CryptoException;
import sempgw.core.crypto.CryptoSuite;
import sempgw.core.crypto.KemPrivateKey;
import sempgw.core.crypto.KeySchedule;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SecretBytes;
import sempgw.core.crypto.SessionKeys;
import sempgw.core.json.JsonObject;
import sempgw.core.session.EphemeralPublicKey;

/**
 * The initiator work shared by the client and federation handshakes: a 32-byte nonce and a
 * single-use ephemeral key (in semp-go's order), the remembered {@code init} tree for the
 * confirmation hash, and the key derivation once the response arrives.
 */
final class InitiatorCore {
    final CryptoSuite suite;
    final byte[] nonce;
    private final KemPrivateKey ephemeral;
    private JsonObject init;
    private SessionKeys keys;

    InitiatorCore(CryptoSuite suite, RandomSource random, EphemeralKeys ephemeralKeys) {
        this.suite = suite;
        this.nonce = random.bytes(32);
        this.ephemeral = ephemeralKeys.generate(suite.kem(), random);
    }

    EphemeralPublicKey publicKey() {
        return new EphemeralPublicKey(suite.id(), ephemeral.publicKey());
    }

    byte[] ephemeralPublicBytes() {
        return ephemeral.publicKey();
    }

    void sent(JsonObject initMessage) {
        this.init = initMessage;
    }

    JsonObject init() {
        return init;
    }

    /**
     * Decapsulates the responder's ciphertext, zeroes the ephemeral key (SESSION.md §2.2), and
     * derives the session keys with salt {@code nonce || serverNonce} (SESSION.md §2.1).
     */
    SessionKeys derive(EphemeralPublicKey responderKey, byte[] serverNonce) throws SempException {
        SecretBytes shared;
        try {
            shared = ephemeral.decapsulate(responderKey.key());
        } catch (CryptoException e) {
            throw new SempException(SempReason.HANDSHAKE_INVALID, "responder ephemeral key is unusable", e);
        } finally {
            ephemeral.destroy();
        }
        try {
            keys = KeySchedule.session(suite, shared, nonce, serverNonce);
            return keys;
        } finally {
            shared.destroy();
        }
    }

    /** Passes the keys to the session; this core no longer owns them. */
    SessionKeys handOver() {
        SessionKeys k = keys;
        keys = null;
        return k;
    }

    /** Zeroes the ephemeral key and keys not yet handed over. */
    void abandon() {
        ephemeral.destroy();
        Arrays.fill(nonce, (byte) 0);
        if (keys != null) {
            keys.destroy();
            keys = null;
        }
    }
}
