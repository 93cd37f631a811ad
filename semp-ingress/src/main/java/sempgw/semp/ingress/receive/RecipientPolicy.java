package sempgw.semp.ingress.receive;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import sempgw.core.crypto.RandomSource;
import sempgw.core.envelope.Envelope;
import sempgw.core.envelope.brief.Brief;
import sempgw.core.json.JsonObject;

/**
 * The user-level steps of DELIVERY.md §3, after the brief is open, in order:
 *
 * <ol>
 *   <li>Local recipients: the brief's recipients in {@code postmark.to_domain}; none, or one that
 *   does not exist -> refuse ({@code policy_forbidden}, the code of every refusal: no existence
 *   oracle, DESIGN.md §2.7).</li>
 *   <li>User block list (DELIVERY.md §5, §6.2) -> refuse, or silent for a {@code silent} entry.</li>
 *   <li>First contact (DELIVERY.md §6.4): in {@code challenge} mode a sender domain that is not a
 *   known correspondent needs a valid {@code seal.first_contact_token} for that recipient ->
 *   refuse with a fresh challenge. Nonexistent recipients get the same challenge on the same code
 *   path (§6.4.3).</li>
 *   <li>Rate limit (DELIVERY.md §6.5): non-known traffic counts against the sender domain; while
 *   it is throttled, that traffic and every refusal become silent.</li>
 * </ol>
 * The acknowledgment is per envelope (DELIVERY.md §1), so it is delivered only when every local
 * recipient takes it; otherwise the first refusing recipient decides. Thread-safe.
 */
final class RecipientPolicy {
    /** Outstanding first-contact challenges kept at most. */
    static final int MAX_CHALLENGES = 100_000;
    /** Sender domains the rate limiter tracks at most. */
    static final int MAX_DOMAINS = 100_000;

    private final FirstContactEnforcement firstContact;
    private final LocalUsers users;
    private final FirstContactChallenges challenges;
    private final SenderRateLimiter limiter;

    RecipientPolicy(ReceiveConfig config, LocalUsers users) {
        this.firstContact = config.firstContact();
        this.users = Objects.requireNonNull(users, "users");
        this.challenges = new FirstContactChallenges(MAX_CHALLENGES);
        this.limiter = new SenderRateLimiter(config.rateLimit(), MAX_DOMAINS);
    }

    /** What the policy decided. */
    sealed interface Decision {
        /** Deliver to {@code recipients}; {@code token} is the first-contact token to consume. */
        record Deliver(List<String> recipients, Optional<JsonObject> token, Optional<String> tokenRecipient) implements Decision {
        }

        /** Answer {@code policy_forbidden}, with a challenge in {@code challenge} mode. */
        record Refuse(Optional<JsonObject> challenge, String why) implements Decision {
        }

        /** Answer nothing. */
        record Silence(String why) implements Decision {
        }
    }

    Decision decide(Envelope e, Brief brief, ServerKeys keys, RandomSource random, Instant now) {
        String domain = e.postmark().fromDomain();
        String id = e.postmark().id();
        List<String> locals = RecipientFacts.localRecipients(brief, e.postmark().toDomain());
        Optional<JsonObject> token = e.seal().firstContactToken();
        Optional<String> tokenRecipient = token.flatMap(t -> challenges.satisfiedRecipient(t, domain, id, now));
        List<RecipientFacts> facts = RecipientFacts.gather(locals, users, brief.from(), domain, tokenRecipient);
        boolean counted = locals.isEmpty() || facts.stream().anyMatch(RecipientFacts::firstContact);
        boolean throttled = limiter.throttled(domain, counted, now);
        if (locals.isEmpty()) {
            return throttled ? new Decision.Silence("sender domain throttled") : new Decision.Refuse(Optional.empty(), "no local recipient");
        }
        Optional<RecipientFacts> refusing = facts.stream().filter(f -> f.refuses(firstContact.mode())).findFirst();
        if (refusing.isPresent()) {
            if (facts.stream().anyMatch(f -> f.block().orElse(null) == UserBlockList.Action.SILENT)) {
                return new Decision.Silence("silent block entry");
            }
            if (throttled) {
                return new Decision.Silence("sender domain throttled");
            }
            Optional<JsonObject> challenge = firstContact.mode() == FirstContactEnforcement.Mode.CHALLENGE
                    ? Optional.of(challenges.issue(domain, refusing.get().address(), id, firstContact, keys.signingKey(), random, now))
                    : Optional.empty();
            return new Decision.Refuse(challenge, why(refusing.get()));
        }
        if (throttled && counted) {
            return new Decision.Silence("sender domain throttled");
        }
        return new Decision.Deliver(locals, token, tokenRecipient);
    }

    /** Marks a delivered envelope's token used and its sender known (DELIVERY.md §6.4.4). */
    void delivered(Decision.Deliver d, String senderDomain) {
        if (d.token().isPresent() && d.tokenRecipient().isPresent() && challenges.consume(d.token().get())) {
            users.knownCorrespondents().remember(d.tokenRecipient().get(), senderDomain);
        }
    }

    private static String why(RecipientFacts f) {
        return !f.exists() ? "no such mailbox" : f.block().isPresent() ? "user block entry" : "first contact without a valid token";
    }
}
