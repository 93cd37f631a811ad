package sempgw.core.handshake;

import static org.assertj.core.api.Assertions.assertThat;
import static sempgw.core.handshake.Fixtures.NOW;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import sempgw.core.SempReason;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SuiteId;
import sempgw.core.json.CanonicalJson;
import sempgw.core.json.JsonNumber;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonParser;
import sempgw.core.json.JsonString;
import sempgw.core.json.JsonValue;
import sempgw.core.keys.DomainSigningPrivateKey;
import sempgw.core.keys.DomainSigningPublicKey;
import sempgw.core.keys.KeyId;

/** Every way a handshake ends without a session, each with its reason code (HANDSHAKE.md §4.1, §2.2a). */
final class HandshakeRejectionTest {
    private static final SuiteId BASE = SuiteId.X25519_CHACHA20_POLY1305;

    private static JsonObject tree(byte[] m) throws Exception {
        return JsonParser.parseObject(m);
    }

    private static byte[] with(byte[] message, String key, JsonValue value) throws Exception {
        return CanonicalJson.encode(tree(message).with(key, value));
    }

    private static Step.Rejected rejected(Step s, SempReason reason) {
        assertThat(s).isInstanceOf(Step.Rejected.class);
        Step.Rejected r = (Step.Rejected) s;
        assertThat(r.reason()).as(r.detail()).isEqualTo(reason);
        return r;
    }

    /** Our signed rejection must carry the reason and verify under the server key. */
    private static void assertSignedRejection(Step.Rejected r, SempReason reason, DomainSigningPrivateKey key) throws Exception {
        JsonObject m = tree(r.message().orElseThrow());
        assertThat(m.requireString("step")).isEqualTo("rejected");
        assertThat(m.requireString("reason_code")).isEqualTo(reason.code());
        assertThat(ServerSignature.verify(m, key.publicKey())).isTrue();
    }

    private static ServerHandshake server() {
        return ServerHandshake.create(Fixtures.server(Fixtures.guards()), RandomSource.secure(), NOW);
    }

    private static ClientHandshake client() {
        return ClientHandshake.create(Fixtures.client(BASE), RandomSource.secure(), NOW);
    }

    @Test
    void client_responseSignedByAnotherKey_abortsWithAuthFailed() throws Exception {
        ServerHandshake.Config impostor = new ServerHandshake.Config(new LocalDomain("example.com", "x", Fixtures.A),
                Fixtures.server(Fixtures.guards()).accepted(), Fixtures.guards(), (a, k) -> Optional.empty(),
                (a, n) -> new ClientAuthorizer.Denied(SempReason.BLOCKED));
        ClientHandshake c = client();
        Step response = ServerHandshake.create(impostor, RandomSource.secure(), NOW).onMessage(c.begin().message(), NOW);
        Step.Rejected r = rejected(c.onMessage(((Step.Send) response).message(), NOW), SempReason.AUTH_FAILED);
        assertThat(r.origin()).isEqualTo(Step.Origin.LOCAL);
        assertThat(r.message()).isEmpty();
    }

    @Test
    void client_responseWithForgedInnerProof_abortsWithAuthFailed() throws Exception {
        ClientHandshake c = client();
        byte[] response = ((Step.Send) server().onMessage(c.begin().message(), NOW)).message();
        JsonObject t = tree(response);
        JsonObject proof = t.requireObject("server_identity_proof").with("signature", JsonString.of(Wire.base64(new byte[64])));
        byte[] forged = CanonicalJson.encode(ServerSignature.sign(t.with("server_identity_proof", proof), Fixtures.EXAMPLE));
        rejected(c.onMessage(forged, NOW), SempReason.AUTH_FAILED);
    }

    @Test
    void server_wrongConfirmationHash_rejectsWithSignedAuthFailedThatTheClientReads() throws Exception {
        ServerHandshake s = server();
        ClientHandshake c = client();
        byte[] confirm = ((Step.Send) c.onMessage(((Step.Send) s.onMessage(c.begin().message(), NOW)).message(), NOW)).message();
        byte[] wrong = with(confirm, "confirmation_hash", JsonString.of(Wire.base64(new byte[32])));
        Step.Rejected r = rejected(s.onMessage(wrong, NOW), SempReason.AUTH_FAILED);
        assertSignedRejection(r, SempReason.AUTH_FAILED, Fixtures.EXAMPLE);
        Step.Rejected seen = rejected(c.onMessage(r.message().orElseThrow(), NOW), SempReason.AUTH_FAILED);
        assertThat(seen.origin()).isEqualTo(Step.Origin.PEER);
        assertThat(tree(r.message().orElseThrow()).requireString("session_id")).isNotEmpty();
    }

    @Test
    void server_unknownIdentityKey_rejectsWithAuthFailed() throws Exception {
        ServerHandshake.Config cfg = Fixtures.server(Fixtures.guards());
        ServerHandshake s = ServerHandshake.create(new ServerHandshake.Config(cfg.local(), cfg.accepted(), cfg.guards(),
                (a, k) -> Optional.empty(), cfg.authorizer()), RandomSource.secure(), NOW);
        ClientHandshake c = client();
        Fixtures.Outcome o = Fixtures.run(c.begin().message(), c::onMessage, s::onMessage, NOW);
        rejected(o.responderEnd(), SempReason.AUTH_FAILED);
    }

    @Test
    void server_tamperedIdentityProof_rejectsWithAuthFailed() throws Exception {
        ServerHandshake s = server();
        ClientHandshake c = client();
        byte[] confirm = ((Step.Send) c.onMessage(((Step.Send) s.onMessage(c.begin().message(), NOW)).message(), NOW)).message();
        byte[] proof = Wire.base64(tree(confirm).requireString("identity_proof"), "p");
        proof[proof.length - 1] ^= 1;
        rejected(s.onMessage(with(confirm, "identity_proof", JsonString.of(Wire.base64(proof))), NOW), SempReason.AUTH_FAILED);
    }

    @Test
    void server_authorizerDenies_rejectsWithItsReason() {
        ServerHandshake.Config cfg = Fixtures.server(Fixtures.guards());
        ServerHandshake s = ServerHandshake.create(new ServerHandshake.Config(cfg.local(), cfg.accepted(), cfg.guards(),
                cfg.identities(), (a, n) -> new ClientAuthorizer.Denied(SempReason.BLOCKED)), RandomSource.secure(), NOW);
        ClientHandshake c = client();
        Fixtures.Outcome o = Fixtures.run(c.begin().message(), c::onMessage, s::onMessage, NOW);
        rejected(o.responderEnd(), SempReason.BLOCKED);
        assertThat(((Step.Rejected) o.initiatorEnd()).origin()).isEqualTo(Step.Origin.PEER);
    }

    @Test
    void server_unknownSuiteOrSuiteWeDoNotRun_rejectsWithPolicyForbidden() throws Exception {
        byte[] init = client().begin().message();
        JsonObject key = tree(init).requireObject("client_ephemeral_key").with("algorithm", JsonString.of("rot13-suite"));
        assertSignedRejection(rejected(server().onMessage(with(init, "client_ephemeral_key", key), NOW), SempReason.POLICY_FORBIDDEN),
                SempReason.POLICY_FORBIDDEN, Fixtures.EXAMPLE);
        ServerHandshake.Config cfg = Fixtures.server(Fixtures.guards());
        ServerHandshake pqOnly = ServerHandshake.create(new ServerHandshake.Config(cfg.local(), Capabilities.of(SuiteId.PQ_KYBER768_X25519),
                cfg.guards(), cfg.identities(), cfg.authorizer()), RandomSource.secure(), NOW);
        rejected(pqOnly.onMessage(client().begin().message(), NOW), SempReason.POLICY_FORBIDDEN);
    }

    @Test
    void server_otherMajorVersion_rejectsWithVersionUnsupportedButAcceptsOtherMinor() throws Exception {
        byte[] init = with(client().begin().message(), "version", JsonString.of("2.0.0"));
        rejected(server().onMessage(init, NOW), SempReason.VERSION_UNSUPPORTED);
        assertThat(server().onMessage(with(client().begin().message(), "version", JsonString.of("1.7.3")), NOW)).isInstanceOf(Step.Send.class);
    }

    @Test
    void server_replayedInitNonceOfAnAuthenticatedHandshake_rejectsTheSecondWithHandshakeInvalid() {
        ResponderGuards shared = Fixtures.guards();
        ClientHandshake c = client();
        byte[] init = c.begin().message();
        ServerHandshake first = ServerHandshake.create(Fixtures.server(shared), RandomSource.secure(), NOW);
        assertThat(Fixtures.run(init, c::onMessage, first::onMessage, NOW).responderEnd()).isInstanceOf(Step.Established.class);
        Step second = ServerHandshake.create(Fixtures.server(shared), RandomSource.secure(), NOW).onMessage(init, NOW.plusSeconds(1));
        rejected(second, SempReason.HANDSHAKE_INVALID);
    }

    @Test
    void server_initNeverAuthenticated_leavesNoNonceInTheReplayTable() throws Exception {
        ResponderGuards shared = Fixtures.guards();
        byte[] init = client().begin().message();
        assertThat(ServerHandshake.create(Fixtures.server(shared), RandomSource.secure(), NOW).onMessage(init, NOW)).isInstanceOf(Step.Send.class);
        assertThat(shared.nonces().seen(Wire.base64(tree(init).requireString("nonce"), "n"), NOW)).isFalse();
        assertThat(ServerHandshake.create(Fixtures.server(shared), RandomSource.secure(), NOW).onMessage(init, NOW)).isInstanceOf(Step.Send.class);
    }

    private static JsonObject extensions(boolean zRequired, boolean aRequired) {
        return JsonObject.builder()
                .put("vendor.example/z", JsonObject.builder().put("required", zRequired).put("data", 1L).build())
                .put("vendor.example/a", JsonObject.builder().put("required", aRequired).put("data", 1L).build())
                .build();
    }

    @Test
    void server_requiredUnknownExtension_rejectsWithExtensionUnsupportedNamingIt() throws Exception {
        Step.Rejected r = rejected(server().onMessage(with(client().begin().message(), "extensions", extensions(true, false)), NOW),
                SempReason.EXTENSION_UNSUPPORTED);
        assertSignedRejection(r, SempReason.EXTENSION_UNSUPPORTED, Fixtures.EXAMPLE);
        assertThat(tree(r.message().orElseThrow()).requireString("extension")).isEqualTo("vendor.example/z");
        assertThat(server().onMessage(with(client().begin().message(), "extensions", extensions(false, false)), NOW)).isInstanceOf(Step.Send.class);
    }

    @Test
    void responder_requiredUnknownExtensions_signedRejectionNamesTheFirstInKeyOrderAndTheInitiatorLogsIt() throws Exception {
        Initiator i = Initiator.create(Fixtures.initiator(BASE), RandomSource.secure(), NOW);
        byte[] init = with(i.begin().message(), "extensions", extensions(true, true));

        Step.Rejected ours = rejected(Responder.create(Fixtures.responder(Fixtures.guards()), RandomSource.secure(), NOW).onMessage(init, NOW),
                SempReason.EXTENSION_UNSUPPORTED);

        assertSignedRejection(ours, SempReason.EXTENSION_UNSUPPORTED, Fixtures.B);
        JsonObject m = tree(ours.message().orElseThrow());
        assertThat(m.requireString("extension")).isEqualTo("vendor.example/a");
        assertThat(ServerSignature.verify(m.without("extension"), Fixtures.B.publicKey())).as("the member is signed").isFalse();
        Step.Rejected theirs = rejected(i.onMessage(ours.message().orElseThrow(), NOW), SempReason.EXTENSION_UNSUPPORTED);
        assertThat(theirs.origin()).isEqualTo(Step.Origin.PEER);
        assertThat(theirs.detail()).contains("vendor.example/a");
    }

    @Test
    void responder_requiredUnknownExtensionWithAMalformedKey_rejectsWithoutEchoingIt() throws Exception {
        JsonObject entry = JsonObject.builder().put("required", true).put("data", 1L).build();
        for (String key : List.of("vendor.example/" + "a".repeat(114), "vendor.example/a b", "vendor.example/a/b", "no-namespace")) {
            byte[] init = with(Initiator.create(Fixtures.initiator(BASE), RandomSource.secure(), NOW).begin().message(), "extensions",
                    JsonObject.builder().put(key, entry).build());
            Step.Rejected r = rejected(Responder.create(Fixtures.responder(Fixtures.guards()), RandomSource.secure(), NOW).onMessage(init, NOW),
                    SempReason.EXTENSION_UNSUPPORTED);
            assertSignedRejection(r, SempReason.EXTENSION_UNSUPPORTED, Fixtures.B);
            assertThat(tree(r.message().orElseThrow()).has("extension")).as(key).isFalse();
        }
    }

    @Test
    void rejection_forAnyOtherReason_hasNoExtensionMemberAndTheMembersItAlwaysHad() throws Exception {
        JsonObject m = tree(Rejection.signed(Optional.of("01JSESSION"), SempReason.AUTH_FAILED, Fixtures.B));
        assertThat(m.members().keySet()).containsExactlyInAnyOrder("type", "step", "party", "version", "session_id", "reason_code",
                "reason", "extensions", "server_signature");
        assertThat(tree(Rejection.unsignedClientAbort(SempReason.CHALLENGE_INVALID)).has("extension")).isFalse();
    }

    @Test
    void server_admissionRefusesOrIgnores_rejectsSignedOrStaysSilent() {
        ResponderGuards blocked = Fixtures.guards().withAdmission(i -> new Admission.Refuse(SempReason.SERVER_AT_CAPACITY));
        Step.Rejected r = rejected(ServerHandshake.create(Fixtures.server(blocked), RandomSource.secure(), NOW)
                .onMessage(client().begin().message(), NOW), SempReason.SERVER_AT_CAPACITY);
        assertThat(r.message()).isPresent();
        ResponderGuards silent = Fixtures.guards().withAdmission(i -> Admission.Decision.IGNORE);
        Step.Rejected quiet = rejected(ServerHandshake.create(Fixtures.server(silent), RandomSource.secure(), NOW)
                .onMessage(client().begin().message(), NOW), SempReason.BLOCKED);
        assertThat(quiet.message()).isEmpty();
    }

    @Test
    void server_messageAfterDeadline_rejectsWithHandshakeExpired() {
        ServerHandshake s = server();
        assertThat(s.deadline()).isEqualTo(NOW.plusSeconds(30));
        rejected(s.onMessage(client().begin().message(), NOW.plusSeconds(30)), SempReason.HANDSHAKE_EXPIRED);
    }

    @Test
    void server_outOfOrderOrAfterTheEnd_rejectsWithHandshakeInvalid() {
        ServerHandshake s = server();
        ClientHandshake c = client();
        byte[] init = c.begin().message();
        byte[] response = ((Step.Send) s.onMessage(init, NOW)).message();
        rejected(s.onMessage(init, NOW), SempReason.HANDSHAKE_INVALID);
        Step.Rejected after = rejected(s.onMessage(response, NOW), SempReason.HANDSHAKE_INVALID);
        assertThat(after.message()).isEmpty();
    }

    @Test
    void server_wrongOrExpiredProofOfWork_rejectsWithChallengeFailed() throws Exception {
        ResponderGuards guards = Fixtures.guards().withChallenges(ChallengePolicy.always(PowDemand.of(8)));
        ResponderGuards slow = new ResponderGuards(guards.admission(), guards.nonces(), guards.challenges(), guards.usedChallenges(),
                Duration.ofMinutes(30));
        for (int variant = 0; variant < 3; variant++) {
            ServerHandshake s = ServerHandshake.create(Fixtures.server(slow), RandomSource.secure(), NOW);
            ClientHandshake c = client();
            byte[] challenge = ((Step.Send) s.onMessage(c.begin().message(), NOW)).message();
            byte[] solution = ((Step.Send) c.onMessage(challenge, NOW)).message();
            JsonObject sol = tree(solution).requireObject("solution");
            Instant when = NOW;
            if (variant == 0) {
                solution = with(solution, "solution", sol.with("hash", JsonString.of("00".repeat(32))));
            } else if (variant == 1) {
                when = NOW.plus(Duration.ofMinutes(5));
            } else {
                solution = with(solution, "challenge_id", JsonString.of("01AAAAAAAAAAAAAAAAAAAAAAAA"));
            }
            rejected(s.onMessage(solution, when), SempReason.CHALLENGE_FAILED);
        }
    }

    @Test
    void server_challengeAlreadyConsumedInLedger_rejectsWithChallengeFailed() throws Exception {
        ResponderGuards guards = new ResponderGuards(Admission.admitAll(), new SeenNonces(Duration.ofHours(1), 10),
                ChallengePolicy.always(PowDemand.of(4)), (id, expires, now) -> false, Duration.ofSeconds(30));
        ServerHandshake s = ServerHandshake.create(Fixtures.server(guards), RandomSource.secure(), NOW);
        ClientHandshake c = client();
        byte[] solution = ((Step.Send) c.onMessage(((Step.Send) s.onMessage(c.begin().message(), NOW)).message(), NOW)).message();
        rejected(s.onMessage(solution, NOW), SempReason.CHALLENGE_FAILED);
    }

    private static byte[] challenge(int difficulty, Duration lifetime, String type, DomainSigningPrivateKey key) throws Exception {
        JsonObject m = new PowChallenge("01JCHALLENGE00000000000000", new byte[16], difficulty, NOW.plus(lifetime)).message(key);
        return CanonicalJson.encode(ServerSignature.sign(m.with("challenge_type", JsonString.of(type)), key));
    }

    @Test
    void client_challengeOutsideProtocolBounds_abortsWithUnsignedChallengeInvalid() throws Exception {
        byte[][] bad = {
            challenge(29, Duration.ofMinutes(10), "proof_of_work", Fixtures.EXAMPLE),
            challenge(21, Duration.ofSeconds(59), "proof_of_work", Fixtures.EXAMPLE),
            challenge(10, Duration.ofMinutes(5), "vendor.example/captcha", Fixtures.EXAMPLE),
        };
        for (byte[] m : bad) {
            ClientHandshake c = client();
            c.begin();
            Step.Rejected r = rejected(c.onMessage(m, NOW), SempReason.CHALLENGE_INVALID);
            JsonObject abort = tree(r.message().orElseThrow());
            assertThat(abort.requireString("party")).isEqualTo("client");
            assertThat(abort.requireString("reason_code")).isEqualTo("challenge_invalid");
            assertThat(abort.has("server_signature")).isFalse();
        }
    }

    @Test
    void client_challengeWithBadSignature_abortsWithAuthFailedWithoutSolving() throws Exception {
        ClientHandshake c = client();
        c.begin();
        Step.Rejected r = rejected(c.onMessage(challenge(28, Duration.ofMinutes(10), "proof_of_work", Fixtures.B), NOW), SempReason.AUTH_FAILED);
        assertThat(r.message()).isEmpty();
    }

    @Test
    void initiator_challengeAboveCap_abortsWithSignedChallengeInvalid() throws Exception {
        Initiator i = Initiator.create(Fixtures.initiator(BASE), RandomSource.secure(), NOW);
        i.begin();
        Step.Rejected r = rejected(i.onMessage(challenge(29, Duration.ofMinutes(10), "proof_of_work", Fixtures.B), NOW),
                SempReason.CHALLENGE_INVALID);
        JsonObject abort = tree(r.message().orElseThrow());
        assertThat(abort.requireString("party")).isEqualTo("server");
        assertThat(ServerSignature.verify(abort, Fixtures.A.publicKey())).isTrue();
    }

    @Test
    void client_serverRejection_unsignedIsMarkedUnverified() throws Exception {
        ClientHandshake c = client();
        c.begin();
        byte[] unsigned = CanonicalJson.encode(tree(Rejection.signed(Optional.empty(), SempReason.RATE_LIMITED, Fixtures.B)));
        Step.Rejected r = rejected(c.onMessage(unsigned, NOW), SempReason.RATE_LIMITED);
        assertThat(r.origin()).isEqualTo(Step.Origin.PEER_UNVERIFIED);
    }

    @Test
    void responder_domainProofFails_rejectsWithAuthFailed() {
        Responder.Config cfg = Fixtures.responder(Fixtures.guards());
        Responder r = Responder.create(new Responder.Config(cfg.local(), cfg.accepted(), cfg.guards(), cfg.peerKeys(),
                (d, p, k) -> new DomainProofVerifier.Failed("no _semp-verify record"), cfg.policy(), cfg.sessionTtl(),
                cfg.collisions()), RandomSource.secure(), NOW);
        Initiator i = Initiator.create(Fixtures.initiator(BASE), RandomSource.secure(), NOW);
        Fixtures.Outcome o = Fixtures.run(i.begin().message(), i::onMessage, r::onMessage, NOW);
        rejected(o.responderEnd(), SempReason.AUTH_FAILED);
        assertThat(((Step.Rejected) o.initiatorEnd()).origin()).isEqualTo(Step.Origin.PEER);
    }

    @Test
    void responder_unknownInitiatorDomainKeyOrForgedInit_rejectsWithAuthFailed() throws Exception {
        Initiator.Config ic = Fixtures.initiator(BASE);
        Initiator stranger = Initiator.create(new Initiator.Config(ic.suite(), ic.offered(), new LocalDomain("c.example", "c", Fixtures.A),
                ic.peerDomain(), ic.peerKeys(), ic.domainProof(), ic.policyAcceptor(), ic.collisions(), ic.timeout(),
                ic.maxSessionTtl()), RandomSource.secure(), NOW);
        rejected(Responder.create(Fixtures.responder(Fixtures.guards()), RandomSource.secure(), NOW)
                .onMessage(stranger.begin().message(), NOW), SempReason.AUTH_FAILED);
        byte[] init = Initiator.create(ic, RandomSource.secure(), NOW).begin().message();
        rejected(Responder.create(Fixtures.responder(Fixtures.guards()), RandomSource.secure(), NOW)
                .onMessage(with(init, "server_id", JsonString.of("other")), NOW), SempReason.AUTH_FAILED);
    }

    @Test
    void responder_initFailingAuthenticationLeavesNoNonce_theAuthenticatedOnesReplayIsRefused() throws Exception {
        ResponderGuards shared = Fixtures.guards();
        byte[] init = Initiator.create(Fixtures.initiator(BASE), RandomSource.secure(), NOW).begin().message();
        rejected(Responder.create(Fixtures.responder(shared), RandomSource.secure(), NOW)
                .onMessage(with(init, "server_id", JsonString.of("forged")), NOW), SempReason.AUTH_FAILED);

        assertThat(Responder.create(Fixtures.responder(shared), RandomSource.secure(), NOW).onMessage(init, NOW)).isInstanceOf(Step.Send.class);
        rejected(Responder.create(Fixtures.responder(shared), RandomSource.secure(), NOW).onMessage(init, NOW), SempReason.HANDSHAKE_INVALID);
    }

    @Test
    void responder_replayTableFullOfLiveNonces_forgetsTheOldestAndCompletesTheHandshake() throws Exception {
        ResponderGuards shared = ResponderGuards.of(new SeenNonces(Duration.ofHours(1), 1), new UsedChallenges(10));
        byte[] first = Initiator.create(Fixtures.initiator(BASE), RandomSource.secure(), NOW).begin().message();
        assertThat(Responder.create(Fixtures.responder(shared), RandomSource.secure(), NOW).onMessage(first, NOW)).isInstanceOf(Step.Send.class);

        Initiator second = Initiator.create(Fixtures.initiator(BASE), RandomSource.secure(), NOW);
        byte[] secondInit = second.begin().message();
        Fixtures.Outcome full = Fixtures.run(secondInit, second::onMessage,
                Responder.create(Fixtures.responder(shared), RandomSource.secure(), NOW)::onMessage, NOW);
        assertThat(full.responderEnd()).isInstanceOf(Step.Established.class);
        assertThat(full.initiatorEnd()).isInstanceOf(Step.Established.class);

        assertThat(shared.nonces().seen(Wire.base64(tree(first).requireString("nonce"), "n"), NOW.plusSeconds(1))).isFalse();
        rejected(Responder.create(Fixtures.responder(shared), RandomSource.secure(), NOW).onMessage(secondInit, NOW.plusSeconds(1)),
                SempReason.HANDSHAKE_INVALID);
    }

    @Test
    void responder_initiatorDomainKeyCannotBeFetchedNow_rejectsRecoverablyNotWithAuthFailed() throws Exception {
        Responder.Config cfg = Fixtures.responder(Fixtures.guards());
        DomainKeyLookup keysDown = new DomainKeyLookup() {
            @Override
            public Optional<DomainSigningPublicKey> find(String domain, Optional<KeyId> keyId) {
                return Optional.empty();
            }

            @Override
            public Answer lookup(String domain, Optional<KeyId> keyId) {
                return new Unavailable();
            }
        };
        Responder r = Responder.create(new Responder.Config(cfg.local(), cfg.accepted(), cfg.guards(), keysDown, cfg.proofs(),
                cfg.policy(), cfg.sessionTtl(), cfg.collisions()), RandomSource.secure(), NOW);
        Initiator i = Initiator.create(Fixtures.initiator(BASE), RandomSource.secure(), NOW);

        Fixtures.Outcome o = Fixtures.run(i.begin().message(), i::onMessage, r::onMessage, NOW);

        Step.Rejected ours = rejected(o.responderEnd(), SempReason.HANDSHAKE_INVALID);
        assertSignedRejection(ours, SempReason.HANDSHAKE_INVALID, Fixtures.B);
        Step.Rejected theirs = rejected(o.initiatorEnd(), SempReason.HANDSHAKE_INVALID);
        assertThat(theirs.reason().recoverable()).isTrue();
        assertThat(theirs.origin()).isEqualTo(Step.Origin.PEER);
    }

    @Test
    void responder_domainProofCannotBeCheckedNow_rejectsRecoverablyNotWithAuthFailed() throws Exception {
        Responder.Config cfg = Fixtures.responder(Fixtures.guards());
        Responder r = Responder.create(new Responder.Config(cfg.local(), cfg.accepted(), cfg.guards(), cfg.peerKeys(),
                (domain, proof, key) -> new DomainProofVerifier.Unavailable("_semp-verify lookup failed: SERVFAIL"),
                cfg.policy(), cfg.sessionTtl(), cfg.collisions()), RandomSource.secure(), NOW);
        Initiator i = Initiator.create(Fixtures.initiator(BASE), RandomSource.secure(), NOW);

        Fixtures.Outcome o = Fixtures.run(i.begin().message(), i::onMessage, r::onMessage, NOW);

        rejected(o.responderEnd(), SempReason.HANDSHAKE_INVALID);
        assertThat(rejected(o.initiatorEnd(), SempReason.HANDSHAKE_INVALID).reason().recoverable()).isTrue();
    }

    @Test
    void domainKeyLookup_byDefault_answersFromFind() {
        DomainKeyLookup one = DomainKeyLookup.of("a.example", Fixtures.A.publicKey());
        assertThat(one.lookup("a.example", Optional.of(Fixtures.A.keyId()))).isEqualTo(new DomainKeyLookup.Found(Fixtures.A.publicKey()));
        assertThat(one.lookup("a.example", Optional.of(Fixtures.B.keyId()))).isEqualTo(new DomainKeyLookup.NotPublished());
        assertThat(one.lookup("c.example", Optional.empty())).isEqualTo(new DomainKeyLookup.NotPublished());
    }

    @Test
    void initiator_declinesPolicy_sendsAcceptedFalseAndResponderEndsWithPolicyForbidden() throws Exception {
        Initiator.Config ic = Fixtures.initiator(BASE);
        Initiator i = Initiator.create(new Initiator.Config(ic.suite(), ic.offered(), ic.local(), ic.peerDomain(), ic.peerKeys(),
                ic.domainProof(), p -> p.relayAllowed() ? Optional.empty() : Optional.of("relay required"), ic.collisions(),
                ic.timeout(), ic.maxSessionTtl()), RandomSource.secure(), NOW);
        Responder r = Responder.create(Fixtures.responder(Fixtures.guards()), RandomSource.secure(), NOW);
        Fixtures.Outcome o = Fixtures.run(i.begin().message(), i::onMessage, r::onMessage, NOW);
        Step.Rejected mine = rejected(o.initiatorEnd(), SempReason.POLICY_FORBIDDEN);
        JsonObject acceptance = tree(mine.message().orElseThrow()).requireObject("federation_acceptance");
        assertThat(acceptance.requireBoolean("accepted")).isFalse();
        assertThat(acceptance.requireString("reason")).isEqualTo("relay required");
        assertThat(rejected(o.responderEnd(), SempReason.POLICY_FORBIDDEN).origin()).isEqualTo(Step.Origin.PEER);
    }

    @Test
    void federation_lostCollision_bothSidesEndWithHandshakeInvalid() {
        Responder.Config rc = Fixtures.responder(Fixtures.guards());
        Responder r = Responder.create(new Responder.Config(rc.local(), rc.accepted(), rc.guards(), rc.peerKeys(), rc.proofs(),
                rc.policy(), rc.sessionTtl(), (peer, id, side) -> false), RandomSource.secure(), NOW);
        Initiator i = Initiator.create(Fixtures.initiator(BASE), RandomSource.secure(), NOW);
        Fixtures.Outcome o = Fixtures.run(i.begin().message(), i::onMessage, r::onMessage, NOW);
        rejected(o.responderEnd(), SempReason.HANDSHAKE_INVALID);
        rejected(o.initiatorEnd(), SempReason.HANDSHAKE_INVALID);
    }

    @Test
    void client_acceptedWithoutTtlOrHugeTtl_defaultsTo300SecondsOrTheCap() throws Exception {
        for (JsonValue ttl : new JsonValue[] {null, new JsonNumber("0"), new JsonNumber("99999999999999999999")}) {
            ServerHandshake s = server();
            ClientHandshake c = client();
            byte[] confirm = ((Step.Send) c.onMessage(((Step.Send) s.onMessage(c.begin().message(), NOW)).message(), NOW)).message();
            JsonObject accepted = tree(((Step.Established) s.onMessage(confirm, NOW)).message().orElseThrow());
            accepted = ttl == null ? accepted.without("session_ttl") : accepted.with("session_ttl", ttl);
            Step done = c.onMessage(CanonicalJson.encode(ServerSignature.sign(accepted, Fixtures.EXAMPLE)), NOW);
            Duration expected = ttl != null && ttl.equals(new JsonNumber("99999999999999999999")) ? Duration.ofDays(1) : Duration.ofSeconds(300);
            assertThat(((Step.Established) done).session().ttl()).isEqualTo(expected);
        }
    }
}
