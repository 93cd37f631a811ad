package sempgw.semp.ingress.documents;

import sempgw.core.envelope.InvalidAddressException;
import sempgw.core.envelope.SempAddress;
import sempgw.core.json.CanonicalJson;
import sempgw.core.json.JsonError;
import sempgw.core.json.JsonException;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonParser;
import sempgw.core.keys.KeyType;

/**
 * One {@link DirectoryChange} as one line of canonical JSON, for journals:
 * <pre>{"address":"a@x","change":"provisioned"}
 * {"address":"a@x","change":"published","record":{...signed record...}}
 * {"address":"a@x","change":"revoked","key_id":"...","revocation":{...}}</pre>
 * Key records are kept byte for byte, so a replayed record carries the signature it was published with.
 */
final class DirectoryChangeCodec {

    private DirectoryChangeCodec() {
    }

    static byte[] encode(DirectoryChange change) {
        JsonObject.Builder b = JsonObject.builder().put("address", change.address().toString());
        switch (change) {
            case DirectoryChange.Provisioned p -> b.put("change", "provisioned");
            case DirectoryChange.Published p -> b.put("change", "published").put("record", p.key().record());
            case DirectoryChange.Revoked r -> b.put("change", "revoked").put("key_id", r.keyId()).put("revocation", r.revocation());
        }
        return CanonicalJson.encode(b.build());
    }

    /** @throws JsonException when the line is not a change this codec wrote */
    static DirectoryChange decode(byte[] line) throws JsonException {
        JsonObject o = JsonParser.parseObject(line);
        SempAddress address;
        try {
            address = SempAddress.parse(o.requireString("address"));
        } catch (InvalidAddressException e) {
            throw new JsonException(JsonError.INVALID_VALUE, "address is not canonical");
        }
        return switch (o.requireString("change")) {
            case "provisioned" -> new DirectoryChange.Provisioned(address);
            case "published" -> {
                JsonObject record = o.requireObject("record");
                KeyType type = KeyType.parse(record.requireString("key_type"))
                        .orElseThrow(() -> new JsonException(JsonError.INVALID_VALUE, "unknown key_type"));
                yield new DirectoryChange.Published(address, new PublishedKey(record, type, record.requireString("key_id")));
            }
            case "revoked" -> new DirectoryChange.Revoked(address, o.requireString("key_id"), o.requireObject("revocation"));
            default -> throw new JsonException(JsonError.INVALID_VALUE, "unknown change");
        };
    }
}
