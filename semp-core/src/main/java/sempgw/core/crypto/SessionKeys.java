package sempgw.core.crypto;

import java.util.Objects;

/**
 * The five session keys (SESSION.md §2.1). In federation, c2s means initiator to responder.
 *
 * @param encC2s {@code K_enc_c2s}: encrypts initiator-to-responder handshake and rekey payloads
 * @param encS2c {@code K_enc_s2c}
 * @param macC2s {@code K_mac_c2s}: semp-go uses it only in the rekey associated data
 * @param macS2c {@code K_mac_s2c}
 * @param envMac {@code K_env_mac}: keys {@code seal.session_mac} (ENVELOPE.md §4.3)
 */
public record SessionKeys(SecretBytes encC2s, SecretBytes encS2c, SecretBytes macC2s, SecretBytes macS2c,
                          SecretBytes envMac) {
    public SessionKeys {
        Objects.requireNonNull(encC2s, "encC2s");
        Objects.requireNonNull(encS2c, "encS2c");
        Objects.requireNonNull(macC2s, "macC2s");
        Objects.requireNonNull(macS2c, "macS2c");
        Objects.requireNonNull(envMac, "envMac");
    }

    /** Zeroes all five keys (SESSION.md §2.4: erase on session end). */
    public void destroy() {
        encC2s.destroy();
        encS2c.destroy();
        macC2s.destroy();
        macS2c.destroy();
        envMac.destroy();
    }

    /** Redacted. */
    @Override
    public String toString() {
        return "SessionKeys[redacted]";
    }
}
