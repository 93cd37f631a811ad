package sempgw.core.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import sempgw.core.crypto.CryptoException;
import sempgw.core.crypto.InsecureSecretAccess;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SecretBytes;
import sempgw.core.crypto.SignatureContext;
import sempgw.core.crypto.SuiteId;
import sempgw.core.json.JsonArray;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonString;

/** Role-typed keys, key ids and revocation records. */
final class TypedKeysTest {
    private static final RandomSource RND = RandomSource.secure();

    @Test
    void signingKeys_signVerifyAndExportRoundTrip() throws Exception {
        DomainSigningPrivateKey d = DomainSigningPrivateKey.generate(RND);
        byte[] msg = "c".getBytes(StandardCharsets.US_ASCII);
        byte[] sig = d.sign(SignatureContext.ENVELOPE, msg);
        assertThat(d.publicKey().verify(SignatureContext.ENVELOPE, msg, sig)).isTrue();
        DomainSigningPrivateKey again = DomainSigningPrivateKey.fromSeed(d.exportSeedInsecure(InsecureSecretAccess.get()));
        assertThat(again.publicKey()).isEqualTo(d.publicKey());
        assertThat(again.keyId()).isEqualTo(KeyId.of(d.publicKey().bytes()));
        IdentityPublicKey sameBytesOtherRole = IdentityPublicKey.of(d.publicKey().bytes());
        assertThat((Object) sameBytesOtherRole).isNotEqualTo(d.publicKey());
        assertThat(d.toString()).contains(d.keyId().hex()).contains("redacted");
    }

    @Test
    void encryptionKeys_wrapUnwrapForBothSuites() throws Exception {
        for (SuiteId suite : SuiteId.values()) {
            UserEncryptionPrivateKey u = UserEncryptionPrivateKey.generate(suite, RND);
            SecretBytes k = SecretBytes.random(32, RND);
            byte[] entry = u.publicKey().wrap(k, RND);
            assertThat(u.unwrap(entry).equalsSecret(k)).isTrue();
            UserEncryptionPrivateKey again = UserEncryptionPrivateKey.fromRaw(suite, u.exportInsecure(InsecureSecretAccess.get()));
            assertThat(again.publicKey()).isEqualTo(u.publicKey());
            DomainEncryptionPrivateKey other = DomainEncryptionPrivateKey.generate(suite, RND);
            assertThatThrownBy(() -> other.unwrap(entry)).isInstanceOf(CryptoException.class);
        }
    }

    @Test
    void encryptionPublicKey_wrongLengthForSuite_rejected() {
        assertThatThrownBy(() -> DomainEncryptionPublicKey.of(SuiteId.PQ_KYBER768_X25519, new byte[32]))
                .isInstanceOfSatisfying(CryptoException.class, e -> assertThat(e.kind()).isEqualTo(CryptoException.Kind.INVALID_KEY));
    }

    @Test
    void keyId_parseAcceptsOnlyLowercaseFingerprints() {
        KeyId id = KeyId.of(new byte[32]);
        assertThat(id.hex()).isEqualTo("66687aadf862bd776c8fc18b8e9f8e20089714856ee233b3902a591d0d5f2925");
        assertThat(KeyId.parse(id.hex())).contains(id);
        assertThat(KeyId.parse(id.hex().toUpperCase(java.util.Locale.ROOT))).isEmpty();
        assertThat(KeyId.parse("server-fills-in")).isEmpty();
        assertThat(id.matches(new byte[32])).isTrue();
    }

    @Test
    void revocation_signedBySpecForm_verifiesAndDetectsTampering() throws Exception {
        IdentityPrivateKey alice = IdentityPrivateKey.generate(RND);
        JsonObject entry = JsonObject.builder().put("key_id", "k1").put("address", "alice@a.example")
                .put("reason", RevocationReason.KEY_COMPROMISE.wireName()).put("revoked_at", "2025-06-10T19:49:15Z").build();
        JsonObject rec = RevocationRecords.sign(RevocationRecords.unsigned(JsonArray.of(entry)), alice);
        assertThat(RevocationRecords.verify(rec, alice.publicKey())).isTrue();
        assertThat(new String(RevocationRecords.signedBytes(rec), StandardCharsets.UTF_8))
                .startsWith("SEMP-REVOCATION:{").contains("\"value\":\"\"");
        JsonObject tampered = rec.with("revoked_keys", JsonArray.of(entry.with("reason", JsonString.of("superseded"))));
        assertThat(RevocationRecords.verify(tampered, alice.publicKey())).isFalse();
        assertThat(RevocationRecords.verify(rec, IdentityPrivateKey.generate(RND).publicKey())).isFalse();
        assertThat(RevocationRecords.revokedKeys(rec)).containsExactly(entry);
        assertThat(RevocationReason.parse("superseded")).contains(RevocationReason.SUPERSEDED);
    }
}
