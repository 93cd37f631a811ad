package sempgw.core.keys;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import sempgw.core.StrictBase64;
import sempgw.core.crypto.CryptoException;
import sempgw.core.crypto.SuiteId;
import sempgw.core.json.JsonError;
import sempgw.core.json.JsonException;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonValue;

/**
 * A published key record (KEY.md §4.4), read from its JSON object, which stays the source of truth
 * for signature checks ({@link KeyRecordSignatures}).
 *
 * @param json the record as received
 * @param address the owning address
 * @param keyType {@code key_type}
 * @param algorithm {@code algorithm} as sent ({@code ed25519}, {@code x25519}, a suite id)
 * @param publicKey the raw public key
 * @param keyId {@code key_id} as sent; see {@link #keyIdMatches()}
 * @param created {@code created} as sent
 * @param expires {@code expires} as sent
 * @param signatures the parseable entries of {@code signatures}
 * @param revocation the {@code revocation} object, when the key is revoked (KEY.md §8.4)
 */
public record KeyRecord(JsonObject json, String address, KeyType keyType, String algorithm, byte[] publicKey,
                        String keyId, String created, String expires, List<KeySignature> signatures,
                        Optional<JsonObject> revocation) {

    public KeyRecord {
        Objects.requireNonNull(json, "json");
        signatures = List.copyOf(signatures);
    }

    /**
     * Reads a record.
     *
     * @throws JsonException on a missing or mistyped field, an unknown key type, or a public key
     *     that is not base64
     */
    public static KeyRecord parse(JsonObject o) throws JsonException {
        KeyType type = KeyType.parse(o.requireString("key_type"))
                .orElseThrow(() -> new JsonException(JsonError.INVALID_VALUE, "unknown key_type"));
        byte[] pub;
        try {
            pub = StrictBase64.decode(o.requireString("public_key"));
        } catch (IllegalArgumentException e) {
            throw new JsonException(JsonError.INVALID_VALUE, "public_key is not base64");
        }
        List<KeySignature> sigs = new ArrayList<>();
        if (o.optionalArray("signatures").isPresent()) {
            for (JsonValue v : o.requireArray("signatures").elements()) {
                if (v instanceof JsonObject s) {
                    sigs.add(KeySignature.fromJson(s));
                } else {
                    throw new JsonException(JsonError.WRONG_TYPE, "signatures entry is " + v.typeName());
                }
            }
        }
        return new KeyRecord(o, o.optionalString("address").orElse(""), type, o.requireString("algorithm"), pub,
                o.requireString("key_id"), o.optionalString("created").orElse(""),
                o.optionalString("expires").orElse(""), sigs, o.optionalObject("revocation"));
    }

    /** True when {@code key_id} is the fingerprint of {@code public_key} (KEY.md §4.4). */
    public boolean keyIdMatches() {
        return KeyId.of(publicKey).hex().equals(keyId);
    }

    /** True when the record carries a revocation (KEY.md §8.4): never use such a key. */
    public boolean isRevoked() {
        return revocation.isPresent();
    }

    /**
     * The identity key of an {@code identity} record with algorithm {@code ed25519}.
     *
     * @throws CryptoException INVALID_KEY for another record type or an invalid key
     */
    public IdentityPublicKey identityKey() throws CryptoException {
        if (keyType != KeyType.IDENTITY || !"ed25519".equals(algorithm)) {
            throw new CryptoException(CryptoException.Kind.INVALID_KEY, "not an ed25519 identity key record");
        }
        return IdentityPublicKey.of(publicKey);
    }

    /**
     * The encryption key of an {@code encryption} record; the suite comes from {@code algorithm}
     * ({@code x25519} or a suite id).
     *
     * @throws CryptoException INVALID_KEY for another record type, an unknown algorithm or a wrong length
     */
    public UserEncryptionPublicKey encryptionKey() throws CryptoException {
        if (keyType != KeyType.ENCRYPTION) {
            throw new CryptoException(CryptoException.Kind.INVALID_KEY, "not an encryption key record");
        }
        SuiteId suite = SuiteId.fromKeyAlgorithm(algorithm)
                .orElseThrow(() -> new CryptoException(CryptoException.Kind.INVALID_KEY, "unknown encryption algorithm"));
        return UserEncryptionPublicKey.of(suite, publicKey);
    }

    @Override
    public String toString() {
        return "KeyRecord[" + keyType.wireName() + ", " + algorithm + ", " + keyId + (isRevoked() ? ", revoked" : "") + "]";
    }
}
