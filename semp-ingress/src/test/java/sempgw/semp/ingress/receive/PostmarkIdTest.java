package sempgw.semp.ingress.receive;

import static org.assertj.core.api.Assertions.assertThat;
import static sempgw.semp.ingress.receive.ReceiveFixture.ALICE;
import static sempgw.semp.ingress.receive.ReceiveFixture.BOB;
import static sempgw.semp.ingress.receive.ReceiveFixture.LOCAL;
import static sempgw.semp.ingress.receive.ReceiveFixture.NOW;
import static sempgw.semp.ingress.receive.ReceiveFixture.PEER;
import static sempgw.semp.ingress.receive.ReceiveFixture.SESSION;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sempgw.core.crypto.CryptoSuite;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SecretBytes;
import sempgw.core.crypto.SuiteId;
import sempgw.core.delivery.Acknowledgment;
import sempgw.core.envelope.Envelope;
import sempgw.core.envelope.PayloadCipher;
import sempgw.core.envelope.Postmark;
import sempgw.core.envelope.Seal;
import sempgw.core.envelope.brief.Brief;
import sempgw.core.envelope.brief.BriefCodec;
import sempgw.core.keys.DomainEncryptionPrivateKey;

/**
 * {@code postmark.id} is the acknowledgment's {@code envelope_id} and appears in logs: validly
 * sealed envelopes with unusable ids are refused explicitly, or, when no rejection could name the
 * id, answered as malformed by the transport (ENVELOPE.md §9.2, ERRORS.md §12).
 */
final class PostmarkIdTest {
    private static final SuiteId SUITE = SuiteId.X25519_CHACHA20_POLY1305;
    private final ReceiveFixture f = new ReceiveFixture();

    /** A sealed envelope with {@code id}, its brief encrypted under that id as associated data (ENVELOPE.md §4.4). */
    private static byte[] sealedWithId(String id) throws Exception {
        RandomSource rnd = RandomSource.secure();
        SecretBytes k = SecretBytes.random(32, rnd);
        String brief = PayloadCipher.seal(CryptoSuite.of(SUITE).aead(), k, BriefCodec.encode(Brief.of("m1", ALICE, List.of(BOB), NOW)), id, rnd);
        DomainEncryptionPrivateKey ours = ReceiveFixture.domainKey(LOCAL, SUITE);
        String entry = Base64.getEncoder().encodeToString(ours.publicKey().wrap(k, rnd));
        Envelope e = new Envelope(Envelope.VERSION, Postmark.of(id, SESSION, PEER, LOCAL, NOW.plusSeconds(3600)),
                Seal.unsigned(SUITE, Map.of(ours.keyId().hex(), entry), Map.of()), brief, "", "");
        return ReceiveFixture.seal(e);
    }

    @Test
    void receive_handmadeEnvelopeWithUlid_isDelivered() throws Exception {
        assertThat(ReceiveFixture.ack(f.receive(sealedWithId("01JHANDMADEPOSTMARK0000000")))).isInstanceOf(Acknowledgment.Delivered.class);
    }

    @Test
    void receive_idOver256Characters_isMalformedSinceNoRejectionCanNameIt() throws Exception {
        assertThat(f.receive(sealedWithId("x".repeat(300)))).isInstanceOf(ReceiveOutcome.Malformed.class);
        assertThat(f.inbox.stored).isEmpty();
    }

    @Test
    void receive_idWithControlCharacters_isRefusedNamingIt() throws Exception {
        String id = "01J\nforged log line";
        Acknowledgment.Rejected r = ReceiveFixture.rejected(f.receive(sealedWithId(id)));
        assertThat(r.envelopeId()).isEqualTo(id);
        assertThat(f.inbox.stored).isEmpty();
    }
}
