package sempgw.semp.egress.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import sempgw.core.crypto.SuiteId;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonParser;
import sempgw.core.keys.DomainSigningPublicKey;

/** semp-go's own keys response (vectors keys.json) read by our reader: go's form verifies and gives alice's keys. */
final class GoKeysResponseTest {
    private static final Instant NOW = Instant.parse("2026-11-26T01:00:00Z");
    private static final JsonObject VECTORS = vectors();

    private static JsonObject vectors() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("shared/semp-spec"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("no shared/semp-spec above the working directory");
        }
        try {
            return JsonParser.parseObject(Files.readAllBytes(p.resolve("shared/vectors/semp-go/keys.json")));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String key(String name, String field) throws Exception {
        return VECTORS.requireObject("keys").requireObject(name).requireString(field);
    }

    private static byte[] response() throws Exception {
        return VECTORS.requireString("keys_response_text").getBytes(StandardCharsets.UTF_8);
    }

    private static DomainSigningPublicKey domainKey() throws Exception {
        return DomainSigningPublicKey.of(Base64.getDecoder().decode(key("domain_signing_key a.example", "public_key_b64")));
    }

    @Test
    void read_goResponse_aliceHasBothEncryptionKeysAndHerIdentity_nobodyHasNone() throws Exception {
        Map<String, VerifiedRecords.Published> read = KeysResponseReader.read(response(),
                new KeysResponseReader.Asked(domainKey(), Set.of("alice@a.example", "nobody@a.example"), Optional.of("req-vecgen-1")), NOW);

        UserKeys alice = UserKeyRecords.classify("alice@a.example", read.get("alice@a.example"), NOW, NOW.plusSeconds(3600));
        assertThat(alice.encryptionKeys(SuiteId.X25519_CHACHA20_POLY1305, NOW)).singleElement()
                .satisfies(k -> assertThat(k.toBase64()).isEqualTo(key("encryption_key alice@a.example", "public_key_b64")));
        assertThat(alice.encryptionKeys(SuiteId.PQ_KYBER768_X25519, NOW)).singleElement()
                .satisfies(k -> assertThat(k.keyId().hex()).isEqualTo(key("pq_encryption_key alice@a.example", "fingerprint")));
        assertThat(alice.identityKey(key("identity_key alice@a.example", "fingerprint"))).isPresent();
        assertThat(read).doesNotContainKey("nobody@a.example");
    }

    @Test
    void read_goResponseUnderAnotherDomainKey_isSignatureInvalid() throws Exception {
        DomainSigningPublicKey other = sempgw.core.keys.DomainSigningPrivateKey.generate(sempgw.core.crypto.RandomSource.secure()).publicKey();
        assertThatThrownBy(() -> KeysResponseReader.read(response(), new KeysResponseReader.Asked(other, Set.of("alice@a.example"),
                Optional.empty()), NOW)).isInstanceOfSatisfying(KeyLookupException.class,
                        e -> assertThat(e.error()).isEqualTo(KeyLookupError.SIGNATURE_INVALID));
    }

    @Test
    void encode_addressAsPathSegment_keepsAtAndPlusEncodesSlashSpaceAndNonAscii() {
        assertThat(KeysEndpoint.encode("a+b@x.example")).isEqualTo("a+b@x.example");
        assertThat(KeysEndpoint.encode("a/b c@x.example")).isEqualTo("a%2Fb%20c@x.example");
        assertThat(KeysEndpoint.encode("jörg@x.example")).isEqualTo("j%C3%B6rg@x.example");
        assertThat(KeysEndpoint.encode("a?b#c%@x")).isEqualTo("a%3Fb%23c%25@x");
    }
}
