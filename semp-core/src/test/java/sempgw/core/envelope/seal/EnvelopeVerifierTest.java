package sempgw.core.envelope.seal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import sempgw.core.SempReason;
import sempgw.core.crypto.CryptoSuite;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SecretBytes;
import sempgw.core.crypto.SuiteId;
import sempgw.core.envelope.Envelope;
import sempgw.core.envelope.EnvelopeCodec;
import sempgw.core.envelope.Extensions;
import sempgw.core.envelope.FormatError;
import sempgw.core.envelope.PayloadCipher;
import sempgw.core.envelope.Postmark;
import sempgw.core.envelope.Seal;
import sempgw.core.envelope.SizeBuckets;
import sempgw.core.envelope.TestWorld;
import sempgw.core.envelope.brief.Brief;
import sempgw.core.envelope.brief.BriefCodec;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonString;
import sempgw.core.keys.DomainSigningPrivateKey;
import sempgw.core.keys.KeyId;

/** The receive pipeline (ENVELOPE.md §9.1, §7.2): every step's reason code, in order. */
final class EnvelopeVerifierTest {
    private static final TestWorld W = TestWorld.of(SuiteId.X25519_CHACHA20_POLY1305);

    private static Envelope composed() throws Exception {
        return W.compose(TestWorld.draft("hello", "Hello Bob", "bob@b.example")).getFirst().envelope();
    }

    private static byte[] sealed() throws Exception {
        return EnvelopeCodec.encode(W.seal(composed()));
    }

    private static Verdict.Rejected rejected(Verdict v) {
        assertThat(v).isInstanceOf(Verdict.Rejected.class);
        return (Verdict.Rejected) v;
    }

    private static EnvelopeVerifier verifier(SessionLookup sessions, VerifierOptions options) {
        return new EnvelopeVerifier(SenderDomainKeys.of(d -> d.equals("a.example") ? List.of(W.signingKey.publicKey()) : List.of()), sessions,
                d -> d.equals("b.example") ? List.of(W.domainKey("b.example")) : List.of(), (p, b) -> PolicyDecision.deliver(), options);
    }

    /** A sealed envelope whose brief we encrypt ourselves, wrapped for b.example's domain key only. */
    private static byte[] handmade(byte[] briefPlaintext) throws Exception {
        SecretBytes k = SecretBytes.random(32, RandomSource.secure());
        String id = "01JHANDMADEPOSTMARK0000000";
        String brief = PayloadCipher.seal(CryptoSuite.of(W.suite).aead(), k, briefPlaintext, id, RandomSource.secure());
        String entry = Base64.getEncoder().encodeToString(W.domainKey("b.example").publicKey().wrap(k, RandomSource.secure()));
        Envelope e = new Envelope(Envelope.VERSION, Postmark.of(id, TestWorld.SESSION, "a.example", "b.example", TestWorld.NOW.plusSeconds(3600)),
                Seal.unsigned(W.suite, Map.of(W.domainKey("b.example").keyId().hex(), entry), Map.of()), brief, "", "");
        return EnvelopeCodec.encode(W.seal(e));
    }

    @Test
    void receive_validEnvelope_isAcceptedWithBrief() throws Exception {
        Verdict v = W.verifier().receive(sealed(), TestWorld.NOW);
        assertThat(v).isInstanceOfSatisfying(Verdict.Accepted.class, a -> {
            assertThat(a.brief().from()).isEqualTo(TestWorld.SENDER);
            assertThat(a.brief().to()).containsExactly("bob@b.example");
            assertThat(a.envelope().wireLength()).isEqualTo(4096);
            assertThat(a.canonical()).isEqualTo(a.envelope().canonicalBytes());
        });
    }

    @Test
    void step1_oversize_isEnvelopeSizeExceeded() throws Exception {
        EnvelopeVerifier small = verifier(id -> SessionState.Active.of(W.envMac), new VerifierOptions(4096, Duration.ZERO, Set.of()));
        byte[] big = EnvelopeCodec.encode(W.seal(W.compose(TestWorld.draft("big", "x".repeat(3000), "bob@b.example")).getFirst().envelope()));
        assertThat(big.length).isEqualTo(8192);
        assertThat(rejected(small.receive(big, TestWorld.NOW)).reason()).isEqualTo(SempReason.ENVELOPE_SIZE_EXCEEDED);
        assertThat(rejected(small.verify(EnvelopeCodec.decode(big, 8192), TestWorld.NOW)).reason()).isEqualTo(SempReason.ENVELOPE_SIZE_EXCEEDED);
    }

    @Test
    void step2_postmarkExtensionsOver4KB_isExtensionSizeExceededBeforeTheSignature() throws Exception {
        Envelope e = composed();
        JsonObject ext = JsonObject.builder().put("x.example/big", Extensions.entry(false, JsonString.of("a".repeat(5000)))).build();
        Postmark p = e.postmark();
        Envelope big = e.withPostmark(new Postmark(p.id(), p.sessionId(), p.fromDomain(), p.toDomain(), p.expires(), OptionalLong.empty(), ext));
        byte[] wire = EnvelopeCodec.encode(W.seal(big));
        byte[] forged = new String(wire, StandardCharsets.UTF_8).replaceFirst("\"signature\":\"[^\"]+\"", "\"signature\":\"\"").getBytes(StandardCharsets.UTF_8);
        assertThat(rejected(W.verifier().receive(forged, TestWorld.NOW)).reason()).isEqualTo(SempReason.EXTENSION_SIZE_EXCEEDED);
    }

    @Test
    void step3_badSignatureUnknownDomainOrUnknownKeyId_isSealInvalid() throws Exception {
        Envelope e = W.seal(composed());
        Envelope badSig = e.withSeal(e.seal().withSignature(e.seal().keyId(), Base64.getEncoder().encodeToString(new byte[64]), e.seal().sessionMac()));
        assertThat(rejected(W.verifier().receive(EnvelopeCodec.encode(badSig), TestWorld.NOW)).reason()).isEqualTo(SempReason.SEAL_INVALID);
        Envelope notBase64 = e.withSeal(e.seal().withSignature(e.seal().keyId(), "%%%", e.seal().sessionMac()));
        assertThat(rejected(W.verifier().receive(EnvelopeCodec.encode(notBase64), TestWorld.NOW)).reason()).isEqualTo(SempReason.SEAL_INVALID);
        Envelope otherKeyId = e.withSeal(e.seal().withSignature("ab".repeat(32), e.seal().signature(), e.seal().sessionMac()));
        assertThat(rejected(W.verifier().receive(EnvelopeCodec.encode(otherKeyId), TestWorld.NOW)).detail()).contains("key_id");
        EnvelopeVerifier noKeys = new EnvelopeVerifier(SenderDomainKeys.of(d -> List.of()), id -> SessionState.Active.of(W.envMac), d -> List.of(W.domainKey(d)),
                (p, b) -> PolicyDecision.deliver(), VerifierOptions.defaults());
        assertThat(rejected(noKeys.receive(EnvelopeCodec.encode(e), TestWorld.NOW)).reason()).isEqualTo(SempReason.SEAL_INVALID);
        DomainSigningPrivateKey stranger = DomainSigningPrivateKey.generate(RandomSource.secure());
        Envelope strangerSealed = new EnvelopeSealer(stranger, SizeBuckets.standard()).seal(composed(), TestWorld.SESSION, W.envMac, RandomSource.secure());
        assertThat(rejected(W.verifier().receive(EnvelopeCodec.encode(strangerSealed), TestWorld.NOW)).reason()).isEqualTo(SempReason.SEAL_INVALID);
    }

    @Test
    void step3_senderKeysUnavailableNow_isRecoverableServerUnavailable_neverSealInvalid() throws Exception {
        Envelope e = W.seal(composed());
        List<Optional<KeyId>> asked = new ArrayList<>();
        EnvelopeVerifier keysDown = new EnvelopeVerifier((d, id) -> {
            asked.add(id);
            return new SenderDomainKeys.Unavailable();
        }, id -> SessionState.Active.of(W.envMac), d -> List.of(W.domainKey(d)), (p, b) -> PolicyDecision.deliver(), VerifierOptions.defaults());

        Verdict.Rejected r = rejected(keysDown.receive(EnvelopeCodec.encode(e), TestWorld.NOW));

        assertThat(r.reason()).isEqualTo(SempReason.SERVER_UNAVAILABLE);
        assertThat(r.reason().recoverable()).isTrue();
        assertThat(r.postmarkId()).isEqualTo(e.postmark().id());
        assertThat(asked).containsExactly(Optional.of(W.signingKey.keyId()));
    }

    @Test
    void step3_theLookupIsToldTheSealsKeyId_placeholderAsEmpty() throws Exception {
        Envelope e = W.seal(composed());
        List<Optional<KeyId>> asked = new ArrayList<>();
        EnvelopeVerifier v = new EnvelopeVerifier((d, id) -> {
            asked.add(id);
            return new SenderDomainKeys.Published(List.of(W.signingKey.publicKey()));
        }, id -> SessionState.Active.of(W.envMac), d -> List.of(W.domainKey(d)), (p, b) -> PolicyDecision.deliver(), VerifierOptions.defaults());

        assertThat(v.receive(EnvelopeCodec.encode(e), TestWorld.NOW)).isInstanceOf(Verdict.Accepted.class);
        Envelope placeholder = e.withSeal(e.seal().withSignature("server-fills-in", e.seal().signature(), e.seal().sessionMac()));
        v.receive(EnvelopeCodec.encode(placeholder), TestWorld.NOW);

        assertThat(asked).containsExactly(Optional.of(W.signingKey.keyId()), Optional.empty());
    }

    @Test
    void step3_placeholderKeyIdAsSempCliSends_triesTheDomainsKeys() throws Exception {
        Envelope e = W.seal(composed());
        Envelope placeholder = e.withSeal(e.seal().withSignature("server-fills-in", "", ""));
        byte[] c = sempgw.core.envelope.EnvelopeCanonical.of(placeholder);
        Envelope signed = placeholder.withSeal(placeholder.seal().withSignature("server-fills-in",
                Base64.getEncoder().encodeToString(W.signingKey.sign(sempgw.core.crypto.SignatureContext.ENVELOPE, c)),
                Base64.getEncoder().encodeToString(sempgw.core.crypto.HmacSha256.INSTANCE.compute(W.envMac, c))));
        assertThat(W.verifier().receive(EnvelopeCodec.encode(signed), TestWorld.NOW)).isInstanceOf(Verdict.Accepted.class);
        Envelope keyIdSwapped = e.withSeal(e.seal().withSignature("server-fills-in", e.seal().signature(), e.seal().sessionMac()));
        assertThat(rejected(W.verifier().receive(EnvelopeCodec.encode(keyIdSwapped), TestWorld.NOW)).reason()).isEqualTo(SempReason.SEAL_INVALID);
    }

    @Test
    void step4_afterExpiry_isEnvelopeExpiredUnlessWithinGrace() throws Exception {
        byte[] wire = sealed();
        Instant late = TestWorld.NOW.plus(Duration.ofHours(1)).plusSeconds(1);
        assertThat(rejected(W.verifier().receive(wire, late)).reason()).isEqualTo(SempReason.ENVELOPE_EXPIRED);
        assertThat(W.verifier().receive(wire, TestWorld.NOW.plus(Duration.ofHours(1)))).isInstanceOf(Verdict.Accepted.class);
        EnvelopeVerifier lenient = verifier(id -> SessionState.Active.of(W.envMac), new VerifierOptions(1 << 20, Duration.ofMinutes(5), Set.of()));
        assertThat(lenient.receive(wire, late)).isInstanceOf(Verdict.Accepted.class);
    }

    @Test
    void step5_sessionStates_mapToTheirReasonCodes() throws Exception {
        byte[] wire = sealed();
        assertThat(rejected(verifier(id -> new SessionState.Unknown(), VerifierOptions.defaults()).receive(wire, TestWorld.NOW)).reason())
                .isEqualTo(SempReason.NO_SESSION);
        assertThat(rejected(verifier(id -> new SessionState.Expired(), VerifierOptions.defaults()).receive(wire, TestWorld.NOW)).reason())
                .isEqualTo(SempReason.HANDSHAKE_EXPIRED);
        assertThat(rejected(verifier(id -> new SessionState.Invalidated(), VerifierOptions.defaults()).receive(wire, TestWorld.NOW)).reason())
                .isEqualTo(SempReason.HANDSHAKE_INVALID);
        assertThat(rejected(verifier(id -> null, VerifierOptions.defaults()).receive(wire, TestWorld.NOW)).reason()).isEqualTo(SempReason.NO_SESSION);
        Envelope noSession = new EnvelopeSealer(W.signingKey, SizeBuckets.standard()).seal(composed(), "", W.envMac, RandomSource.secure());
        Verdict.Rejected r = rejected(W.verifier().receive(EnvelopeCodec.encode(noSession), TestWorld.NOW));
        assertThat(r.reason()).isEqualTo(SempReason.NO_SESSION);
        assertThat(r.detail()).contains("absent");
    }

    @Test
    void step6_wrongMacKey_isSessionMacInvalidButPreviousKeyInGraceWindowVerifies() throws Exception {
        byte[] wire = sealed();
        SecretBytes other = SecretBytes.random(32, RandomSource.secure());
        assertThat(rejected(verifier(id -> SessionState.Active.of(other), VerifierOptions.defaults()).receive(wire, TestWorld.NOW)).reason())
                .isEqualTo(SempReason.SESSION_MAC_INVALID);
        assertThat(verifier(id -> new SessionState.Active(List.of(other, W.envMac)), VerifierOptions.defaults()).receive(wire, TestWorld.NOW))
                .isInstanceOf(Verdict.Accepted.class);
    }

    @Test
    void step7_unknownRequiredSealExtension_isExtensionUnsupportedNamingIt() throws Exception {
        Envelope e = composed();
        JsonObject ext = JsonObject.builder().put("vendor.example.com/custom-feature", Extensions.entry(true, JsonObject.EMPTY)).build();
        Seal s = e.seal();
        byte[] wire = EnvelopeCodec.encode(W.seal(e.withSeal(new Seal(s.algorithm(), s.keyId(), "", "", s.briefRecipients(),
                s.enclosureRecipients(), Optional.empty(), ext))));
        Verdict.Rejected r = rejected(W.verifier().receive(wire, TestWorld.NOW));
        assertThat(r.reason()).isEqualTo(SempReason.EXTENSION_UNSUPPORTED);
        assertThat(r.extension()).hasValue("vendor.example.com/custom-feature");
        EnvelopeVerifier knows = verifier(id -> SessionState.Active.of(W.envMac),
                new VerifierOptions(1 << 20, Duration.ZERO, Set.of("vendor.example.com/custom-feature")));
        assertThat(knows.receive(wire, TestWorld.NOW)).isInstanceOf(Verdict.Accepted.class);
    }

    @Test
    void step8_domainNotServedOrNoEntryOrUndecryptableBrief_isRejected() throws Exception {
        EnvelopeVerifier notServed = new EnvelopeVerifier(SenderDomainKeys.of(d -> List.of(W.signingKey.publicKey())), id -> SessionState.Active.of(W.envMac),
                d -> List.of(), (p, b) -> PolicyDecision.deliver(), VerifierOptions.defaults());
        assertThat(rejected(notServed.receive(sealed(), TestWorld.NOW)).reason()).isEqualTo(SempReason.POLICY_FORBIDDEN);
        EnvelopeVerifier otherKey = new EnvelopeVerifier(SenderDomainKeys.of(d -> List.of(W.signingKey.publicKey())), id -> SessionState.Active.of(W.envMac),
                d -> List.of(W.domainKey("c.example")), (p, b) -> PolicyDecision.deliver(), VerifierOptions.defaults());
        assertThat(rejected(otherKey.receive(sealed(), TestWorld.NOW)).detail()).contains("no entry");
        Envelope e = composed();
        byte[] garbledBrief = EnvelopeCodec.encode(W.seal(new Envelope(e.version(), e.postmark(), e.seal(), "AAAA" + e.brief().substring(4),
                e.enclosure(), e.padding())));
        Verdict.Rejected r = rejected(W.verifier().receive(garbledBrief, TestWorld.NOW));
        assertThat(r.reason()).isEqualTo(SempReason.SEAL_INVALID);
        assertThat(r.detail()).contains("decrypt");
        assertThat(rejected(W.verifier().receive(handmade("not json".getBytes(StandardCharsets.UTF_8)), TestWorld.NOW)).detail()).contains("malformed");
    }

    @Test
    void step9_nonCanonicalAddressOrForeignSender_isPolicyForbidden() throws Exception {
        Brief upper = Brief.of("m1", "alice@a.example", List.of("Bob@B.example"), TestWorld.NOW);
        assertThat(rejected(W.verifier().receive(handmade(BriefCodec.encode(upper)), TestWorld.NOW)).reason()).isEqualTo(SempReason.POLICY_FORBIDDEN);
        Brief foreign = Brief.of("m2", "mallory@c.example", List.of("bob@b.example"), TestWorld.NOW);
        Verdict.Rejected r = rejected(W.verifier().receive(handmade(BriefCodec.encode(foreign)), TestWorld.NOW));
        assertThat(r.reason()).isEqualTo(SempReason.POLICY_FORBIDDEN);
        assertThat(r.detail()).contains("from_domain");
        Brief fine = Brief.of("m3", "alice@a.example", List.of("bob@b.example"), TestWorld.NOW);
        assertThat(W.verifier().receive(handmade(BriefCodec.encode(fine)), TestWorld.NOW)).isInstanceOf(Verdict.Accepted.class);
    }

    @Test
    void step9_requiredBriefExtension_isExtensionUnsupported() throws Exception {
        JsonObject ext = JsonObject.builder().put("vendor.example.com/x", Extensions.entry(true, JsonObject.EMPTY)).build();
        Brief b = new Brief("m", "alice@a.example", List.of("bob@b.example"), List.of(), List.of(), Optional.empty(), TestWorld.NOW,
                Optional.empty(), Optional.empty(), Optional.empty(), ext);
        Verdict.Rejected r = rejected(W.verifier().receive(handmade(BriefCodec.encode(b)), TestWorld.NOW));
        assertThat(r.reason()).isEqualTo(SempReason.EXTENSION_UNSUPPORTED);
        assertThat(r.extension()).hasValue("vendor.example.com/x");
    }

    @Test
    void step10_policyRefusal_isPassedThroughWithPostmarkId() throws Exception {
        byte[] wire = sealed();
        String id = EnvelopeCodec.decode(wire, 1 << 20).envelope().postmark().id();
        Verdict.Rejected r = rejected(W.verifier((p, b) -> new PolicyDecision.Refuse(SempReason.BLOCKED, "sender blocked by bob"))
                .receive(wire, TestWorld.NOW));
        assertThat(r.reason()).isEqualTo(SempReason.BLOCKED);
        assertThat(r.postmarkId()).isEqualTo(id);
    }

    @Test
    void receive_unparseableOrOtherMajorVersion_isMalformedOrVersionUnsupported() throws Exception {
        assertThat(W.verifier().receive("{\"type\":".getBytes(StandardCharsets.UTF_8), TestWorld.NOW))
                .isInstanceOfSatisfying(Verdict.Malformed.class, m -> assertThat(m.error()).isEqualTo(FormatError.MALFORMED_JSON));
        byte[] v2 = new String(sealed(), StandardCharsets.UTF_8).replace("\"1.0.0\"", "\"2.0.0\"").getBytes(StandardCharsets.UTF_8);
        assertThat(rejected(W.verifier().receive(v2, TestWorld.NOW)).reason()).isEqualTo(SempReason.VERSION_UNSUPPORTED);
    }
}
