package sempgw.semp.ingress.documents;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import sempgw.core.SempTimestamps;
import sempgw.core.crypto.SuiteId;
import sempgw.core.envelope.SempAddress;
import sempgw.core.json.CanonicalJson;
import sempgw.core.json.JsonArray;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonValue;
import sempgw.core.keys.KeyRecordSignatures;

/**
 * Builds the signed {@code SEMP_KEYS} response (KEY.md §3.1, §4.3) in one form that both the spec's
 * readers and semp-go verify (docs/interop.md "User key responses"):
 *
 * <ul>
 *   <li>{@code keys}: every record of every requested address, revoked ones with their
 *   {@code revocation} (KEY.md §4.3, §8.4);</li>
 *   <li>{@code results}: semp-go's per-address form {@code {address, status, domain,
 *   domain_key?, domain_enc_key?, user_keys, origin_signature}} (vectors keys.json), where
 *   {@code user_keys} holds only unrevoked records, because go's verifier refuses a whole result
 *   that contains a revoked record; {@code origin_signature} in go's unprefixed form;</li>
 *   <li>{@code first_contact_policy}: the one domain-wide policy (KEY.md §3.2.4);</li>
 *   <li>{@code signature}: the spec's {@code SEMP-KEYS:} signature over everything above
 *   ({@link KeysResponseSignature}).</li>
 * </ul>
 *
 * <p>Indistinguishability (DESIGN.md §2.7): {@code status} is {@code found} exactly when the
 * address has records of the requested types, so an unknown address, a known one without keys,
 * and a known one with none of the requested types all get {@code not_found} with empty lists,
 * built by the same code. All variable-length fields other than the address have a fixed length
 * (ULID ids, whole-second timestamps, Ed25519 signatures), so their responses also have the same
 * size for addresses of the same length.
 */
final class KeysResponse {
    private final DocumentSettings settings;
    private final DomainKeySet domainKeys;
    private final UserKeyDirectory directory;

    KeysResponse(DocumentSettings settings, DomainKeySet domainKeys, UserKeyDirectory directory) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.domainKeys = Objects.requireNonNull(domainKeys, "domainKeys");
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /** The canonical bytes of the signed response to {@code request} at {@code now}. */
    byte[] build(KeysRequest request, Instant now) {
        String timestamp = SempTimestamps.format(now);
        List<JsonValue> keys = new ArrayList<>();
        List<JsonValue> results = new ArrayList<>(request.addresses().size());
        for (SempAddress address : request.addresses()) {
            List<PublishedKey> records = directory.keys(address).stream().filter(k -> request.wants(k.type())).toList();
            records.forEach(k -> keys.add(k.record()));
            results.add(result(address, records, request.includeDomainKeys(), timestamp));
        }
        JsonObject response = JsonObject.builder()
                .put("type", "SEMP_KEYS")
                .put("step", "response")
                .put("version", ConfigurationDocument.VERSION)
                .put("id", request.id())
                .put("timestamp", timestamp)
                .put("keys", JsonArray.of(keys))
                .put("results", JsonArray.of(results))
                .put("first_contact_policy", settings.firstContact().toJson())
                .build();
        return CanonicalJson.encode(KeysResponseSignature.sign(response, domainKeys.signingKey()));
    }

    private JsonObject result(SempAddress address, List<PublishedKey> records, boolean includeDomainKeys, String timestamp) {
        boolean found = !records.isEmpty();
        JsonObject.Builder r = JsonObject.builder()
                .put("address", address.toString())
                .put("status", found ? "found" : "not_found")
                .put("domain", address.domain());
        if (found && includeDomainKeys) {
            r.put("domain_key", domainKeyRecord());
            r.put("domain_enc_key", domainEncryptionRecord());
        }
        r.put("user_keys", JsonArray.of(records.stream().filter(k -> !k.revoked()).map(PublishedKey::record).toList()));
        return KeyRecordSignatures.signResult(r.build(), settings.domain(), domainKeys.signingKey(), timestamp);
    }

    /** semp-go's {@code domain_key}: a {@code domain} record of the signing key (vectors keys.json). */
    private JsonObject domainKeyRecord() {
        return JsonObject.builder()
                .put("key_type", "domain")
                .put("algorithm", "ed25519")
                .put("public_key", domainKeys.signingKey().publicKey().toBase64())
                .put("key_id", domainKeys.signingKey().keyId().hex())
                .put("created", SempTimestamps.format(domainKeys.signingCreated()))
                .put("expires", SempTimestamps.format(domainKeys.signingExpires()))
                .build();
    }

    /**
     * semp-go's {@code domain_enc_key}: the baseline suite's key, the one go peers use, with go's
     * algorithm name {@code x25519} (vectors keys.json; docs/interop.md "Encryption key algorithm").
     */
    private JsonObject domainEncryptionRecord() {
        DomainKeySet.Encryption e = domainKeys.encryption(SuiteId.X25519_CHACHA20_POLY1305).orElseThrow();
        return DomainKeysDocument.encryption(e.key()).toBuilder()
                .put("algorithm", "x25519")
                .put("key_type", "domain")
                .put("created", SempTimestamps.format(e.created()))
                .put("expires", SempTimestamps.format(e.expires()))
                .build();
    }
}
