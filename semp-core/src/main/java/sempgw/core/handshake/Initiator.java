package sempgw.core.handshake;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import sempgw.core.SempException;
import sempgw.core.SempReason;
import sempgw.core.crypto.CryptoSuite;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SuiteId;
import sempgw.core.json.JsonException;
import sempgw.core.json.JsonObject;
import sempgw.core.keys.DomainSigningPublicKey;
import sempgw.core.keys.KeyId;
import sempgw.core.session.EphemeralPublicKey;
import sempgw.core.session.Session;

/**
 * The server that opens a federation handshake (HANDSHAKE.md §5), one instance per handshake:
 * {@link #begin} gives the signed {@code init}; {@link #onMessage} takes each responder message.
 *
 * <ol>
 *   <li>{@code init}: nonce, ephemeral key, inner proof over {@code key || nonce}, our
 *   {@code domain_proof}, signed with our domain key (§5.2). No revision field: semp-go's
 *   signature check would break (docs/interop.md).</li>
 *   <li>{@code challenge} (optional): as for clients, but an abort is signed (§2.2a.6).</li>
 *   <li>{@code response}: from the peer domain we called, echoing our nonce, our domain
 *   {@code verified}, signature and inner proof under the peer's key ({@code auth_failed}); then
 *   keys, confirmation hash, our verdict on {@code federation_policy} and the collision check
 *   (SESSION.md §2.5.2). A declined policy is still sent, as {@code accepted: false} (§5.6).</li>
 *   <li>{@code accepted}: session id, {@code status: "accepted"}, signature, {@code session_ttl}
 *   (missing: 3600 s as semp-go; capped).</li>
 * </ol>
 */
public final class Initiator {
    /** The TTL assumed when a federation {@code accepted} carries none (semp-go's default). */
    public static final Duration DEFAULT_SESSION_TTL = Duration.ofHours(1);

    /**
     * An initiating server's settings for one peer.
     *
     * @param suite the suite of our ephemeral key (see {@link SuiteChoice})
     * @param offered what we advertise in {@code capabilities}
     * @param local our domain, server id and signing key
     * @param peerDomain the domain we federate with
     * @param peerKeys the peer's published signing keys (HANDSHAKE.md §5.3)
     * @param domainProof our {@code domain_proof}
     * @param policyAcceptor our judgement of the peer's federation policy
     * @param collisions concurrent handshakes with the same peer (SESSION.md §2.5.2)
     * @param timeout how long the handshake may take (HANDSHAKE.md §6.6)
     * @param maxSessionTtl the longest TTL we accept
     */
    public record Config(SuiteId suite, Capabilities offered, LocalDomain local, String peerDomain, DomainKeyLookup peerKeys,
                         DomainProof domainProof, FederationPolicy.Acceptor policyAcceptor, CollisionArbiter collisions,
                         Duration timeout, Duration maxSessionTtl) {
        public Config {
            Objects.requireNonNull(suite, "suite");
            Objects.requireNonNull(offered, "offered");
            Objects.requireNonNull(local, "local");
            Objects.requireNonNull(peerDomain, "peerDomain");
            Objects.requireNonNull(peerKeys, "peerKeys");
            Objects.requireNonNull(domainProof, "domainProof");
            Objects.requireNonNull(policyAcceptor, "policyAcceptor");
            Objects.requireNonNull(collisions, "collisions");
            Objects.requireNonNull(timeout, "timeout");
            Objects.requireNonNull(maxSessionTtl, "maxSessionTtl");
            if (!offered.supports(suite)) {
                throw new IllegalArgumentException("the offered suites must include the key's suite");
            }
        }

        /** Default capabilities, any policy accepted, no collision tracking, 30 s, TTL cap one day. */
        public static Config of(SuiteId suite, LocalDomain local, String peerDomain, DomainKeyLookup peerKeys, DomainProof proof) {
            return new Config(suite, Capabilities.defaults(), local, peerDomain, peerKeys, proof,
                    FederationPolicy.Acceptor.acceptAny(), CollisionArbiter.none(), ResponderGuards.DEFAULT_TIMEOUT, Duration.ofDays(1));
        }
    }

    private enum State { NEW, AWAIT_RESPONSE, AWAIT_ACCEPTED, DONE }

    private final Config config;
    private final InitiatorCore core;
    private final Instant deadline;
    private State state = State.NEW;
    private boolean challenged;
    private String sessionId;
    private DomainSigningPublicKey peerKey;
    private Negotiated negotiated;

    private Initiator(Config config, RandomSource random, Instant now, EphemeralKeys ephemeralKeys) {
        this.config = Objects.requireNonNull(config, "config");
        this.deadline = now.plus(config.timeout());
        this.core = new InitiatorCore(CryptoSuite.of(config.suite()), Objects.requireNonNull(random, "random"), ephemeralKeys);
    }

    /** A handshake with a fresh nonce and ephemeral key. */
    public static Initiator create(Config config, RandomSource random, Instant now) {
        return new Initiator(config, random, now, EphemeralKeys.FRESH);
    }

    static Initiator create(Config config, RandomSource random, Instant now, EphemeralKeys ephemeralKeys) {
        return new Initiator(config, random, now, ephemeralKeys);
    }

    public Instant deadline() {
        return deadline;
    }

    /** The signed federation {@code init} (HANDSHAKE.md §5.2). */
    public Step.Send begin() {
        if (state != State.NEW) {
            throw new IllegalStateException("handshake already begun");
        }
        LocalDomain local = config.local();
        JsonObject unsigned = Wire.header("init", Wire.SERVER)
                .put("nonce", Wire.base64(core.nonce))
                .put("server_id", local.serverId())
                .put("server_domain", local.domain())
                .put("server_ephemeral_key", core.publicKey().toJson())
                .put("server_identity_proof", JsonObject.builder()
                        .put("key_id", local.signingKey().keyId().hex())
                        .put("signature", Wire.base64(InnerProof.sign(local.signingKey(), core.ephemeralPublicBytes(), core.nonce)))
                        .build())
                .put("domain_proof", config.domainProof().toJson())
                .put("capabilities", config.offered().toJson())
                .put("extensions", JsonObject.EMPTY)
                .build();
        JsonObject init = ServerSignature.sign(unsigned, local.signingKey());
        core.sent(init);
        state = State.AWAIT_RESPONSE;
        return new Step.Send(Wire.encode(init));
    }

    /** Consumes one message from the responder. */
    public Step onMessage(byte[] message, Instant now) {
        if (state == State.NEW || state == State.DONE) {
            return new Step.Rejected(SempReason.HANDSHAKE_INVALID, "no handshake in progress", Step.Origin.LOCAL, Optional.empty());
        }
        if (!now.isBefore(deadline)) {
            return fail(SempReason.HANDSHAKE_EXPIRED, "peer answered after the handshake deadline", Optional.empty());
        }
        try {
            JsonObject m = Wire.parse(message);
            String step = m.requireString("step");
            if ("rejected".equals(step)) {
                state = State.DONE;
                core.abandon();
                return Rejection.fromPeer(m, Optional.ofNullable(peerKey).or(() -> lookup(Optional.empty())));
            }
            if (state == State.AWAIT_RESPONSE && "challenge".equals(step) && !challenged) {
                challenged = true;
                Wire.expect(m, "challenge", Wire.SERVER);
                return new Step.Send(Wire.encode(ChallengeAnswer.answer(m, lookup(Optional.empty()), now, Wire.SERVER)));
            }
            return switch (state) {
                case AWAIT_RESPONSE -> onResponse(m);
                case AWAIT_ACCEPTED -> onAccepted(m, now);
                default -> throw new IllegalStateException("unreachable");
            };
        } catch (SempException e) {
            boolean tell = e.reason() == SempReason.CHALLENGE_INVALID || e.reason() == SempReason.HANDSHAKE_INVALID && sessionId != null;
            Optional<byte[]> abort = tell
                    ? Optional.of(Rejection.signed(Optional.ofNullable(sessionId), e.reason(), config.local().signingKey()))
                    : Optional.empty();
            return fail(e.reason(), e.getMessage(), abort);
        } catch (JsonException e) {
            return fail(SempReason.HANDSHAKE_INVALID, "malformed peer message: " + e.getMessage(), Optional.empty());
        }
    }

    /** Zeroes every secret; the handshake cannot continue. */
    public void abandon() {
        state = State.DONE;
        core.abandon();
    }

    private Step onResponse(JsonObject m) throws SempException, JsonException {
        Wire.expect(m, "response", Wire.SERVER);
        if (!config.peerDomain().equals(m.requireString("server_domain"))) {
            throw new SempException(SempReason.AUTH_FAILED, "response is from another domain");
        }
        if (!Wire.base64(core.nonce).equals(m.requireString("client_nonce"))) {
            throw new SempException(SempReason.HANDSHAKE_INVALID, "response does not echo our nonce");
        }
        if (!"verified".equals(m.requireObject("domain_verification_result").requireString("status"))) {
            throw new SempException(SempReason.AUTH_FAILED, "peer did not verify our domain");
        }
        JsonObject proof = m.requireObject("server_identity_proof");
        peerKey = lookup(KeyId.parse(proof.requireString("key_id")))
                .orElseThrow(() -> new SempException(SempReason.AUTH_FAILED, "peer domain key unknown"));
        if (!ServerSignature.verify(m, peerKey)) {
            throw new SempException(SempReason.AUTH_FAILED, "response signature does not verify");
        }
        EphemeralPublicKey theirs = EphemeralPublicKey.read(m.requireObject("server_ephemeral_key"), EphemeralPublicKey.Role.CIPHERTEXT);
        if (theirs.suite() != core.suite.id()) {
            throw new SempException(SempReason.HANDSHAKE_INVALID, "peer answered with another suite");
        }
        negotiated = Negotiated.read(m.requireObject("negotiated"), core.suite.id());
        byte[] serverNonce = Wire.nonce(m.requireString("server_nonce"), "server_nonce");
        if (!InnerProof.verify(peerKey, Wire.base64(proof.requireString("signature"), "identity proof"),
                theirs.key(), serverNonce, core.nonce)) {
            throw new SempException(SempReason.AUTH_FAILED, "peer identity proof does not verify");
        }
        Wire.checkExtensions(m);
        FederationPolicy policy = FederationPolicy.read(m.requireObject("federation_policy"));
        String id = m.requireString("session_id");
        if (id.isEmpty() || id.length() > 128) {
            throw new SempException(SempReason.HANDSHAKE_INVALID, "unusable session_id");
        }
        core.derive(theirs, serverNonce);
        sessionId = id;
        if (!config.collisions().proceed(config.peerDomain(), sessionId, Session.Side.INITIATOR)) {
            throw new SempException(SempReason.HANDSHAKE_INVALID, "handshake lost a collision (SESSION.md §2.5.2)");
        }
        return confirm(ConfirmationHash.of(core.init(), m), config.policyAcceptor().objection(policy));
    }

    private Step confirm(byte[] hash, Optional<String> objection) {
        JsonObject.Builder acceptance = JsonObject.builder()
                .put("accepted", objection.isEmpty())
                .put("policy_acknowledged", objection.isEmpty());
        objection.ifPresent(r -> acceptance.put("reason", r));
        JsonObject confirm = ServerSignature.sign(Wire.header("confirm", Wire.SERVER)
                .put("session_id", sessionId)
                .put("confirmation_hash", Wire.base64(hash))
                .put("federation_acceptance", acceptance.build())
                .put("extensions", JsonObject.EMPTY)
                .build(), config.local().signingKey());
        if (objection.isPresent()) {
            return fail(SempReason.POLICY_FORBIDDEN, "we declined the peer's federation policy", Optional.of(Wire.encode(confirm)));
        }
        state = State.AWAIT_ACCEPTED;
        return new Step.Send(Wire.encode(confirm));
    }

    private Step onAccepted(JsonObject m, Instant now) throws SempException, JsonException {
        Wire.expect(m, "accepted", Wire.SERVER);
        if (!sessionId.equals(m.requireString("session_id")) || !"accepted".equals(m.requireString("status"))) {
            throw new SempException(SempReason.HANDSHAKE_INVALID, "accepted names another session or status");
        }
        if (!ServerSignature.verify(m, peerKey)) {
            throw new SempException(SempReason.AUTH_FAILED, "accepted signature does not verify");
        }
        Duration ttl = SessionTtl.read(m, DEFAULT_SESSION_TTL, config.maxSessionTtl());
        Session session = Session.establish(Session.Kind.FEDERATION, Session.Side.INITIATOR, sessionId, config.peerDomain(),
                core.suite.id(), core.handOver(), now, ttl,
                new Session.Terms(List.of(), negotiated.extensions(), negotiated.maxEnvelopeSize()));
        state = State.DONE;
        return new Step.Established(session, Optional.empty());
    }

    private Optional<DomainSigningPublicKey> lookup(Optional<KeyId> keyId) {
        return config.peerKeys().find(config.peerDomain(), keyId);
    }

    private Step fail(SempReason reason, String detail, Optional<byte[]> message) {
        state = State.DONE;
        core.abandon();
        return new Step.Rejected(reason, detail, Step.Origin.LOCAL, message);
    }
}
