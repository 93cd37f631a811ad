package sempgw.app.mailbox;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sempgw.core.SempTimestamps;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonString;
import sempgw.core.keys.RevocationReason;
import sempgw.semp.ingress.documents.InMemoryUserKeyDirectory;
import sempgw.semp.ingress.documents.PublishedKey;

/**
 * Makes the user key directory (what the key documents serve, KEY.md §3) agree with one mailbox,
 * idempotently: run after every change and for every mailbox at start, so a crash between
 * writing the mailbox file and journaling its publications is repaired on the next start.
 * <ol>
 *   <li>A current key not yet published is published, signed now by the domain key (KEY.md §5.1).</li>
 *   <li>A retired or revoked key published without revocation is revoked with its reason and
 *       replacement (KEY.md §7.2 step 3, §8.1).</li>
 *   <li>A published, unrevoked key of the address that the mailbox does not know (made by an
 *       interrupted change whose file was never written) is revoked, {@code cessation_of_operation}.</li>
 *   <li>A current key the directory has revoked stays revoked: revocations are never lifted
 *       (KEY.md §8.4), so the mailbox drops it and needs {@code mailbox rotate}.</li>
 * </ol>
 * Revocations stay in the directory forever (KEY.md §8.4); nothing here removes a record.
 */
final class DirectorySync {
    private static final Logger LOG = LoggerFactory.getLogger(DirectorySync.class);

    private DirectorySync() {
    }

    /** Applies {@code m} to {@code directory}; returns {@code m}, or {@code m} with the keys the directory revoked revoked (step 4). */
    static Mailbox apply(Mailbox m, InMemoryUserKeyDirectory directory, Instant now) throws IOException {
        Map<String, PublishedKey> published = directory.keys(m.address()).stream()
                .collect(Collectors.toMap(PublishedKey::keyId, Function.identity(), (a, b) -> a));
        if (!m.removing()) {
            directory.provision(m.address());
        }
        Mailbox out = m;
        for (MailboxKey k : m.keys()) {
            PublishedKey p = published.get(k.keyId());
            switch (k.state()) {
                case KeyState.Current c when p == null ->
                        directory.publish(m.address(), k.type(), k.algorithm(), k.publicKey(), k.created(), k.expires(), now);
                case KeyState.Current c when p.revoked() -> {
                    LOG.error("mailbox {}: its current {} key {} is revoked in the user key directory; dropping it, run: semp-gateway mailbox rotate {}",
                            m.address(), k.type().wireName(), k.keyId(), m.address());
                    out = out.revoked(k.keyId(), reason(p), revokedAt(p, now));
                }
                case KeyState.Current c -> { }
                case KeyState.Retired r when p != null && !p.revoked() ->
                        directory.revoke(m.address(), k.keyId(), RevocationReason.SUPERSEDED, r.at(), Optional.of(r.replacementKeyId()));
                case KeyState.Revoked r when p != null && !p.revoked() ->
                        directory.revoke(m.address(), k.keyId(), r.reason(), r.at(), r.replacementKeyId());
                case KeyState.Retired r -> { }
                case KeyState.Revoked r -> { }
            }
            published.remove(k.keyId());
        }
        for (PublishedKey orphan : published.values()) {
            if (!orphan.revoked()) {
                directory.revoke(m.address(), orphan.keyId(), RevocationReason.CESSATION_OF_OPERATION, now, Optional.empty());
            }
        }
        return out;
    }

    private static RevocationReason reason(PublishedKey p) {
        return revocation(p).flatMap(r -> r.getOrNull("reason") instanceof JsonString s ? RevocationReason.parse(s.value()) : Optional.empty())
                .orElse(RevocationReason.KEY_COMPROMISE);
    }

    private static Instant revokedAt(PublishedKey p, Instant now) {
        return revocation(p).flatMap(r -> r.getOrNull("revoked_at") instanceof JsonString s ? SempTimestamps.parse(s.value()) : Optional.empty())
                .orElse(now);
    }

    private static Optional<JsonObject> revocation(PublishedKey p) {
        return p.record().getOrNull("revocation") instanceof JsonObject r ? Optional.of(r) : Optional.empty();
    }
}
