package sempgw.core.envelope.seal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import sempgw.core.keys.DomainSigningPublicKey;
import sempgw.core.keys.KeyId;

/**
 * The published, unrevoked signing keys of a sender domain (KEY.md §2), fetched and verified by
 * the implementation, to check a seal with (ENVELOPE.md §7.2 step 1). Its answer says what
 * happened: the keys the domain publishes (none, when it publishes none we can use: the seal
 * fails closed, {@code seal_invalid}), or that they cannot be learned now (network, timeout,
 * HTTP 5xx, DNS), which the verifier answers with the recoverable {@code server_unavailable}
 * (ERRORS.md §3, KEY.md §6.4) so the sender retries instead of dropping the envelope.
 */
@FunctionalInterface
public interface SenderDomainKeys {

    /**
     * The current signing keys of {@code domain}, for a seal naming {@code keyId} (empty when the
     * seal names none usable: every current key is tried). An implementation that caches should,
     * when {@code keyId} is not among the keys it holds, fetch them again once before answering
     * (a rotated key, KEY.md §7), at most so often per domain that a forger naming random key ids
     * cannot make it fetch for every envelope; and answer {@link Unavailable} while it may not.
     */
    Answer signingKeys(String domain, Optional<KeyId> keyId);

    /** A fixed table of keys per domain, never unavailable (tests, a statically configured peer). */
    static SenderDomainKeys of(Function<String, List<DomainSigningPublicKey>> table) {
        Objects.requireNonNull(table, "table");
        return (domain, keyId) -> new Published(table.apply(domain));
    }

    /** What is known of a sender domain's signing keys. */
    sealed interface Answer permits Published, Unavailable {
    }

    /** The keys the domain publishes now; empty when it publishes none we can use. */
    record Published(List<DomainSigningPublicKey> keys) implements Answer {
        public Published {
            keys = List.copyOf(keys);
        }
    }

    /** The domain's keys cannot be learned now; asking again later may succeed. */
    record Unavailable() implements Answer {
    }
}
