package sempgw.app.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import sempgw.agent.Verification;
import sempgw.app.mailbox.MailboxIdentity;
import sempgw.core.crypto.RandomSource;
import sempgw.core.keys.IdentityPublicKey;
import sempgw.core.keys.IdentityPrivateKey;
import sempgw.semp.egress.keys.UserKeys;
import sempgw.semp.egress.testing.MutableClock;
import sempgw.store.queue.QueueId;

final class LegacyOriginTest {
    private static final IdentityPublicKey KEY = IdentityPrivateKey.generate(RandomSource.secure()).publicKey();
    private static final String FINGERPRINT = MailboxIdentity.fingerprintOf(KEY);
    private static final QueueId ID = new QueueId("0123456789abcdef");
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final AtomicInteger lookups = new AtomicInteger();

    @Test
    void of_noSignal_legacy_nothingAsked() {
        assertThat(origin(published("bob@b.example", false)).of(ID, header("From: <bob@b.example>\r\n"))).isEqualTo(Verification.legacy());
        assertThat(lookups).hasValue(0);
    }

    @Test
    void of_signalOfTheFromAddressesPublishedKey_verifiedSempSenderOfItsDomain() {
        Verification v = origin(published("bob@b.example", false)).of(ID,
                header("From: \"Bob\" <bob@B.Example>\r\n" + signal(FINGERPRINT, "B.EXAMPLE", "bob@b.example")));

        assertThat(v).isEqualTo(Verification.legacyVerifiedSempSender("b.example"));
        assertThat(lookups).hasValue(1);
    }

    @Test
    void of_anotherFingerprint_legacy() {
        String other = MailboxIdentity.fingerprintOf(IdentityPrivateKey.generate(RandomSource.secure()).publicKey());

        assertThat(origin(published("bob@b.example", false)).of(ID, header("From: <bob@b.example>\r\n" + signal(other, "b.example", "bob@b.example"))))
                .isEqualTo(Verification.legacy());
    }

    @Test
    void of_fingerprintOfARevokedKeyOnly_legacy() {
        assertThat(origin(published("bob@b.example", true)).of(ID, header("From: <bob@b.example>\r\n" + signal(FINGERPRINT, "b.example", "bob@b.example"))))
                .isEqualTo(Verification.legacy());
    }

    @Test
    void of_recordsOfAnotherAddress_legacy() {
        assertThat(origin(published("eve@b.example", false)).of(ID, header("From: <bob@b.example>\r\n" + signal(FINGERPRINT, "b.example", "bob@b.example"))))
                .isEqualTo(Verification.legacy());
    }

    @Test
    void of_signalAddressIsNotTheFromAddress_legacy_nothingAsked() {
        LegacyOrigin origin = origin(published("bob@b.example", false));

        assertThat(origin.of(ID, header("From: <mallory@evil.example>\r\n" + signal(FINGERPRINT, "b.example", "bob@b.example"))))
                .isEqualTo(Verification.legacy());
        assertThat(origin.of(ID, header("From: <Bob@b.example>\r\n" + signal(FINGERPRINT, "b.example", "bob@b.example"))))
                .as("the local part is case-sensitive (ENVELOPE.md §2.3.1)").isEqualTo(Verification.legacy());
        assertThat(origin.of(ID, header("From: <bob@b.example>, <carol@b.example>\r\n" + signal(FINGERPRINT, "b.example", "bob@b.example"))))
                .isEqualTo(Verification.legacy());
        assertThat(origin.of(ID, header("From: <bob@b.example>\r\nFrom: <bob@b.example>\r\n" + signal(FINGERPRINT, "b.example", "bob@b.example"))))
                .isEqualTo(Verification.legacy());
        assertThat(lookups).hasValue(0);
    }

    @Test
    void of_signalAddressOutsideItsDomain_legacy_nothingAsked() {
        assertThat(origin(published("bob@b.example", false)).of(ID, header("From: <bob@b.example>\r\n" + signal(FINGERPRINT, "c.example", "bob@b.example"))))
                .isEqualTo(Verification.legacy());
        assertThat(lookups).hasValue(0);
    }

    @Test
    void of_incompleteSignal_legacy_nothingAsked() {
        assertThat(origin(published("bob@b.example", false)).of(ID, header("From: <bob@b.example>\r\nSEMP-Capability: 1\r\nSEMP-Domain: b.example\r\n"
                + "SEMP-Address: bob@b.example\r\n"))).isEqualTo(Verification.legacy());
        assertThat(lookups).hasValue(0);
    }

    @Test
    void of_lookupFails_legacy_nothingThrown() {
        LegacyOrigin origin = new LegacyOrigin(address -> {
            throw new UncheckedIOException(new IOException("connection refused"));
        }, new VerifiedSenders(10, VerifiedSenders.MAX_AGE), WAIT, clock);

        assertThat(origin.of(ID, header("From: <bob@b.example>\r\n" + signal(FINGERPRINT, "b.example", "bob@b.example"))))
                .isEqualTo(Verification.legacy());
    }

    @Test
    void of_lookupNeverAnswers_legacyAfterTheWait_lookupInterrupted() throws InterruptedException {
        CountDownLatch interrupted = new CountDownLatch(1);
        LegacyOrigin origin = new LegacyOrigin(address -> {
            try {
                Thread.sleep(Duration.ofMinutes(5));
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return published("bob@b.example", false).lookup(address);
        }, new VerifiedSenders(10, VerifiedSenders.MAX_AGE), Duration.ofMillis(200), clock);
        long start = System.nanoTime();

        Verification v = origin.of(ID, header("From: <bob@b.example>\r\n" + signal(FINGERPRINT, "b.example", "bob@b.example")));

        assertThat(v).isEqualTo(Verification.legacy());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void of_verifiedBefore_answeredWithoutAsking_untilTheReverifyAge() {
        LegacyOrigin origin = origin(published("bob@b.example", false));
        HeaderSection h = header("From: <bob@b.example>\r\n" + signal(FINGERPRINT, "b.example", "bob@b.example"));
        origin.of(ID, h);

        clock.advance(VerifiedSenders.MAX_AGE.minusSeconds(1));
        assertThat(origin.of(ID, h)).isEqualTo(Verification.legacyVerifiedSempSender("b.example"));
        assertThat(lookups).hasValue(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(origin.of(ID, h)).isEqualTo(Verification.legacyVerifiedSempSender("b.example"));
        assertThat(lookups).hasValue(2);
    }

    @Test
    void of_verifiedBefore_anotherFingerprint_askedAgain() {
        LegacyOrigin origin = origin(published("bob@b.example", false));
        origin.of(ID, header("From: <bob@b.example>\r\n" + signal(FINGERPRINT, "b.example", "bob@b.example")));
        String other = MailboxIdentity.fingerprintOf(IdentityPrivateKey.generate(RandomSource.secure()).publicKey());

        assertThat(origin.of(ID, header("From: <bob@b.example>\r\n" + signal(other, "b.example", "bob@b.example")))).isEqualTo(Verification.legacy());
        assertThat(lookups).hasValue(2);
    }

    @Test
    void of_failedBefore_legacyWithoutAskingForAnHour_thenAskedAgain() {
        LegacyOrigin origin = origin(published("bob@b.example", false));
        String other = MailboxIdentity.fingerprintOf(IdentityPrivateKey.generate(RandomSource.secure()).publicKey());
        HeaderSection forged = header("From: <bob@b.example>\r\n" + signal(other, "b.example", "bob@b.example"));
        origin.of(ID, forged);

        clock.advance(VerifiedSenders.REFUTED_FOR.minusSeconds(1));
        assertThat(origin.of(ID, forged)).isEqualTo(Verification.legacy());
        assertThat(lookups).hasValue(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(origin.of(ID, forged)).isEqualTo(Verification.legacy());
        assertThat(lookups).hasValue(2);
    }

    private LegacyOrigin origin(LegacyOrigin.SenderKeys keys) {
        return new LegacyOrigin(keys, new VerifiedSenders(10, VerifiedSenders.MAX_AGE), WAIT, clock);
    }

    /** Every lookup answers {@link #KEY} as {@code owner}'s identity key. */
    private LegacyOrigin.SenderKeys published(String owner, boolean revoked) {
        return address -> {
            lookups.incrementAndGet();
            Instant now = clock.instant();
            return new UserKeys(owner, List.of(), List.of(new UserKeys.IdentityKey(KEY, revoked)), now, now.plus(Duration.ofHours(1)));
        };
    }

    private static String signal(String identity, String domain, String address) {
        return "SEMP-Capability: 1\r\nSEMP-Identity: " + identity + "\r\nSEMP-Domain: " + domain + "\r\nSEMP-Address: " + address + "\r\n";
    }

    private static HeaderSection header(String fields) {
        try {
            return HeaderSection.read(new ByteArrayInputStream((fields + "Subject: s\r\n\r\nbody\r\n").getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
