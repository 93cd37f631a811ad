package sempgw.core.envelope;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import sempgw.core.crypto.SuiteId;
import sempgw.core.json.JsonObject;

/**
 * The seal (ENVELOPE.md §4.1-4.2): the domain signature and session MAC over the canonical
 * envelope, and the wrapped payload keys.
 *
 * @param algorithm the suite id (§7.3.2), kept verbatim; see {@link #suite()}
 * @param keyId fingerprint of the sender domain key that signed; senders may send a placeholder
 *     (semp-cli does), so receivers look the key up by domain (SPEC-DIGEST-WIRE §2.3)
 * @param signature base64 Ed25519 signature, "" before sealing
 * @param sessionMac base64 HMAC-SHA-256, "" before sealing
 * @param briefRecipients key fingerprint (hex) to base64 wrapped {@code K_brief} (§4.4)
 * @param enclosureRecipients key fingerprint (hex) to base64 wrapped {@code K_enclosure}
 * @param firstContactToken the proof-of-work token object, or empty for JSON {@code null} (§4.2)
 * @param extensions integrity extensions, public metadata (§8)
 */
public record Seal(String algorithm, String keyId, String signature, String sessionMac,
                   Map<String, String> briefRecipients, Map<String, String> enclosureRecipients,
                   Optional<JsonObject> firstContactToken, JsonObject extensions) {

    public Seal {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(sessionMac, "sessionMac");
        briefRecipients = Collections.unmodifiableMap(new LinkedHashMap<>(briefRecipients));
        enclosureRecipients = Collections.unmodifiableMap(new LinkedHashMap<>(enclosureRecipients));
        Objects.requireNonNull(firstContactToken, "firstContactToken");
        Objects.requireNonNull(extensions, "extensions");
    }

    /** An unsigned seal: empty key id, signature and MAC, no token, no extensions. */
    public static Seal unsigned(SuiteId suite, Map<String, String> briefRecipients, Map<String, String> enclosureRecipients) {
        return new Seal(suite.wireName(), "", "", "", briefRecipients, enclosureRecipients, Optional.empty(), JsonObject.EMPTY);
    }

    /** The suite named by {@link #algorithm()}, if we support it. */
    public Optional<SuiteId> suite() {
        return SuiteId.parse(algorithm);
    }

    /** This seal with the sealing fields set (ENVELOPE.md §7.1 steps 11-13). */
    public Seal withSignature(String newKeyId, String newSignature, String newSessionMac) {
        return new Seal(algorithm, newKeyId, newSignature, newSessionMac, briefRecipients, enclosureRecipients,
                firstContactToken, extensions);
    }
}
