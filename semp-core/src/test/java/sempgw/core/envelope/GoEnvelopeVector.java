package sempgw.core.envelope;

import static sempgw.core.testing.SharedFiles.b64;
import static sempgw.core.testing.SharedFiles.hex;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Named;
import sempgw.core.crypto.SecretBytes;
import sempgw.core.crypto.SuiteId;
import sempgw.core.keys.DecryptionKey;
import sempgw.core.keys.DomainEncryptionPrivateKey;
import sempgw.core.keys.DomainSigningPrivateKey;
import sempgw.core.keys.IdentityPrivateKey;
import sempgw.core.keys.UserEncryptionPrivateKey;
import sempgw.core.testing.ScriptedRandom;
import sempgw.core.testing.SharedFiles;

/** One sealed envelope of semp-go's envelope-baseline.json / envelope-pq.json, with its keys. */
public final class GoEnvelopeVector {
    private final JsonNode v;

    private GoEnvelopeVector(JsonNode v) {
        this.v = v;
    }

    /** The four vectors (two per suite), named for parameterized tests. */
    public static Stream<Named<GoEnvelopeVector>> all() {
        return Stream.of("envelope-baseline.json", "envelope-pq.json")
                .flatMap(f -> StreamSupport.stream(SharedFiles.goVectors(f).get("envelopes").spliterator(), false))
                .map(n -> Named.of(n.get("name").asText(), new GoEnvelopeVector(n)));
    }

    /** The raw vector node. */
    public JsonNode node() {
        return v;
    }

    /** The suite. */
    public SuiteId suite() {
        return SuiteId.parse(v.get("suite").asText()).orElseThrow();
    }

    /** The wire bytes semp-go sent. */
    public byte[] wire() {
        return b64(v.get("wire_envelope_b64").asText());
    }

    /** The unsigned wire text a go client submits. */
    public byte[] unsignedWire() {
        return v.get("unsigned_wire_envelope_text").asText().getBytes(StandardCharsets.UTF_8);
    }

    /** A hex or base64 field. */
    public byte[] bytes(String field) {
        return field.endsWith("_hex") ? hex(v.get(field).asText()) : b64(v.get(field).asText());
    }

    /** A text field. */
    public String text(String field) {
        return v.get(field).asText();
    }

    /** K_env_mac. */
    public SecretBytes envMac() {
        return SecretBytes.copyOf(bytes("K_env_mac_hex"));
    }

    /** The sender domain signing key. */
    public DomainSigningPrivateKey signingKey() throws Exception {
        return DomainSigningPrivateKey.fromSeed(hex(key("sender_domain_signing_key").get("seed_hex").asText()));
    }

    /** The sender identity key (alice). */
    public IdentityPrivateKey identityKey() throws Exception {
        return IdentityPrivateKey.fromSeed(hex(key("sender_identity_key").get("seed_hex").asText()));
    }

    /** The sender's address. */
    public String senderAddress() {
        return keyName("sender_identity_key").substring("sender_identity_key ".length());
    }

    /** The recipient domain's encryption key. */
    public DomainEncryptionPrivateKey recipientDomainKey() throws Exception {
        return DomainEncryptionPrivateKey.fromRaw(suite(), rawPrivate(key("recipient_domain_encryption_key")));
    }

    /** The sender's home domain encryption key. */
    public DomainEncryptionPrivateKey homeDomainKey() throws Exception {
        return DomainEncryptionPrivateKey.fromRaw(suite(), rawPrivate(key("sender_home_domain_encryption_key")));
    }

    /** Each recipient client's encryption key, by address, in vector order. */
    public Map<String, UserEncryptionPrivateKey> clientKeys() throws Exception {
        Map<String, UserEncryptionPrivateKey> out = new LinkedHashMap<>();
        for (String name : names()) {
            if (name.startsWith("recipient_client ")) {
                String address = name.substring("recipient_client ".length(), name.indexOf(" encryption key"));
                out.put(address, UserEncryptionPrivateKey.fromRaw(suite(), rawPrivate(v.get("keys").get(name))));
            }
        }
        return out;
    }

    /** Every decryption key of the vector by fingerprint. */
    public Map<String, DecryptionKey> decryptionKeys() throws Exception {
        Map<String, DecryptionKey> out = new LinkedHashMap<>();
        for (DecryptionKey k : List.of(recipientDomainKey(), homeDomainKey())) {
            out.put(k.keyId().hex(), k);
        }
        clientKeys().values().forEach(k -> out.put(k.keyId().hex(), k));
        return out;
    }

    /** The randomness semp-go's Compose read, in order. */
    public ScriptedRandom composeRandomness() {
        List<byte[]> reads = new ArrayList<>();
        for (JsonNode r : v.get("rng").get("reads")) {
            reads.add(hex(r.get("hex").asText()));
        }
        return new ScriptedRandom(reads.toArray(new byte[0][]));
    }

    private byte[] rawPrivate(JsonNode k) {
        return k.has("hybrid_private_key_go_b64") ? b64(k.get("hybrid_private_key_go_b64").asText()) : hex(k.get("private_key_hex").asText());
    }

    private JsonNode key(String prefix) {
        return v.get("keys").get(keyName(prefix));
    }

    private String keyName(String prefix) {
        return names().stream().filter(n -> n.startsWith(prefix + " ")).findFirst().orElseThrow();
    }

    private List<String> names() {
        List<String> out = new ArrayList<>();
        v.get("keys").fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Override
    public String toString() {
        return v.get("name").asText();
    }
}
