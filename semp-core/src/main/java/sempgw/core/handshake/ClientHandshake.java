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
import sempgw.core.json.JsonArray;
import sempgw.core.json.JsonException;
import sempgw.core.json.JsonObject;
import sempgw.core.keys.DomainSigningPublicKey;
import sempgw.core.keys.IdentityPrivateKey;
import sempgw.core.keys.KeyId;
import sempgw.core.session.EphemeralPublicKey;
import sempgw.core.session.Session;

/**
 * A client's side of the client handshake with its home server (HANDSHAKE.md §2), one instance
 * per handshake: {@link #begin} gives the anonymous {@code init}; {@link #onMessage} takes each
 * server message.
 *
 * <ol>
 *   <li>{@code challenge} (optional): see {@link ChallengeAnswer}; a rule violation ends the
 *   handshake with an unsigned abort to send ({@code challenge_invalid}, §2.2a.6).</li>
 *   <li>{@code response}: our nonce echoed, {@code server_signature} and the inner identity proof
 *   under the home domain's key ({@code auth_failed}), {@code server_identity_proof.domain} is the
 *   home domain, the server's key and {@code negotiated} of our suite; then derive the keys,
 *   compute the confirmation hash and send {@code confirm} with the encrypted identity proof
 *   (§2.3-§2.5).</li>
 *   <li>{@code accepted}: our session id, signature verified; {@code session_ttl} missing or
 *   not positive means 300 s (§2.7.1), capped at {@link Config#maxSessionTtl()}.</li>
 *   <li>{@code rejected} at any point ends the handshake with the server's reason.</li>
 * </ol>
 */
public final class ClientHandshake {
    /** The TTL assumed when {@code accepted} carries none (HANDSHAKE.md §2.7.1). */
    public static final Duration DEFAULT_SESSION_TTL = Duration.ofSeconds(300);

    /**
     * A client's handshake settings.
     *
     * @param suite the suite of our ephemeral key, which the server must support
     * @param offered what we advertise in {@code capabilities}
     * @param transport the {@code transport} value: {@code ws}, {@code h2} or {@code quic}
     *     (TRANSPORT.md §4)
     * @param identity our address, e.g. {@code alice@example.com}
     * @param identityKey our long-term identity key
     * @param serverDomain the home server's domain
     * @param serverKeys the home domain's published signing keys
     * @param timeout how long the whole handshake may take (HANDSHAKE.md §6.6)
     * @param maxSessionTtl the longest TTL we accept from the server
     */
    public record Config(SuiteId suite, Capabilities offered, String transport, String identity, IdentityPrivateKey identityKey,
                         String serverDomain, DomainKeyLookup serverKeys, Duration timeout, Duration maxSessionTtl) {
        public Config {
            Objects.requireNonNull(suite, "suite");
            Objects.requireNonNull(offered, "offered");
            Objects.requireNonNull(transport, "transport");
            Objects.requireNonNull(identity, "identity");
            Objects.requireNonNull(identityKey, "identityKey");
            Objects.requireNonNull(serverDomain, "serverDomain");
            Objects.requireNonNull(serverKeys, "serverKeys");
            Objects.requireNonNull(timeout, "timeout");
            Objects.requireNonNull(maxSessionTtl, "maxSessionTtl");
            if (!offered.supports(suite)) {
                throw new IllegalArgumentException("the offered suites must include the key's suite");
            }
        }

        /** Default capabilities, transport {@code ws}, 30 s timeout, TTL cap of one day. */
        public static Config of(SuiteId suite, String identity, IdentityPrivateKey identityKey, String serverDomain,
                                DomainKeyLookup serverKeys) {
            return new Config(suite, Capabilities.defaults(), "ws", identity, identityKey, serverDomain, serverKeys,
                    ResponderGuards.DEFAULT_TIMEOUT, Duration.ofDays(1));
        }
    }

    private enum State { NEW, AWAIT_RESPONSE, AWAIT_ACCEPTED, DONE }

    private final Config config;
    private final RandomSource random;
    private final InitiatorCore core;
    private final Instant deadline;
    private State state = State.NEW;
    private boolean challenged;
    private String sessionId;
    private DomainSigningPublicKey serverKey;
    private Negotiated negotiated;

    private ClientHandshake(Config config, RandomSource random, Instant now, EphemeralKeys ephemeralKeys) {
        this.config = Objects.requireNonNull(config, "config");
        this.random = Objects.requireNonNull(random, "random");
        this.deadline = now.plus(config.timeout());
        this.core = new InitiatorCore(CryptoSuite.of(config.suite()), random, ephemeralKeys);
    }

    /** A handshake with a fresh nonce and ephemeral key. */
    public static ClientHandshake create(Config config, RandomSource random, Instant now) {
        return new ClientHandshake(config, random, now, EphemeralKeys.FRESH);
    }

    static ClientHandshake create(Config config, RandomSource random, Instant now, EphemeralKeys ephemeralKeys) {
        return new ClientHandshake(config, random, now, ephemeralKeys);
    }

    public Instant deadline() {
        return deadline;
    }

    /** The {@code init} (HANDSHAKE.md §2.2): anonymous, unsigned, canonical. */
    public Step.Send begin() {
        if (state != State.NEW) {
            throw new IllegalStateException("handshake already begun");
        }
        JsonObject init = Wire.header("init", Wire.CLIENT)
                .put("nonce", Wire.base64(core.nonce))
                .put("transport", config.transport())
                .put("client_ephemeral_key", core.publicKey().toJson())
                .put("capabilities", config.offered().toJson())
                .put("extensions", JsonObject.EMPTY)
                .build();
        core.sent(init);
        state = State.AWAIT_RESPONSE;
        return new Step.Send(Wire.encode(init));
    }

    /** Consumes one message from the server. */
    public Step onMessage(byte[] message, Instant now) {
        if (state == State.NEW || state == State.DONE) {
            return new Step.Rejected(SempReason.HANDSHAKE_INVALID, "no handshake in progress", Step.Origin.LOCAL, Optional.empty());
        }
        if (!now.isBefore(deadline)) {
            return fail(SempReason.HANDSHAKE_EXPIRED, "server answered after the handshake deadline", Optional.empty());
        }
        try {
            JsonObject m = Wire.parse(message);
            String step = m.requireString("step");
            if ("rejected".equals(step)) {
                state = State.DONE;
                core.abandon();
                return Rejection.fromPeer(m, Optional.ofNullable(serverKey).or(() -> lookup(Optional.empty())));
            }
            if (state == State.AWAIT_RESPONSE && "challenge".equals(step) && !challenged) {
                challenged = true;
                Wire.expect(m, "challenge", Wire.SERVER);
                return new Step.Send(Wire.encode(ChallengeAnswer.answer(m, lookup(Optional.empty()), now, Wire.CLIENT)));
            }
            return switch (state) {
                case AWAIT_RESPONSE -> onResponse(m);
                case AWAIT_ACCEPTED -> onAccepted(m, now);
                default -> throw new IllegalStateException("unreachable");
            };
        } catch (SempException e) {
            Optional<byte[]> abort = e.reason() == SempReason.CHALLENGE_INVALID
                    ? Optional.of(Rejection.unsignedClientAbort(e.reason())) : Optional.empty();
            return fail(e.reason(), e.getMessage(), abort);
        } catch (JsonException e) {
            return fail(SempReason.HANDSHAKE_INVALID, "malformed server message: " + e.getMessage(), Optional.empty());
        }
    }

    /** Zeroes every secret; the handshake cannot continue. */
    public void abandon() {
        state = State.DONE;
        core.abandon();
    }

    private Step onResponse(JsonObject m) throws SempException, JsonException {
        Wire.expect(m, "response", Wire.SERVER);
        if (!Wire.base64(core.nonce).equals(m.requireString("client_nonce"))) {
            throw new SempException(SempReason.HANDSHAKE_INVALID, "response does not echo our nonce");
        }
        JsonObject proof = m.requireObject("server_identity_proof");
        if (!config.serverDomain().equals(proof.requireString("domain"))) {
            throw new SempException(SempReason.AUTH_FAILED, "response is from another domain");
        }
        serverKey = lookup(KeyId.parse(proof.requireString("key_id")))
                .orElseThrow(() -> new SempException(SempReason.AUTH_FAILED, "home domain key unknown"));
        if (!ServerSignature.verify(m, serverKey)) {
            throw new SempException(SempReason.AUTH_FAILED, "response signature does not verify");
        }
        EphemeralPublicKey theirs = EphemeralPublicKey.read(m.requireObject("server_ephemeral_key"), EphemeralPublicKey.Role.CIPHERTEXT);
        if (theirs.suite() != core.suite.id()) {
            throw new SempException(SempReason.HANDSHAKE_INVALID, "server answered with another suite");
        }
        negotiated = Negotiated.read(m.requireObject("negotiated"), core.suite.id());
        byte[] serverNonce = Wire.nonce(m.requireString("server_nonce"), "server_nonce");
        if (!InnerProof.verify(serverKey, Wire.base64(proof.requireString("signature"), "identity proof"),
                theirs.key(), serverNonce, core.nonce)) {
            throw new SempException(SempReason.AUTH_FAILED, "server identity proof does not verify");
        }
        Wire.checkExtensions(m);
        sessionId = m.requireString("session_id");
        if (sessionId.isEmpty() || sessionId.length() > 128) {
            throw new SempException(SempReason.HANDSHAKE_INVALID, "unusable session_id");
        }
        var keys = core.derive(theirs, serverNonce);
        byte[] hash = ConfirmationHash.of(core.init(), m);
        JsonObject confirm = Wire.header("confirm", Wire.CLIENT)
                .put("session_id", sessionId)
                .put("confirmation_hash", Wire.base64(hash))
                .put("identity_proof", IdentityProof.seal(core.suite, keys, sessionId, hash, config.identity(), config.identityKey(), random))
                .put("extensions", JsonObject.EMPTY)
                .build();
        state = State.AWAIT_ACCEPTED;
        return new Step.Send(Wire.encode(confirm));
    }

    private Step onAccepted(JsonObject m, Instant now) throws SempException, JsonException {
        Wire.expect(m, "accepted", Wire.SERVER);
        if (!sessionId.equals(m.requireString("session_id"))) {
            throw new SempException(SempReason.HANDSHAKE_INVALID, "accepted names another session");
        }
        if (!ServerSignature.verify(m, serverKey)) {
            throw new SempException(SempReason.AUTH_FAILED, "accepted signature does not verify");
        }
        Duration ttl = SessionTtl.read(m, DEFAULT_SESSION_TTL, config.maxSessionTtl());
        List<String> permissions = m.optionalArray("permissions").orElse(JsonArray.EMPTY).requireStrings();
        Session session = Session.establish(Session.Kind.CLIENT, Session.Side.INITIATOR, sessionId, config.serverDomain(),
                core.suite.id(), core.handOver(), now, ttl,
                new Session.Terms(permissions, negotiated.extensions(), negotiated.maxEnvelopeSize()));
        state = State.DONE;
        return new Step.Established(session, Optional.empty());
    }

    private Optional<DomainSigningPublicKey> lookup(Optional<KeyId> keyId) {
        return config.serverKeys().find(config.serverDomain(), keyId);
    }

    private Step fail(SempReason reason, String detail, Optional<byte[]> message) {
        state = State.DONE;
        core.abandon();
        return new Step.Rejected(reason, detail, Step.Origin.LOCAL, message);
    }
}
