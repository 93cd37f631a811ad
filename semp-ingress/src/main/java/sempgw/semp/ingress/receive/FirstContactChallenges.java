package sempgw.semp.ingress.receive;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import sempgw.core.SempTimestamps;
import sempgw.core.StrictBase64;
import sempgw.core.crypto.Digests;
import sempgw.core.crypto.ProofOfWork;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SignatureContext;
import sempgw.core.envelope.Ulid;
import sempgw.core.json.CanonicalJson;
import sempgw.core.json.Elision;
import sempgw.core.json.JsonException;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonString;
import sempgw.core.keys.DomainSigningPrivateKey;

/**
 * First-contact {@code proof_of_work} challenges (HANDSHAKE.md §2.2a.3) and the check of
 * {@code seal.first_contact_token} (§2.2a.4). Issued challenges are kept until their
 * {@code expires} (CONFORMANCE.md §4.13), at most {@code capacity} of them, oldest evicted first;
 * an evicted or consumed challenge no longer verifies (fail closed). Thread-safe.
 *
 * <p>The challenge carries the in-handshake challenge's fields ({@code challenge_id},
 * {@code challenge_type}, {@code parameters}, {@code expires}, {@code server_signature} over
 * {@code "SEMP-HANDSHAKE:" || canonical(challenge)}) and the solution hash is the handshake's
 * {@link ProofOfWork#hash} (VECTORS.md §4), so a sender verifies and solves it with its handshake
 * code. §2.2a.4 item 3 writes the check as {@code H(prefix || nonce)}, but §2.2a.3 says the
 * challenge is "identical to the in-handshake proof_of_work challenge"; we follow §2.2a.3, the
 * form a sender can compute without a second solver. The token's {@code issued_by} is not
 * checked: the {@code challenge_id} lookup already proves we issued it.
 */
final class FirstContactChallenges {
    private static final Elision UNSIGNED = Elision.builder().blank("server_signature").build();
    private static final byte[] TAG = "SEMP-FIRST-CONTACT-V1:".getBytes(StandardCharsets.US_ASCII);
    private static final int RANDOM_BYTES = 16;

    private final Map<String, Issued> issued = new LinkedHashMap<>();
    private final int capacity;

    FirstContactChallenges(int capacity) {
        this.capacity = capacity;
    }

    /**
     * A fresh signed challenge bound to (sender domain, recipient, postmark id): prefix =
     * {@code random(16) || SHA-256("SEMP-FIRST-CONTACT-V1:" || domain || 0x00 || recipient || 0x00 || id)}
     * (HANDSHAKE.md §2.2a.3). The same work for every recipient, existing or not (DELIVERY.md §6.4.3).
     */
    JsonObject issue(String senderDomain, String recipient, String postmarkId, FirstContactEnforcement policy,
                     DomainSigningPrivateKey key, RandomSource random, Instant now) {
        byte[] prefix = new byte[RANDOM_BYTES + 32];
        System.arraycopy(random.bytes(RANDOM_BYTES), 0, prefix, 0, RANDOM_BYTES);
        byte[] nul = {0};
        byte[] binding = Digests.sha256(TAG, utf8(senderDomain), nul, utf8(recipient), nul, utf8(postmarkId));
        System.arraycopy(binding, 0, prefix, RANDOM_BYTES, binding.length);
        String id = Ulid.next(now, random);
        Instant expires = now.plus(policy.challengeLifetime());
        JsonObject unsigned = JsonObject.builder()
                .put("challenge_id", id)
                .put("challenge_type", "proof_of_work")
                .put("parameters", JsonObject.builder().put("algorithm", "sha256")
                        .put("prefix", Base64.getEncoder().encodeToString(prefix)).put("difficulty", policy.difficulty()).build())
                .put("expires", SempTimestamps.format(expires))
                .put("server_signature", "")
                .build();
        byte[] signature = key.sign(SignatureContext.HANDSHAKE, CanonicalJson.encode(unsigned, UNSIGNED));
        remember(id, new Issued(prefix, policy.difficulty(), expires, senderDomain, recipient, postmarkId), now);
        return unsigned.with("server_signature", JsonString.of(Base64.getEncoder().encodeToString(signature)));
    }

    /**
     * The recipient a token satisfies first contact for, when it verifies per HANDSHAKE.md §2.2a.4:
     * an issued, unexpired, unconsumed {@code challenge_id}; the recorded prefix and difficulty;
     * enough leading zero bits; bound to this {@code postmark.id} and sender domain. Does not
     * consume: {@link #consume} does, once the envelope is stored.
     */
    synchronized Optional<String> satisfiedRecipient(JsonObject token, String senderDomain, String postmarkId, Instant now) {
        try {
            Issued c = issued.get(token.requireString("challenge_id"));
            if (c == null || !now.isBefore(c.expires) || !c.senderDomain.equals(senderDomain) || !c.postmarkId.equals(postmarkId)
                    || !postmarkId.equals(token.requireString("postmark_id")) || !"sha256".equals(token.requireString("algorithm"))
                    || token.requireLong("difficulty") != c.difficulty
                    || !MessageDigest.isEqual(StrictBase64.decode(token.requireString("prefix")), c.prefix)) {
                return Optional.empty();
            }
            byte[] nonce = StrictBase64.decode(token.requireString("nonce"));
            boolean solved = nonce.length <= 1024
                    && ProofOfWork.leadingZeroBits(ProofOfWork.hash(c.prefix, token.requireString("challenge_id"), nonce)) >= c.difficulty;
            return solved ? Optional.of(c.recipient) : Optional.empty();
        } catch (JsonException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Marks the token's challenge used (HANDSHAKE.md §2.2a.4 item 5); false when it already was. */
    synchronized boolean consume(JsonObject token) {
        return token.getOrNull("challenge_id") instanceof JsonString(String id) && issued.remove(id) != null;
    }

    private synchronized void remember(String id, Issued challenge, Instant now) {
        Iterator<Issued> oldest = issued.values().iterator();
        while (oldest.hasNext()) {
            Issued next = oldest.next();
            if (issued.size() < capacity && now.isBefore(next.expires)) {
                break;
            }
            oldest.remove();
        }
        issued.put(id, challenge);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private record Issued(byte[] prefix, int difficulty, Instant expires, String senderDomain, String recipient, String postmarkId) {
    }
}
