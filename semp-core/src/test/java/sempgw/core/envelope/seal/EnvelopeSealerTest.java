package sempgw.core.envelope.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import sempgw.core.SempException;
import sempgw.core.SempReason;
import sempgw.core.crypto.HmacSha256;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SecretBytes;
import sempgw.core.crypto.SignatureContext;
import sempgw.core.crypto.SuiteId;
import sempgw.core.envelope.Envelope;
import sempgw.core.envelope.EnvelopeCanonical;
import sempgw.core.envelope.EnvelopeCodec;
import sempgw.core.envelope.EnvelopePadding;
import sempgw.core.envelope.Postmark;
import sempgw.core.envelope.Seal;
import sempgw.core.envelope.SizeBuckets;
import sempgw.core.envelope.TestWorld;
import sempgw.core.json.JsonObject;
import sempgw.core.keys.DomainSigningPrivateKey;
import sempgw.core.testing.ScriptedRandom;

/** Sealing (ENVELOPE.md §7.1 steps 11-13): key id, session, padding kept on its bucket. */
final class EnvelopeSealerTest {
    private static final TestWorld W = TestWorld.of(SuiteId.PQ_KYBER768_X25519);
    private static final String LONG_SESSION = "federation-session-with-a-much-longer-id";

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

    static Stream<Named<Object[]>> envelopesAndSessions() throws Exception {
        Envelope e = W.compose(TestWorld.draft("s", "body", "bob@b.example")).getFirst().envelope();
        JsonObject ext = JsonObject.builder().put("x-route", JsonObject.builder().put("required", false).put("data", "<\u00e9>").build()).build();
        Postmark p = e.postmark();
        Seal s = e.seal();
        Envelope relayed = e.withPostmark(new Postmark(p.id(), p.sessionId(), p.fromDomain(), p.toDomain(), p.expires(),
                java.util.OptionalLong.of(3), ext)).withSeal(new Seal(s.algorithm(), s.keyId(), s.signature(), s.sessionMac(),
                s.briefRecipients(), s.enclosureRecipients(), Optional.of(JsonObject.builder().put("nonce", "n").build()), ext));
        return Stream.of(
                Named.of("as composed, same session", new Object[] {e, TestWorld.SESSION}),
                Named.of("longer session: padding cut", new Object[] {e, LONG_SESSION}),
                Named.of("shorter session: padding extended", new Object[] {e, "s"}),
                Named.of("session id needing escapes", new Object[] {e, "<s\u2028\u00e9\"\\>"}),
                Named.of("no padding", new Object[] {e.withPadding(""), TestWorld.SESSION}),
                Named.of("padding outside the base64 alphabet", new Object[] {e.withPadding("<pad\u00e9>"), TestWorld.SESSION}),
                Named.of("hop count, extensions, first-contact token", new Object[] {relayed, LONG_SESSION}));
    }

    @ParameterizedTest
    @MethodSource("envelopesAndSessions")
    void sealForWire_anyEnvelope_bytesEqualEncodingTheSealedEnvelopeAfresh(Object[] c) throws Exception {
        SealedEnvelope sealed = new EnvelopeSealer(W.signingKey, SizeBuckets.standard())
                .sealForWire((Envelope) c[0], (String) c[1], W.envMac, seeded());

        assertThat(sealed.wire()).isEqualTo(EnvelopeCodec.encode(sealed.envelope()));
        assertThat(sealed.canonical()).isEqualTo(EnvelopeCanonical.of(sealed.envelope()));
        assertThat(SizeBuckets.standard().isBucket(sealed.wire().length)).isTrue();
        assertThat(sealed.wire()).isEqualTo(sealedByMeasuringAndEncoding(W.signingKey, SizeBuckets.standard(), (Envelope) c[0],
                (String) c[1], W.envMac, seeded()));
    }

    @Test
    void seal_isTheEnvelopeOfSealForWire() throws Exception {
        Envelope e = W.compose(TestWorld.draft("s", "body", "bob@b.example")).getFirst().envelope();
        EnvelopeSealer sealer = new EnvelopeSealer(W.signingKey, SizeBuckets.standard());

        assertThat(sealer.seal(e, "s", W.envMac, seeded())).isEqualTo(sealer.sealForWire(e, "s", W.envMac, seeded()).envelope());
    }

    private static RandomSource seeded() {
        Random r = new Random(7);
        return r::nextBytes;
    }

    /** Sealing as it was done before the wire was put together from the canonical bytes: measure, fit, canonicalize, sign, encode. */
    private static byte[] sealedByMeasuringAndEncoding(DomainSigningPrivateKey key, SizeBuckets buckets, Envelope e, String session,
                                                       SecretBytes envMac, RandomSource random) {
        String keyId = key.keyId().hex();
        Envelope placed = e.withPostmark(e.postmark().withSessionId(session))
                .withSeal(e.seal().withSignature(keyId, "A".repeat(86) + "==", "A".repeat(43) + "="));
        Envelope padded = EnvelopePadding.fit(placed, buckets, random).orElseThrow();
        byte[] canonical = EnvelopeCanonical.of(padded);
        String signature = Base64.getEncoder().encodeToString(key.sign(SignatureContext.ENVELOPE, canonical));
        String mac = Base64.getEncoder().encodeToString(HmacSha256.INSTANCE.compute(envMac, canonical));
        return EnvelopeCodec.encode(padded.withSeal(padded.seal().withSignature(keyId, signature, mac)));
    }
}
