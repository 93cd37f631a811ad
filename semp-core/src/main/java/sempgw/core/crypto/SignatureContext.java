package sempgw.core.crypto;

import java.nio.charset.StandardCharsets;

/**
 * The domain-separation prefix of every SEMP Ed25519 signature: the signed input is always
 * {@code prefix || bytes} (ENVELOPE.md §4.3 "Signature Domain Separation"). Signing and verifying
 * take a context, so a signature made for one purpose cannot verify for another.
 */
public enum SignatureContext {
    ENVELOPE("SEMP-ENVELOPE:"),
    HANDSHAKE("SEMP-HANDSHAKE:"),
    IDENTITY("SEMP-IDENTITY:"),
    KEYS("SEMP-KEYS:"),
    KEY_SELF_SIG("SEMP-KEY-SELF-SIG:"),
    DISCOVERY("SEMP-DISCOVERY:"),
    REVOCATION("SEMP-REVOCATION:"),
    DELIVERY_RECEIPT("SEMP-DELIVERY-RECEIPT:"),
    RECOVERY_BUNDLE("SEMP-RECOVERY-BUNDLE:"),
    RECOVERY_MANIFEST("SEMP-RECOVERY-MANIFEST:"),
    RECOVERY_SHARE("SEMP-RECOVERY-SHARE:"),
    SUCCESSOR_RECORD("SEMP-SUCCESSOR-RECORD:"),
    MIGRATION_RECORD("SEMP-MIGRATION-RECORD:"),
    DEVICE_REGISTER("SEMP-DEVICE-REGISTER:"),
    DEVICE_AUTHORIZE("SEMP-DEVICE-AUTHORIZE:"),
    DEVICE_REVOCATION("SEMP-DEVICE-REVOCATION:"),
    DEVICE_DIRECTORY("SEMP-DEVICE-DIRECTORY:"),
    ENCLOSURE_SENDER("SEMP-ENCLOSURE-SENDER:"),
    FORWARDER_ATTESTATION("SEMP-FORWARDER-ATTESTATION:"),
    USER_POLICY("SEMP-USER-POLICY:"),
    ACCOUNT_CLOSURE("SEMP-ACCOUNT-CLOSURE:"),
    TRANSPARENCY_STH("SEMP-TRANSPARENCY-STH:"),
    /**
     * No prefix: semp-go signs key records and key-response results unprefixed
     * (SPEC-DIGEST-WIRE §8). Use only for those records when talking to go peers.
     */
    GO_UNPREFIXED_KEY_RECORD("");

    private final byte[] prefix;

    SignatureContext(String prefix) {
        this.prefix = prefix.getBytes(StandardCharsets.US_ASCII);
    }

    /** A copy of the prefix bytes. */
    public byte[] prefix() {
        return prefix.clone();
    }

    /** The prefix bytes themselves, for verifiers that take prefix and message apart; never modify them. */
    byte[] prefixBytes() {
        return prefix;
    }

    /** {@code prefix || message}. */
    public byte[] prefixed(byte[] message) {
        if (prefix.length == 0) {
            return message;
        }
        byte[] out = new byte[prefix.length + message.length];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(message, 0, out, prefix.length, message.length);
        return out;
    }
}
