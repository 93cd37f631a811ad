package sempgw.core.handshake;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import sempgw.core.SempException;
import sempgw.core.SempReason;
import sempgw.core.crypto.CryptoSuite;
import sempgw.core.crypto.RandomSource;
import sempgw.core.json.JsonException;
import sempgw.core.json.JsonObject;
import sempgw.core.keys.DomainSigningPublicKey;
import sempgw.core.keys.KeyId;
import sempgw.core.session.EphemeralPublicKey;
import sempgw.core.session.Session;
import sempgw.core.session.SessionIds;

/**
 * The server that answers a federation handshake (HANDSHAKE.md §5), one instance per handshake.
 *
 * <ol>
 *   <li>{@code init}: parse; refuse required unknown extensions ({@code extension_unsupported},
 *   naming the key, EXTENSIONS.md §3.1); negotiate the suite of the
 *   initiator's key ({@code policy_forbidden}); {@link Admission} on the initiating domain
 *   ({@code blocked}, capacity, or silence; §4.2); a nonce already recorded ({@code handshake_invalid},
 *   a lookup); the initiator domain's key from {@link DomainKeyLookup} (not published:
 *   {@code auth_failed}; not fetchable now: {@code handshake_invalid}, recoverable, ERRORS.md §2),
 *   then {@code server_signature} and the inner proof over {@code key || nonce}
 *   ({@code auth_failed}); only then the nonce is recorded (§6.2; recorded meanwhile:
 *   {@code handshake_invalid}; the table full of live nonces forgets its oldest); then a
 *   challenge if {@link ChallengePolicy} demands one.</li>
 *   <li>{@code challenge_response}: as for clients ({@code challenge_failed}).</li>
 *   <li>{@link DomainProofVerifier} before message 2 ({@code auth_failed}; cannot be checked now:
 *   {@code handshake_invalid}; §5.4), key exchange,
 *   signed {@code response} with {@code domain_verification_result}, {@code negotiated} and our
 *   {@code federation_policy} (§5.5).</li>
 *   <li>{@code confirm}: session id, signature ({@code auth_failed}), confirmation hash
 *   ({@code auth_failed}), the initiator's acceptance of our policy (declined:
 *   {@code policy_forbidden}), the collision rule ({@code handshake_invalid}; SESSION.md
 *   §2.5.2); then the signed {@code accepted} with {@code status} and {@code session_ttl} (which
 *   semp-go requires although the spec omits it).</li>
 * </ol>
 */
public final class Responder {

    /**
     * A responding server's federation settings.
     *
     * @param local our domain, server id and signing key
     * @param accepted suites, extensions and limits we accept
     * @param guards admission, replay and challenge protections shared across handshakes
     * @param peerKeys initiating domains' published signing keys
     * @param proofs how we judge {@code domain_proof}
     * @param policy our {@code federation_policy}
     * @param sessionTtl the TTL we grant (semp-go: one hour)
     * @param collisions concurrent handshakes with the same peer (SESSION.md §2.5.2)
     */
    public record Config(LocalDomain local, Capabilities accepted, ResponderGuards guards, DomainKeyLookup peerKeys,
                         DomainProofVerifier proofs, FederationPolicy policy, Duration sessionTtl, CollisionArbiter collisions) {
        public Config {
            Objects.requireNonNull(local, "local");
            Objects.requireNonNull(accepted, "accepted");
            Objects.requireNonNull(guards, "guards");
            Objects.requireNonNull(peerKeys, "peerKeys");
            Objects.requireNonNull(proofs, "proofs");
            Objects.requireNonNull(policy, "policy");
            Objects.requireNonNull(collisions, "collisions");
            if (sessionTtl.toSeconds() < 1) {
                throw new IllegalArgumentException("session TTL must be at least one second");
            }
        }
    }

    private enum State { AWAIT_INIT, AWAIT_SOLUTION, AWAIT_CONFIRM }

    private final Config config;
    private final ResponderCore core;
    private State state = State.AWAIT_INIT;
    private JsonObject init;
    private JsonObject response;
    private EphemeralPublicKey initiatorKey;
    private byte[] initiatorNonce;
    private Negotiated negotiated;
    private String peerDomain;
    private DomainSigningPublicKey peerKey;

    private Responder(Config config, RandomSource random, SessionIds ids, Instant now) {
        this.config = Objects.requireNonNull(config, "config");
        this.core = new ResponderCore(config.guards(), config.local().signingKey(), Objects.requireNonNull(random, "random"), ids, now);
    }

    /** A handshake that starts now; session ids are ULIDs. */
    public static Responder create(Config config, RandomSource random, Instant now) {
        return new Responder(config, random, SessionIds.ulid(), now);
    }

    static Responder create(Config config, RandomSource random, Instant now, SessionIds ids) {
        return new Responder(config, random, ids, now);
    }

    public Instant deadline() {
        return core.deadline();
    }

    /** Consumes one message from the initiating server. */
    public Step onMessage(byte[] message, Instant now) {
        return core.receive(message, now, Optional.ofNullable(peerKey), state, m -> switch (state) {
            case AWAIT_INIT -> onInit(m, now);
            case AWAIT_SOLUTION -> onSolution(m, now);
            case AWAIT_CONFIRM -> onConfirm(m, now);
        });
    }

    /** Zeroes every secret; the handshake cannot continue. */
    public void abandon() {
        core.finish();
    }

    private Step onInit(JsonObject m, Instant now) throws SempException, JsonException {
        Wire.expect(m, "init", Wire.SERVER);
        byte[] nonce = Wire.nonce(m.requireString("nonce"), "nonce");
        String domain = m.requireString("server_domain");
        if (domain.isEmpty() || domain.length() > 253) {
            throw new SempException(SempReason.HANDSHAKE_INVALID, "unusable server_domain");
        }
        m.requireString("server_id");
        initiatorKey = EphemeralPublicKey.read(m.requireObject("server_ephemeral_key"), EphemeralPublicKey.Role.PUBLIC_KEY);
        Wire.checkExtensions(m);
        negotiated = Negotiated.choose(initiatorKey.suite(), m.requireObject("capabilities"), config.accepted());
        InitSummary summary = new InitSummary(Session.Kind.FEDERATION, "federation", Optional.of(domain), negotiated.suite());
        if (!core.admit(summary, nonce, now)) {
            return core.silent();
        }
        JsonObject proof = m.requireObject("server_identity_proof");
        peerKey = switch (config.peerKeys().lookup(domain, KeyId.parse(proof.requireString("key_id")))) {
            case DomainKeyLookup.Found f -> f.key();
            case DomainKeyLookup.NotPublished n -> throw new SempException(SempReason.AUTH_FAILED, "no published key for the initiating domain");
            case DomainKeyLookup.Unavailable u ->
                    throw new SempException(SempReason.HANDSHAKE_INVALID, "the initiating domain's keys cannot be fetched now");
        };
        if (!ServerSignature.verify(m, peerKey)) {
            throw new SempException(SempReason.AUTH_FAILED, "init signature does not verify");
        }
        if (!InnerProof.verify(peerKey, Wire.base64(proof.requireString("signature"), "identity proof"), initiatorKey.key(), nonce)) {
            throw new SempException(SempReason.AUTH_FAILED, "init identity proof does not verify");
        }
        core.recordNonce(nonce, now);
        DomainProof.read(m.requireObject("domain_proof"));
        init = m;
        initiatorNonce = nonce;
        peerDomain = domain;
        Optional<byte[]> challenge = core.challenge(summary, now);
        if (challenge.isPresent()) {
            state = State.AWAIT_SOLUTION;
            return new Step.Send(challenge.get());
        }
        return respond(now);
    }

    private Step onSolution(JsonObject m, Instant now) throws SempException, JsonException {
        Wire.expect(m, "challenge_response", Wire.SERVER);
        core.checkSolution(m, now);
        return respond(now);
    }

    private Step respond(Instant now) throws SempException, JsonException {
        DomainProof proof = DomainProof.read(init.requireObject("domain_proof"));
        String method = switch (config.proofs().verify(peerDomain, proof, peerKey)) {
            case DomainProofVerifier.Failed f -> throw new SempException(SempReason.AUTH_FAILED, "domain proof: " + f.detail());
            case DomainProofVerifier.Unavailable u ->
                    throw new SempException(SempReason.HANDSHAKE_INVALID, "the initiating domain's ownership cannot be checked now");
            case DomainProofVerifier.Verified v -> v.method();
        };
        CryptoSuite suite = CryptoSuite.of(negotiated.suite());
        ResponderCore.Exchange x = core.exchange(suite, initiatorKey, initiatorNonce, now);
        LocalDomain local = config.local();
        JsonObject unsigned = Wire.header("response", Wire.SERVER)
                .put("session_id", x.sessionId())
                .put("client_nonce", init.requireString("nonce"))
                .put("server_nonce", Wire.base64(x.serverNonce()))
                .put("server_id", local.serverId())
                .put("server_domain", local.domain())
                .put("server_ephemeral_key", new EphemeralPublicKey(suite.id(), x.ciphertext()).toJson())
                .put("server_identity_proof", JsonObject.builder()
                        .put("key_id", local.signingKey().keyId().hex())
                        .put("signature", Wire.base64(InnerProof.sign(local.signingKey(), x.ciphertext(), x.serverNonce(), initiatorNonce)))
                        .build())
                .put("domain_verification_result", JsonObject.builder().put("status", "verified").put("method", method).build())
                .put("negotiated", negotiated.toJson())
                .put("federation_policy", config.policy().toJson())
                .put("extensions", JsonObject.EMPTY)
                .build();
        response = ServerSignature.sign(unsigned, local.signingKey());
        state = State.AWAIT_CONFIRM;
        return new Step.Send(Wire.encode(response));
    }

    private Step onConfirm(JsonObject m, Instant now) throws SempException, JsonException {
        Wire.expect(m, "confirm", Wire.SERVER);
        String sessionId = core.sessionId().orElseThrow();
        if (!sessionId.equals(m.requireString("session_id"))) {
            throw new SempException(SempReason.HANDSHAKE_INVALID, "confirm names another session");
        }
        if (!ServerSignature.verify(m, peerKey)) {
            throw new SempException(SempReason.AUTH_FAILED, "confirm signature does not verify");
        }
        if (!MessageDigest.isEqual(ConfirmationHash.of(init, response), Wire.base64(m.requireString("confirmation_hash"), "confirmation_hash"))) {
            throw new SempException(SempReason.AUTH_FAILED, "confirmation hash does not match messages 1 and 2");
        }
        Wire.checkExtensions(m);
        JsonObject acceptance = m.requireObject("federation_acceptance");
        if (!acceptance.requireBoolean("accepted") || !acceptance.requireBoolean("policy_acknowledged")) {
            core.finish();
            return new Step.Rejected(SempReason.POLICY_FORBIDDEN, "initiator declined our federation policy", Step.Origin.PEER, Optional.empty());
        }
        if (!config.collisions().proceed(peerDomain, sessionId, Session.Side.RESPONDER)) {
            throw new SempException(SempReason.HANDSHAKE_INVALID, "handshake lost a collision (SESSION.md §2.5.2)");
        }
        JsonObject accepted = ServerSignature.sign(Wire.header("accepted", Wire.SERVER)
                .put("session_id", sessionId)
                .put("status", "accepted")
                .put("session_ttl", config.sessionTtl().toSeconds())
                .put("extensions", JsonObject.EMPTY)
                .build(), config.local().signingKey());
        Session session = Session.establish(Session.Kind.FEDERATION, Session.Side.RESPONDER, sessionId, peerDomain,
                negotiated.suite(), core.handOver(), now, Duration.ofSeconds(config.sessionTtl().toSeconds()),
                new Session.Terms(List.of(), negotiated.extensions(), negotiated.maxEnvelopeSize()));
        core.finish();
        return new Step.Established(session, Optional.of(Wire.encode(accepted)));
    }
}
