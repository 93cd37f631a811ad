package sempgw.semp.egress.peers;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import sempgw.core.StrictBase64;
import sempgw.core.crypto.CryptoException;
import sempgw.core.crypto.SuiteId;
import sempgw.core.json.JsonException;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonParser;
import sempgw.core.json.JsonValue;
import sempgw.core.keys.DomainEncryptionPublicKey;
import sempgw.core.keys.DomainSigningPublicKey;
import sempgw.core.keys.KeyId;

/**
 * Reads a {@code SEMP_DOMAIN_KEYS} document (KEY.md §2.3), failing closed, in order:
 *
 * <ol>
 *   <li>A JSON object within the byte limit, {@code type} {@code SEMP_DOMAIN_KEYS}.</li>
 *   <li>{@code version} semver with MAJOR 1 (CONFORMANCE.md §9.1).</li>
 *   <li>{@code domain} the domain we asked about (case-insensitive, no trailing dot).</li>
 *   <li>{@code signing_key}: {@code algorithm} {@code ed25519}, canonical base64 of a valid
 *   32-byte key, {@code key_id} its SHA-256 fingerprint (KEY.md §2.3).</li>
 *   <li>{@code encryption_key} (required by KEY.md §2.3): a known suite's algorithm (semp-go's
 *   {@code x25519} accepted, SPEC-DIGEST-WIRE §8) with a matching {@code key_id}; an unknown
 *   algorithm is skipped (the signing key is still usable), a wrong fingerprint or key is not.</li>
 *   <li>{@code encryption_keys} (optional, our servers' one-key-per-suite array; docs/interop.md
 *   "Domain keys with two suites"): each entry read like {@code encryption_key}; two different
 *   keys for one suite, or an entry that is not an object, make the document invalid.</li>
 * </ol>
 */
final class DomainKeysParser {

    private static final Pattern SEMVER = Pattern.compile("1\\.(0|[1-9][0-9]{0,8})\\.(0|[1-9][0-9]{0,8})([-+][0-9A-Za-z.+-]*)?");

    private DomainKeysParser() {
    }

    static PublishedDomainKeys parse(byte[] body, String domain, Instant now, Duration ttl) throws DomainKeysException {
        try {
            JsonObject doc = JsonParser.parseObject(body, JsonParser.Options.wire().withMaxBytes(body.length));
            if (!"SEMP_DOMAIN_KEYS".equals(doc.requireString("type"))) {
                throw invalid("type is not SEMP_DOMAIN_KEYS");
            }
            if (!SEMVER.matcher(doc.requireString("version")).matches()) {
                throw invalid("version is not 1.x.y");
            }
            String named = doc.requireString("domain").toLowerCase(Locale.ROOT);
            if (!named.equals(domain) && !named.equals(domain + ".")) {
                throw invalid("document is for another domain");
            }
            JsonObject s = doc.requireObject("signing_key");
            if (!"ed25519".equals(s.requireString("algorithm"))) {
                throw invalid("signing_key algorithm is not ed25519");
            }
            DomainSigningPublicKey signing = DomainSigningPublicKey.of(key(s));
            Optional<DomainEncryptionPublicKey> main = encryption(doc.requireObject("encryption_key"));
            Map<SuiteId, DomainEncryptionPublicKey> all = new EnumMap<>(SuiteId.class);
            main.ifPresent(k -> all.put(k.suite(), k));
            if (doc.optionalArray("encryption_keys").isPresent()) {
                for (JsonValue v : doc.requireArray("encryption_keys").elements()) {
                    if (!(v instanceof JsonObject entry)) {
                        throw invalid("encryption_keys entry is not an object");
                    }
                    Optional<DomainEncryptionPublicKey> k = encryption(entry);
                    if (k.isPresent() && !k.get().equals(all.getOrDefault(k.get().suite(), k.get()))) {
                        throw invalid("two different encryption keys for " + k.get().suite());
                    }
                    k.ifPresent(key -> all.put(key.suite(), key));
                }
            }
            return new PublishedDomainKeys(domain, signing, main, all, now, now.plus(ttl));
        } catch (JsonException e) {
            throw invalid("malformed: " + e.getMessage());
        } catch (CryptoException e) {
            throw invalid("unusable key: " + e.getMessage());
        }
    }

    private static Optional<DomainEncryptionPublicKey> encryption(JsonObject e) throws JsonException, CryptoException, DomainKeysException {
        Optional<SuiteId> suite = SuiteId.fromKeyAlgorithm(e.requireString("algorithm"));
        byte[] raw = key(e);
        return suite.isEmpty() ? Optional.empty() : Optional.of(DomainEncryptionPublicKey.of(suite.get(), raw));
    }

    /** The raw key, whose fingerprint must be {@code key_id} (KEY.md §2.3). */
    private static byte[] key(JsonObject k) throws JsonException, DomainKeysException {
        byte[] raw;
        try {
            raw = StrictBase64.decode(k.requireString("public_key"));
        } catch (IllegalArgumentException e) {
            throw invalid("public_key is not canonical base64");
        }
        if (!KeyId.parse(k.requireString("key_id")).map(id -> id.matches(raw)).orElse(false)) {
            throw invalid("key_id is not the SHA-256 fingerprint of public_key");
        }
        return raw;
    }

    private static DomainKeysException invalid(String detail) {
        return new DomainKeysException("domain keys: " + detail, false);
    }
}
