package sempgw.semp.egress.keys;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import sempgw.core.json.JsonException;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonString;
import sempgw.core.json.JsonValue;
import sempgw.core.keys.DomainSigningPublicKey;
import sempgw.core.keys.KeyRecord;
import sempgw.core.keys.KeyRecordSignatures;

/**
 * The key records of one response, each checked before it is kept, per asked address:
 *
 * <ol>
 *   <li>A record is an object; its {@code address} (or, in a result's {@code user_keys}, the
 *   result's address when it has none) is one we asked for, else it is ignored: a domain speaks
 *   only for the addresses we asked it about.</li>
 *   <li>A {@code revocation} object marks its {@code key_id} revoked for that address (KEY.md §8.3,
 *   §8.4), even on a record that carries nothing else; revocations only ever remove keys.</li>
 *   <li>The record has every field of KEY.md §4.4 with the right types -> MALFORMED.</li>
 *   <li>{@code key_id} is the SHA-256 fingerprint of {@code public_key} (KEY.md §4.4) -> MALFORMED.</li>
 *   <li>A signature by the domain signing key verifies over the record (KEY.md §5.1, in the
 *   record form semp-go and our server use; docs/interop.md "Key record signatures")
 *   -> SIGNATURE_INVALID.</li>
 * </ol>
 * A key listed twice (in {@code keys} and in {@code results}) is kept once.
 */
final class VerifiedRecords {

    /** The verified records of one address, and every key id revoked for it. */
    record Published(List<KeyRecord> records, Set<String> revoked) {
        Published {
            records = List.copyOf(records);
            revoked = Set.copyOf(revoked);
        }
    }

    private final DomainSigningPublicKey signingKey;
    private final Set<String> asked;
    private final Map<String, Map<String, KeyRecord>> records = new HashMap<>();
    private final Map<String, Set<String>> revoked = new HashMap<>();

    VerifiedRecords(DomainSigningPublicKey signingKey, Set<String> asked) {
        this.signingKey = signingKey;
        this.asked = asked;
    }

    /** Checks and keeps one record; {@code owner} is the enclosing result's address, if any. */
    void add(JsonValue value, Optional<String> owner) throws KeyLookupException {
        if (!(value instanceof JsonObject o)) {
            throw new KeyLookupException(KeyLookupError.MALFORMED, "a key record is not an object");
        }
        Optional<String> address = o.getOrNull("address") instanceof JsonString s ? PeerAddresses.canonical(s.value()) : owner;
        if (address.isEmpty() || !asked.contains(address.get())) {
            return;
        }
        boolean revocation = o.getOrNull("revocation") instanceof JsonObject;
        if (revocation && o.getOrNull("key_id") instanceof JsonString id) {
            revoked.computeIfAbsent(address.get(), a -> new LinkedHashSet<>()).add(id.value());
            if (!o.has("public_key")) {
                return;
            }
        }
        KeyRecord record;
        try {
            record = KeyRecord.parse(o);
        } catch (JsonException e) {
            throw new KeyLookupException(KeyLookupError.MALFORMED, "key record: " + e.getMessage());
        }
        if (!record.keyIdMatches()) {
            throw new KeyLookupException(KeyLookupError.MALFORMED, "key record: key_id is not the fingerprint of public_key (KEY.md §4.4)");
        }
        if (!KeyRecordSignatures.verify(o, signingKey)) {
            throw new KeyLookupException(KeyLookupError.SIGNATURE_INVALID,
                    "key record " + record.keyId() + " has no valid signature by domain key " + signingKey.keyId() + " (KEY.md §5.1)");
        }
        records.computeIfAbsent(address.get(), a -> new LinkedHashMap<>()).putIfAbsent(record.keyId(), record);
    }

    /** What was kept for each asked address; addresses with nothing are absent. */
    Map<String, Published> published() {
        Map<String, Published> out = new HashMap<>();
        Set<String> addresses = new LinkedHashSet<>(records.keySet());
        addresses.addAll(revoked.keySet());
        for (String a : addresses) {
            out.put(a, new Published(List.copyOf(records.getOrDefault(a, Map.of()).values()), revoked.getOrDefault(a, Set.of())));
        }
        return out;
    }
}
