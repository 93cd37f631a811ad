package sempgw.core.handshake;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import sempgw.core.SempException;
import sempgw.core.SempReason;
import sempgw.core.crypto.CryptoSuite;
import sempgw.core.crypto.RandomSource;
import sempgw.core.json.JsonArray;
import sempgw.core.json.JsonException;
import sempgw.core.json.JsonObject;
import sempgw.core.keys.IdentityPublicKey;
import sempgw.core.session.EphemeralPublicKey;
import sempgw.core.session.Session;
import sempgw.core.session.SessionIds;

/**
 * The home server's side of a client handshake (HANDSHAKE.md §2), one instance per handshake.
 * Feed every received message to {@link #onMessage}; it answers with a {@link Step}.
 *
 * <ol>
 *   <li>{@code init}: parse (HANDSHAKE.md §2.2.1), refuse required unknown extensions
 *   ({@code extension_unsupported}, naming the key, EXTENSIONS.md §3.1), negotiate
 *   the suite of the client's key ({@code policy_forbidden}), {@link Admission} ({@code blocked},
 *   {@code server_at_capacity}, or silence), a nonce already recorded ({@code handshake_invalid},
 *   §6.2, a lookup: the init is not authenticated, so its nonce is recorded only at step 4);
 *   then a signed {@code challenge} if {@link ChallengePolicy} demands one, else step 3.</li>
 *   <li>{@code challenge_response}: wrong, expired or reused solution gives
 *   {@code challenge_failed} (§2.2b.2).</li>
 *   <li>Key exchange and the signed {@code response} with the inner identity proof (§2.3).</li>
 *   <li>{@code confirm}: session id, confirmation hash ({@code auth_failed}, §2.5.3), the
 *   identity proof decrypted under {@code K_enc_c2s}, the client's unrevoked identity key, its
 *   signature (all {@code auth_failed}), the init's nonce recorded (recorded meanwhile:
 *   {@code handshake_invalid}; the table full of live nonces forgets its oldest), then
 *   {@link ClientAuthorizer}; on success a signed {@code accepted} and the {@link Session} (§2.7).</li>
 * </ol>
 * A malformed or out-of-order message gives {@code handshake_invalid}; a message after
 * {@link #deadline()} gives {@code handshake_expired} (§6.6). Every rejection is a signed
 * {@code rejected} to send, except a silent block. Not thread-safe: one transport turn at a time.
 */
public final class ServerHandshake {

    /**
     * A server's client-handshake settings.
     *
     * @param local our domain and signing key
     * @param accepted suites, extensions and limits we accept
     * @param guards admission, replay and challenge protections shared across handshakes
     * @param identities our users' identity keys
     * @param authorizer TTL and permissions per authenticated user
     */
    public record Config(LocalDomain local, Capabilities accepted, ResponderGuards guards,
                         IdentityKeyDirectory identities, ClientAuthorizer authorizer) {
        public Config {
            Objects.requireNonNull(local, "local");
            Objects.requireNonNull(accepted, "accepted");
            Objects.requireNonNull(guards, "guards");
            Objects.requireNonNull(identities, "identities");
            Objects.requireNonNull(authorizer, "authorizer");
        }
    }

    private enum State { AWAIT_INIT, AWAIT_SOLUTION, AWAIT_CONFIRM }

    private final Config config;
    private final ResponderCore core;
    private State state = State.AWAIT_INIT;
    private JsonObject init;
    private JsonObject response;
    private EphemeralPublicKey clientKey;
    private byte[] clientNonce;
    private Negotiated negotiated;

    private ServerHandshake(Config config, RandomSource random, SessionIds ids, Instant now) {
        this.config = Objects.requireNonNull(config, "config");
        this.core = new ResponderCore(config.guards(), config.local().signingKey(), Objects.requireNonNull(random, "random"), ids, now);
    }

    /** A handshake that starts now; session ids are ULIDs. */
    public static ServerHandshake create(Config config, RandomSource random, Instant now) {
        return new ServerHandshake(config, random, SessionIds.ulid(), now);
    }

    static ServerHandshake create(Config config, RandomSource random, Instant now, SessionIds ids) {
        return new ServerHandshake(config, random, ids, now);
    }

    /** When the handshake times out; close the transport then if it is not done (HANDSHAKE.md §6.6). */
    public Instant deadline() {
        return core.deadline();
    }

    /** Consumes one message from the client. */
    public Step onMessage(byte[] message, Instant now) {
        return core.receive(message, now, Optional.empty(), state, m -> switch (state) {
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
        Wire.expect(m, "init", Wire.CLIENT);
        byte[] nonce = Wire.nonce(m.requireString("nonce"), "nonce");
        String transport = m.requireString("transport");
        clientKey = EphemeralPublicKey.read(m.requireObject("client_ephemeral_key"), EphemeralPublicKey.Role.PUBLIC_KEY);
        Wire.checkExtensions(m);
        negotiated = Negotiated.choose(clientKey.suite(), m.requireObject("capabilities"), config.accepted());
        InitSummary summary = new InitSummary(Session.Kind.CLIENT, transport, Optional.empty(), negotiated.suite());
        if (!core.admit(summary, nonce, now)) {
            return core.silent();
        }
        init = m;
        clientNonce = nonce;
        Optional<byte[]> challenge = core.challenge(summary, now);
        if (challenge.isPresent()) {
            state = State.AWAIT_SOLUTION;
            return new Step.Send(challenge.get());
        }
        return respond(now);
    }

    private Step onSolution(JsonObject m, Instant now) throws SempException, JsonException {
        Wire.expect(m, "challenge_response", Wire.CLIENT);
        core.checkSolution(m, now);
        return respond(now);
    }

    private Step respond(Instant now) throws SempException, JsonException {
        CryptoSuite suite = CryptoSuite.of(negotiated.suite());
        ResponderCore.Exchange x = core.exchange(suite, clientKey, clientNonce, now);
        LocalDomain local = config.local();
        byte[] proof = InnerProof.sign(local.signingKey(), x.ciphertext(), x.serverNonce(), clientNonce);
        JsonObject unsigned = Wire.header("response", Wire.SERVER)
                .put("session_id", x.sessionId())
                .put("client_nonce", init.requireString("nonce"))
                .put("server_nonce", Wire.base64(x.serverNonce()))
                .put("server_ephemeral_key", new EphemeralPublicKey(suite.id(), x.ciphertext()).toJson())
                .put("server_identity_proof", JsonObject.builder()
                        .put("domain", local.domain())
                        .put("key_id", local.signingKey().keyId().hex())
                        .put("signature", Wire.base64(proof))
                        .build())
                .put("negotiated", negotiated.toJson())
                .put("extensions", JsonObject.EMPTY)
                .build();
        response = ServerSignature.sign(unsigned, local.signingKey());
        state = State.AWAIT_CONFIRM;
        return new Step.Send(Wire.encode(response));
    }

    private Step onConfirm(JsonObject m, Instant now) throws SempException, JsonException {
        Wire.expect(m, "confirm", Wire.CLIENT);
        String sessionId = core.sessionId().orElseThrow();
        if (!sessionId.equals(m.requireString("session_id"))) {
            throw new SempException(SempReason.HANDSHAKE_INVALID, "confirm names another session");
        }
        byte[] hash = ConfirmationHash.of(init, response);
        if (!MessageDigest.isEqual(hash, Wire.base64(m.requireString("confirmation_hash"), "confirmation_hash"))) {
            throw new SempException(SempReason.AUTH_FAILED, "confirmation hash does not match messages 1 and 2");
        }
        Wire.checkExtensions(m);
        CryptoSuite suite = CryptoSuite.of(negotiated.suite());
        IdentityProof.Claim claim = IdentityProof.open(suite, core.keys(), sessionId, m.requireString("identity_proof"));
        if (!IdentityProof.IDENTITY_KEY.equals(claim.method())) {
            throw new SempException(SempReason.AUTH_FAILED, "unsupported auth method");
        }
        IdentityPublicKey key = config.identities().find(claim.identity(), claim.keyId())
                .orElseThrow(() -> new SempException(SempReason.AUTH_FAILED, "no such unrevoked identity key"));
        if (!IdentityProof.verify(key, claim, sessionId, hash)) {
            throw new SempException(SempReason.AUTH_FAILED, "identity signature does not verify");
        }
        core.recordNonce(clientNonce, now);
        return switch (config.authorizer().authorize(claim.identity(), now)) {
            case ClientAuthorizer.Denied d -> throw new SempException(d.reason(), "authorizer refused the client");
            case ClientAuthorizer.Granted g -> accept(sessionId, claim.identity(), g, now);
        };
    }

    private Step accept(String sessionId, String identity, ClientAuthorizer.Granted grant, Instant now) {
        JsonObject.Builder b = Wire.header("accepted", Wire.SERVER)
                .put("session_id", sessionId)
                .put("session_ttl", grant.ttl().toSeconds());
        if (!grant.permissions().isEmpty()) {
            b.put("permissions", JsonArray.ofStrings(grant.permissions()));
        }
        JsonObject accepted = ServerSignature.sign(b.put("extensions", JsonObject.EMPTY).build(), config.local().signingKey());
        Session session = Session.establish(Session.Kind.CLIENT, Session.Side.RESPONDER, sessionId, identity,
                negotiated.suite(), core.handOver(), now, java.time.Duration.ofSeconds(grant.ttl().toSeconds()),
                new Session.Terms(grant.permissions(), negotiated.extensions(), negotiated.maxEnvelopeSize()));
        core.finish();
        return new Step.Established(session, Optional.of(Wire.encode(accepted)));
    }
}
