package sempgw.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SecretBytes;
import sempgw.core.crypto.SuiteId;
import sempgw.core.envelope.Envelope;
import sempgw.core.envelope.SizeBuckets;
import sempgw.core.envelope.compose.ComposeOptions;
import sempgw.core.envelope.compose.ComposedEnvelope;
import sempgw.core.envelope.compose.EnvelopeComposer;
import sempgw.core.envelope.compose.PostmarkIds;
import sempgw.core.envelope.compose.RecipientKeys;
import sempgw.core.envelope.compose.Sender;
import sempgw.core.envelope.open.EnvelopeOpener;
import sempgw.core.envelope.open.IdentityKeys;
import sempgw.core.envelope.open.OpenException;
import sempgw.core.envelope.open.OpenedEnvelope;
import sempgw.core.envelope.seal.EnvelopeSealer;
import sempgw.core.keys.DomainEncryptionPrivateKey;
import sempgw.core.keys.DomainSigningPrivateKey;
import sempgw.core.keys.IdentityPrivateKey;
import sempgw.core.keys.UserEncryptionPrivateKey;

/**
 * The real path: MimeToSemp, semp-core's composer (sender signature, encryption), the domain
 * seal, the recipient client's opener (decryption, signature and attachment checks), SempToMime.
 */
final class SempPipelineTest {
    private static final SuiteId SUITE = SuiteId.X25519_CHACHA20_POLY1305;
    private static final RandomSource R = RandomSource.secure();
    private static final IdentityPrivateKey ALICE = IdentityPrivateKey.generate(R);
    private static final DomainEncryptionPrivateKey PEER_DOMAIN = DomainEncryptionPrivateKey.generate(SUITE, R);
    private static final UserEncryptionPrivateKey BOB = UserEncryptionPrivateKey.generate(SUITE, R);
    private static final DomainSigningPrivateKey CORP_SIGNING = DomainSigningPrivateKey.generate(R);

    private static Envelope sealedFor(byte[] mime) throws Exception {
        OutboundMessage m = Fixtures.convert(mime, Fixtures.context(Corpus.RCPT));
        EnvelopeComposer composer = new EnvelopeComposer(ComposeOptions.defaults(SUITE), R, PostmarkIds.ulid(Fixtures.NOW, R));
        RecipientKeys keys = new RecipientKeys(Map.of("peer.example", PEER_DOMAIN.publicKey()), Map.of(Corpus.RCPT, List.of(BOB.publicKey())));
        List<ComposedEnvelope> out = composer.compose(m.draft(), Sender.of(ALICE), keys, "01JTESTSESSION000000000000", Fixtures.NOW);
        assertThat(out).hasSize(1);
        return new EnvelopeSealer(CORP_SIGNING, SizeBuckets.standard())
                .seal(out.getFirst().envelope(), "01JTESTSESSION000000000000", SecretBytes.random(32, R), R);
    }

    @ParameterizedTest
    @ValueSource(strings = {"smime-signed", "mixed-attachments-jakarta", "utf8-headers-smtputf8", "pgp-mime-signed"})
    void composeSealOpenRender_deliversOriginal(String sample) throws Exception {
        byte[] mime = RoundTripTest.sample(sample);

        OpenedEnvelope o = new EnvelopeOpener(List.of(BOB), IdentityKeys.of(Fixtures.SENDER, ALICE.publicKey()), Set.of())
                .open(sealedFor(mime));
        byte[] out = SempToMime.render(new InboundContext(o.brief(), Optional.of(o.enclosure()),
                Verification.semp(Verification.SignatureCheck.PASS, "corp.example"), Corpus.RCPT, Fixtures.NOW, "gw.peer.example"));

        RoundTripTest.assertSameBytes(out, Corpus.concat(("SEMP-Verification: origin=semp; seal=pass; sender-signature=pass; "
                + "sender-domain=corp.example\r\n").getBytes(StandardCharsets.US_ASCII), RoundTripTest.delivered(mime)), sample);
    }

    @Test
    void wrongSenderKey_openerRefuses_mailboxGetsNotice() throws Exception {
        Envelope e = sealedFor(RoundTripTest.sample("plain-ascii"));
        EnvelopeOpener stranger = new EnvelopeOpener(List.of(BOB), IdentityKeys.of(Fixtures.SENDER, IdentityPrivateKey.generate(R).publicKey()),
                Set.of());

        assertThatThrownBy(() -> stranger.open(e)).isInstanceOf(OpenException.class);
        sempgw.core.envelope.brief.Brief brief = new EnvelopeOpener(List.of(BOB), IdentityKeys.of(Fixtures.SENDER, ALICE.publicKey()), Set.of())
                .open(e).brief();
        String notice = Fixtures.text(SempToMime.render(new InboundContext(brief, Optional.empty(),
                Verification.semp(Verification.SignatureCheck.UNKNOWN_KEY, "corp.example"), Corpus.RCPT, Fixtures.NOW, "gw.peer.example")));

        assertThat(notice).contains("sender-signature=unknown-key", "withheld").doesNotContain("Hello Bob");
    }
}
