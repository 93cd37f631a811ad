package sempgw.semp.ingress.documents;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import sempgw.core.crypto.SuiteId;
import sempgw.core.json.CanonicalJson;
import sempgw.core.json.JsonArray;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonValue;
import sempgw.core.keys.DomainEncryptionPublicKey;
import sempgw.core.keys.DomainSigningPublicKey;

/**
 * The domain keys document (KEY.md §2.3, DISCOVERY.md §3.3): {@code SEMP_DOMAIN_KEYS} with the
 * Ed25519 {@code signing_key} and the domain's encryption keys, each as
 * {@code {algorithm, public_key, key_id}} with {@code key_id} the hex SHA-256 of the raw key.
 *
 * <p>Two suites, one {@code encryption_key} field: {@code encryption_key} is the baseline
 * {@code x25519-chacha20-poly1305} key, which every reader understands (spec, semp-go, the TS
 * client all read exactly one key there); {@code encryption_keys} lists one key per advertised
 * suite in preference order (the baseline key included), for readers that run the PQ suite.
 * Readers that do not know {@code encryption_keys} ignore it (DISCOVERY.md §3.1 extensibility).
 * Decision: docs/interop.md.
 */
public final class DomainKeysDocument {
    static final String TYPE = "SEMP_DOMAIN_KEYS";

    private DomainKeysDocument() {
    }

    /** The document's canonical bytes. */
    public static byte[] encode(DocumentSettings s, DomainKeySet keys) {
        DomainEncryptionPublicKey baseline = keys.encryption(SuiteId.X25519_CHACHA20_POLY1305)
                .orElseThrow(() -> new IllegalArgumentException("no baseline domain encryption key")).key();
        List<JsonValue> all = new ArrayList<>();
        for (SuiteId suite : s.suites()) {
            all.add(encryption(keys.encryption(suite)
                    .orElseThrow(() -> new IllegalArgumentException("suite " + suite + " advertised without a domain encryption key"))
                    .key()));
        }
        return CanonicalJson.encode(JsonObject.builder()
                .put("type", TYPE)
                .put("version", ConfigurationDocument.VERSION)
                .put("domain", s.domain())
                .put("signing_key", signing(keys.signingKey().publicKey()))
                .put("encryption_key", encryption(baseline))
                .put("encryption_keys", JsonArray.of(all))
                .build());
    }

    static JsonObject signing(DomainSigningPublicKey key) {
        return JsonObject.builder()
                .put("algorithm", key.algorithm())
                .put("public_key", key.toBase64())
                .put("key_id", key.keyId().hex())
                .build();
    }

    static JsonObject encryption(DomainEncryptionPublicKey key) {
        return JsonObject.builder()
                .put("algorithm", key.suite().wireName())
                .put("public_key", Base64.getEncoder().encodeToString(key.bytes()))
                .put("key_id", key.keyId().hex())
                .build();
    }
}
