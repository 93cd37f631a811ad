package sempgw.semp.ingress.documents;

import java.util.Objects;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonString;
import sempgw.core.keys.KeyType;

/**
 * One user key record as published (KEY.md §4.4): {@code address, key_type, algorithm,
 * public_key, key_id, created, expires, signatures}, signed by the domain key in semp-go's form
 * (docs/interop.md "Key record signatures"), plus {@code revocation} once revoked (KEY.md §8.4).
 * The JSON is the source of truth; it is published byte for byte as stored.
 *
 * @param record the signed record
 * @param type its {@code key_type}
 * @param keyId its {@code key_id}
 */
public record PublishedKey(JsonObject record, KeyType type, String keyId) {

    public PublishedKey {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(keyId, "keyId");
        if (!(record.getOrNull("key_id") instanceof JsonString s) || !s.value().equals(keyId)) {
            throw new IllegalArgumentException("key_id does not match the record");
        }
    }

    /** True once the key carries a {@code revocation}: listed forever, never used (KEY.md §8.3, §8.4). */
    public boolean revoked() {
        return record.has("revocation");
    }

    /** The same key with {@code revocation} set (not covered by the record signature; KEY.md §8.4). */
    PublishedKey withRevocation(JsonObject revocation) {
        return new PublishedKey(record.with("revocation", revocation), type, keyId);
    }
}
