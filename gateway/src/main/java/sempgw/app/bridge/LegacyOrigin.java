package sempgw.app.bridge;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sempgw.agent.Verification;
import sempgw.agent.mime.AddressParser;
import sempgw.agent.mime.Mailbox;
import sempgw.app.mailbox.MailboxIdentity;
import sempgw.core.envelope.InvalidAddressException;
import sempgw.core.envelope.SempAddress;
import sempgw.semp.egress.keys.KeyLookupException;
import sempgw.semp.egress.keys.UserKeys;
import sempgw.store.queue.QueueId;

/**
 * The origin indicator (CLIENT.md §4.3.3, GATEWAY.md §6) of a message for the mailbox host that
 * did not come by SEMP: {@code legacy}, or {@code legacy-verified-semp-sender} with the sender's
 * SEMP domain when the message's upgrade signal (CLIENT.md §6.4.3) passes every step; a mismatch
 * or a failure at any step gives plain {@code legacy} (§4.3.1: "A mismatch at any step MUST cause
 * the client to discard the upgrade hint"):
 * <ol>
 *   <li>the four fields, once each, {@code SEMP-Capability: 1} ({@link UpgradeSignal#read});</li>
 *   <li>{@code SEMP-Address} is in {@code SEMP-Domain} and is the one mailbox of the one
 *   {@code From} field, compared canonical (ENVELOPE.md §2.3): the indicator speaks of the sender
 *   the user sees;</li>
 *   <li>verified before, less than {@link VerifiedSenders#MAX_AGE} ago: verified, nothing asked;
 *   failed less than {@link VerifiedSenders#REFUTED_FOR} ago: {@code legacy}, nothing asked;</li>
 *   <li>discovery of {@code SEMP-Domain} and the identity key records of {@code SEMP-Address}
 *   from the server found ({@link SenderKeys}; §4.3.1 steps 1 and 2);</li>
 *   <li>the records are {@code SEMP-Address}'s (step 4) and one of its identity keys, not
 *   revoked, has the fingerprint {@code SEMP-Identity} (step 3); the result is remembered.</li>
 * </ol>
 * Steps 4 and 5 run on a virtual thread of their own and are given up after {@code wait}: DNS or
 * HTTPS trouble never fails a delivery nor holds it longer than that, and nothing is thrown.
 *
 * <p>Verified means that the {@code From} address publishes that SEMP identity, so a reply can go
 * by SEMP (§4.3.2). The signal itself is unauthenticated at the SMTP layer (§6.4.3): anyone can
 * copy it, so it says nothing about who wrote the message, and {@code seal} and
 * {@code sender-signature} stay {@code none}. Logs name the queue id and the claimed domain, never
 * an address.
 */
final class LegacyOrigin {
    /** The longest wait for steps 4 and 5: the DNS timeout of discovery and the connect timeout of the user keys client. */
    static final Duration WAIT = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(LegacyOrigin.class);

    /** The published keys of one address: discovery of its domain and one key fetch ({@code UserKeysClient}). */
    @FunctionalInterface
    interface SenderKeys {
        UserKeys lookup(String address) throws KeyLookupException;
    }

    private final SenderKeys keys;
    private final VerifiedSenders verified;
    private final Duration wait;
    private final Clock clock;

    LegacyOrigin(SenderKeys keys, VerifiedSenders verified, Duration wait, Clock clock) {
        this.keys = keys;
        this.verified = verified;
        this.wait = wait;
        this.clock = clock;
    }

    /** The indicator for the message whose header section is {@code header}; blocks at most {@code wait}. */
    Verification of(QueueId id, HeaderSection header) {
        try {
            Optional<VerifiedSenders.Key> claimed = UpgradeSignal.read(header).flatMap(c -> claimed(c, header));
            if (claimed.isEmpty()) {
                return Verification.legacy();
            }
            VerifiedSenders.Key key = claimed.get();
            String domain = key.address().substring(key.address().lastIndexOf('@') + 1);
            Instant now = clock.instant();
            if (verified.fresh(key, now)) {
                return Verification.legacyVerifiedSempSender(domain);
            }
            if (verified.refutedRecently(key, now)) {
                return Verification.legacy();
            }
            if (verifiedNow(id, key, domain)) {
                return Verification.legacyVerifiedSempSender(domain);
            }
            verified.refute(key, now);
        } catch (RuntimeException e) {
            LOG.warn("{}: upgrade signal not checked: {}", id, e.toString());
        }
        return Verification.legacy();
    }

    /** Steps 1 and 2 passed: what to verify, canonical. */
    private static Optional<VerifiedSenders.Key> claimed(UpgradeSignal.Claim claim, HeaderSection header) {
        List<String> from = header.values("From");
        List<Mailbox> authors = from.size() == 1 ? AddressParser.parse(from.getFirst()) : List.of();
        if (authors.size() != 1) {
            return Optional.empty();
        }
        try {
            SempAddress address = SempAddress.canonicalize(claim.address());
            SempAddress author = SempAddress.canonicalize(authors.getFirst().address());
            if (!address.domain().equals(SempAddress.canonicalDomain(claim.domain())) || !address.equals(author)) {
                return Optional.empty();
            }
            return Optional.of(new VerifiedSenders.Key(author.toString(), address.toString(), claim.identity()));
        } catch (InvalidAddressException e) {
            return Optional.empty();
        }
    }

    /** Steps 4 and 5 within {@code wait}; a pass is remembered. */
    private boolean verifiedNow(QueueId id, VerifiedSenders.Key key, String domain) {
        FutureTask<Boolean> task = new FutureTask<>(() -> published(key));
        Thread.ofVirtual().name("upgrade-signal-" + id).start(task);
        try {
            if (task.get(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                verified.put(key, clock.instant());
                return true;
            }
            LOG.info("{}: upgrade signal of {} does not match the published identity key: origin legacy", id, domain);
        } catch (TimeoutException e) {
            LOG.info("{}: upgrade signal of {} not verified within {} ms: origin legacy", id, domain, wait.toMillis());
        } catch (ExecutionException e) {
            LOG.info("{}: upgrade signal of {} not verified: {}: origin legacy", id, domain,
                    e.getCause() instanceof KeyLookupException k ? k.error() + ", " + k.getMessage() : e.getCause().getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            task.cancel(true);
        }
        return false;
    }

    /** CLIENT.md §4.3.1 steps 1 to 4 for {@code key}. */
    private boolean published(VerifiedSenders.Key key) throws KeyLookupException {
        UserKeys published = keys.lookup(key.address());
        return published.address().equals(key.address()) && published.identity().stream().filter(k -> !k.revoked())
                .anyMatch(k -> MailboxIdentity.fingerprintOf(k.key()).equals(key.fingerprint()));
    }
}
