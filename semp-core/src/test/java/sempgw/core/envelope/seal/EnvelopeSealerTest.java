package sempgw.core.envelope.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import sempgw.core.SempException;
import sempgw.core.SempReason;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SuiteId;
import sempgw.core.envelope.Envelope;
import sempgw.core.envelope.EnvelopeCodec;
import sempgw.core.envelope.SizeBuckets;
import sempgw.core.envelope.TestWorld;
import sempgw.core.testing.ScriptedRandom;

/** Sealing (ENVELOPE.md §7.1 steps 11-13): key id, session, padding kept on its bucket. */
final class EnvelopeSealerTest {
    private static final TestWorld W = TestWorld.of(SuiteId.PQ_KYBER768_X25519);

    @Test
    void seal_composedEnvelope_setsKeyIdSessionSignatureAndMacWithoutRepadding() throws Exception {
        Envelope e = W.compose(TestWorld.draft("s", "body", "bob@b.example")).getFirst().envelope();
        Envelope sealed = new EnvelopeSealer(W.signingKey, SizeBuckets.standard()).seal(e, TestWorld.SESSION, W.envMac, new ScriptedRandom());
        assertThat(sealed.seal().keyId()).isEqualTo(W.signingKey.keyId().hex());
        assertThat(sealed.seal().signature()).hasSize(88);
        assertThat(sealed.seal().sessionMac()).hasSize(44);
        assertThat(sealed.padding()).isEqualTo(e.padding());
        assertThat(SizeBuckets.standard().isBucket(EnvelopeCodec.encode(sealed).length)).isTrue();
    }

    @Test
    void seal_inALongerSessionId_refitsPaddingToTheSameBucket() throws Exception {
        Envelope e = W.compose(TestWorld.draft("s", "body", "bob@b.example")).getFirst().envelope();
        EnvelopeSealer sealer = new EnvelopeSealer(W.signingKey, SizeBuckets.standard());
        Envelope first = sealer.seal(e, TestWorld.SESSION, W.envMac, RandomSource.secure());
        Envelope hop = sealer.seal(first, "federation-session-with-a-much-longer-id", W.envMac, RandomSource.secure());
        assertThat(hop.postmark().sessionId()).isEqualTo("federation-session-with-a-much-longer-id");
        assertThat(EnvelopeCodec.encode(hop)).hasSameSizeAs(EnvelopeCodec.encode(first));
        assertThat(hop.padding()).hasSize(first.padding().length() - ("federation-session-with-a-much-longer-id".length() - TestWorld.SESSION.length()));
        assertThat(hop.seal().signature()).isNotEqualTo(first.seal().signature());
    }

    @Test
    void seal_overMaxEnvelopeSize_isEnvelopeSizeExceeded() throws Exception {
        Envelope e = W.compose(TestWorld.draft("s", "body", "bob@b.example")).getFirst().envelope();
        EnvelopeSealer tiny = new EnvelopeSealer(W.signingKey, SizeBuckets.standard(4096));
        assertThatThrownBy(() -> tiny.seal(e.withPadding(""), TestWorld.SESSION, W.envMac, RandomSource.secure()))
                .isInstanceOfSatisfying(SempException.class, x -> assertThat(x.reason()).isEqualTo(SempReason.ENVELOPE_SIZE_EXCEEDED));
    }
}
