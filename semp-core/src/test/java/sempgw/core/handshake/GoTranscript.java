package sempgw.core.handshake;

import static sempgw.core.testing.SharedFiles.b64;
import static sempgw.core.testing.SharedFiles.hex;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import sempgw.core.crypto.CryptoSuite;
import sempgw.core.crypto.InsecureSecretAccess;
import sempgw.core.crypto.KemPrivateKey;
import sempgw.core.crypto.SecretBytes;
import sempgw.core.crypto.SessionKeys;
import sempgw.core.crypto.SuiteId;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonParser;
import sempgw.core.keys.DomainSigningPrivateKey;
import sempgw.core.keys.IdentityPrivateKey;

/** Reading helpers for semp-go's handshake transcripts (vectors README "handshake-*.json"). */
final class GoTranscript {
    final JsonNode t;
    final SuiteId suite;

    GoTranscript(JsonNode transcript) {
        this.t = transcript;
        this.suite = SuiteId.parse(transcript.get("suite").asText()).orElseThrow();
    }

    byte[] wire(int index) {
        return b64(t.get("messages").get(index).get("wire_b64").asText());
    }

    JsonObject tree(int index) throws Exception {
        return JsonParser.parseObject(wire(index));
    }

    String text(String field) {
        return t.get(field).asText();
    }

    JsonNode key(String prefix) {
        for (Iterator<String> it = t.get("long_term_keys").fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (name.startsWith(prefix)) {
                return t.get("long_term_keys").get(name);
            }
        }
        throw new AssertionError("no key " + prefix);
    }

    DomainSigningPrivateKey domainKey(String prefix) throws Exception {
        return DomainSigningPrivateKey.fromSeed(hex(key(prefix).get("seed_hex").asText()));
    }

    IdentityPrivateKey identityKey(String prefix) throws Exception {
        return IdentityPrivateKey.fromSeed(hex(key(prefix).get("seed_hex").asText()));
    }

    /** The responder's recorded encapsulation randomness: X25519 scalar, then the Kyber seed for PQ. */
    List<byte[]> encapsulationRandomness(String field) {
        JsonNode s = t.get(field);
        List<byte[]> out = new ArrayList<>();
        out.add(hex(s.get("x25519_ephemeral_private_hex").asText()));
        if (s.has("kyber768_encapsulation_seed_hex")) {
            out.add(hex(s.get("kyber768_encapsulation_seed_hex").asText()));
        }
        return out;
    }

    /** The initiator's recorded ephemeral private key, imported in semp-go's layout. */
    EphemeralKeys recordedEphemeral(String field) {
        JsonNode p = t.get(field);
        return (kem, random) -> {
            try {
                byte[] raw = p.has("hybrid_private_key_go_b64") ? b64(p.get("hybrid_private_key_go_b64").asText())
                        : hex(p.get("x25519_private_hex").asText());
                KemPrivateKey k = kem.importPrivateKey(raw);
                return k;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        };
    }

    CryptoSuite cryptoSuite() {
        return CryptoSuite.of(suite);
    }

    /** The five keys as hex, in the order enc-c2s, enc-s2c, mac-c2s, mac-s2c, env-mac. */
    List<String> expectedKeys(String field) {
        JsonNode k = t.get(field);
        return List.of(k.get("K_enc_c2s_hex").asText(), k.get("K_enc_s2c_hex").asText(), k.get("K_mac_c2s_hex").asText(),
                k.get("K_mac_s2c_hex").asText(), k.get("K_env_mac_hex").asText());
    }

    static List<String> hexKeys(SessionKeys k) {
        return List.of(h(k.encC2s()), h(k.encS2c()), h(k.macC2s()), h(k.macS2c()), h(k.envMac()));
    }

    static String h(SecretBytes s) {
        return hex(s.toByteArray(InsecureSecretAccess.get()));
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
