package sempgw.smtp.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import sempgw.smtp.ingress.protocol.SmtpReply;
import sempgw.store.queue.Recipient;

/** The {@link AfterCommit} hook decides the final DATA reply, over real SMTP sessions. */
final class AfterCommitDialogueTest {
    private static final SmtpReply REFUSED = SmtpReply.of(554, "5.7.1", "Refused by every SEMP recipient");

    @RegisterExtension
    final IngressLog log = new IngressLog();

    private List<ILoggingEvent> logged(String fragment) {
        return log.events().stream().filter(e -> e.getFormattedMessage().contains(fragment)).toList();
    }

    /** MAIL, RCPT (each address), DATA and the content; returns the final reply. */
    static String transaction(SmtpClient c, String from, String content, String... to) throws IOException {
        c.send("MAIL FROM:<" + from + ">");
        c.expect("250");
        for (String rcpt : to) {
            c.send("RCPT TO:<" + rcpt + ">");
            c.expect("250");
        }
        c.send("DATA");
        c.expect("354");
        c.sendRaw(content + ".\r\n");
        return c.reply();
    }

    @Test
    void hookReplies250WithItsOwnText_clientGetsItAndTheHookSawTheTransaction() throws Exception {
        AtomicReference<AfterCommit.Committed> seen = new AtomicReference<>();
        AfterCommit hook = m -> {
            seen.set(m);
            return SmtpReply.of(250, "2.0.0", "Ok: delivered by SEMP as " + m.id());
        };
        try (TestIngress gw = TestIngress.start(b -> b.afterCommit(hook)); SmtpClient c = gw.client()) {
            c.ehlo();
            String reply = transaction(c, "s@org.example", "Subject: x\r\n\r\nhi\r\n", "a@remote.example", "b@remote.example",
                    "a@remote.example");

            FakeMessageQueue.Committed queued = gw.queue.only();
            assertThat(reply).isEqualTo("250 2.0.0 Ok: delivered by SEMP as " + queued.id());
            assertThat(seen.get().id()).isEqualTo(queued.id());
            assertThat(seen.get().sender()).isEqualTo(queued.sender());
            assertThat(seen.get().recipients()).extracting(Recipient::address).containsExactly("a@remote.example", "b@remote.example");
            assertThat(logged("queued")).singleElement().satisfies(e -> assertThat(e.getFormattedMessage()).doesNotContain("reply="));
        }
    }

    @Test
    void hookReplies5xx_clientGetsItTheLogSaysSoAndTheSessionGoesOn() throws Exception {
        try (TestIngress gw = TestIngress.start(b -> b.afterCommit(m -> REFUSED)); SmtpClient c = gw.client()) {
            c.ehlo();

            assertThat(transaction(c, "s@org.example", "\r\nbody\r\n", "a@remote.example")).isEqualTo(REFUSED.line());
            c.send("NOOP");
            c.expect("250 2.0.0");
            assertThat(transaction(c, "t@org.example", "\r\nagain\r\n", "b@remote.example")).isEqualTo(REFUSED.line());

            assertThat(gw.queue.committed()).hasSize(2);
            assertThat(logged(": queued trace=")).hasSize(2).allSatisfy(e -> assertThat(e.getFormattedMessage())
                    .endsWith(" nrcpt=1 reply=554 dsn=5.7.1"));
        }
    }

    @Test
    void hookReplies4xx_clientGetsIt() throws Exception {
        SmtpReply later = SmtpReply.of(451, "4.4.1", "SEMP peer unreachable, try again");
        try (TestIngress gw = TestIngress.start(b -> b.afterCommit(m -> later)); SmtpClient c = gw.client()) {
            c.ehlo();

            assertThat(transaction(c, "s@org.example", "\r\nbody\r\n", "a@remote.example")).isEqualTo(later.line());
            assertThat(logged("queued")).singleElement().satisfies(e -> assertThat(e.getFormattedMessage()).endsWith("reply=451 dsn=4.4.1"));
        }
    }

    @Test
    void hookThrows_clientGetsTheQueued250AndAWarningIsLogged() throws Exception {
        AfterCommit hook = m -> {
            throw new IllegalStateException("policy store down");
        };
        try (TestIngress gw = TestIngress.start(b -> b.afterCommit(hook)); SmtpClient c = gw.client()) {
            c.ehlo();

            String reply = transaction(c, "s@org.example", "\r\nbody\r\n", "a@remote.example");

            assertThat(reply).isEqualTo("250 2.0.0 Ok: queued as " + gw.queue.only().id());
            assertThat(logged("after-commit hook failed")).singleElement().satisfies(e -> {
                assertThat(e.getLevel()).isEqualTo(Level.WARN);
                assertThat(e.getFormattedMessage()).startsWith(gw.queue.only().id() + ": ").contains("policy store down");
            });
        }
    }

    @Test
    void hookReturnsUnacceptableReplies_clientGetsTheQueued250AndAnErrorIsLogged() throws Exception {
        AtomicReference<SmtpReply> next = new AtomicReference<>();
        try (TestIngress gw = TestIngress.start(b -> b.afterCommit(m -> next.get())); SmtpClient c = gw.client()) {
            c.ehlo();
            List<SmtpReply> unacceptable = AfterCommitTest.unacceptableReplies().toList();
            for (SmtpReply reply : unacceptable) {
                next.set(reply);
                String got = transaction(c, "s@org.example", "\r\nbody\r\n", "a@remote.example");
                List<FakeMessageQueue.Committed> queued = gw.queue.committed();
                assertThat(got).as("for %s", reply).isEqualTo("250 2.0.0 Ok: queued as " + queued.getLast().id());
            }

            assertThat(logged("unacceptable reply")).hasSize(unacceptable.size()).allSatisfy(e -> assertThat(e.getLevel()).isEqualTo(Level.ERROR));
        }
    }

    @Test
    void hookReplies421_clientGetsItAndTheConnectionCloses() throws Exception {
        SmtpReply closing = SmtpReply.of(421, "4.3.2", "Service shutting down");
        try (TestIngress gw = TestIngress.start(b -> b.afterCommit(m -> closing)); SmtpClient c = gw.client()) {
            c.ehlo();

            assertThat(transaction(c, "s@org.example", "\r\nbody\r\n", "a@remote.example")).isEqualTo(closing.line());
            assertThat(c.closedByServer()).isTrue();
            assertThat(gw.queue.committed()).hasSize(1);
        }
    }

    @Test
    void pipelinedCommandsAfterTheData_waitForTheHooksReplyAndKeepTheirOrder() throws Exception {
        AfterCommit slow = m -> {
            Thread.sleep(300);
            return m.sender().reversePath().startsWith("s@") ? REFUSED : m.queued();
        };
        try (TestIngress gw = TestIngress.start(b -> b.afterCommit(slow)); SmtpClient c = gw.client()) {
            c.sendRaw("EHLO client.example\r\nMAIL FROM:<s@org.example>\r\nRCPT TO:<a@remote.example>\r\nDATA\r\n");
            c.expect("250-");
            c.expect("250 2.1.0");
            c.expect("250 2.1.5");
            c.expect("354");
            c.sendRaw("one\r\n.\r\nMAIL FROM:<t@org.example>\r\nRCPT TO:<b@remote.example>\r\nDATA\r\n");
            c.expect(REFUSED.line());
            c.expect("250 2.1.0");
            c.expect("250 2.1.5");
            c.expect("354");
            c.sendRaw("two\r\n.\r\nQUIT\r\n");
            String second = c.reply();
            c.expect("221 2.0.0");

            assertThat(gw.queue.committed()).hasSize(2);
            assertThat(second).isEqualTo("250 2.0.0 Ok: queued as " + gw.queue.committed().get(1).id());
        }
    }

    @Test
    void hookWaiting_holdsNoOtherSession() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AfterCommit hook = m -> {
            if (m.sender().reversePath().equals("slow@org.example")) {
                entered.countDown();
                release.await(10, TimeUnit.SECONDS);
            }
            return m.queued();
        };
        try (TestIngress gw = TestIngress.start(b -> b.afterCommit(hook)); SmtpClient slow = gw.client(); SmtpClient fast = gw.client()) {
            slow.ehlo();
            fast.ehlo();
            CompletableFuture<String> slowReply = CompletableFuture.supplyAsync(() -> {
                try {
                    return transaction(slow, "slow@org.example", "\r\nslow\r\n", "a@remote.example");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

            assertThat(transaction(fast, "fast@org.example", "\r\nfast\r\n", "b@remote.example")).startsWith("250 2.0.0 Ok: queued as");
            assertThat(slowReply).isNotDone();
            release.countDown();
            assertThat(slowReply.get(5, TimeUnit.SECONDS)).startsWith("250 2.0.0 Ok: queued as");
        }
    }

    @Test
    void hookWaitingLongerThanTheCommandTimeout_doesNotTimeTheClientOut() throws Exception {
        AfterCommit slow = m -> {
            Thread.sleep(1_500);
            return m.queued();
        };
        try (TestIngress gw = TestIngress.start(b -> b.afterCommit(slow).timeouts(Duration.ofSeconds(1), Duration.ofSeconds(10)));
                SmtpClient c = gw.client()) {
            c.ehlo();

            assertThat(transaction(c, "s@org.example", "\r\nbody\r\n", "a@remote.example")).startsWith("250 2.0.0 Ok: queued as");
            c.send("NOOP");
            c.expect("250 2.0.0 Ok");
        }
    }

    @Test
    void stopWhileTheHookWaits_interruptsItAndSendsTheQueuedReplyBeforeTheShutdownNotice() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        AfterCommit hook = m -> {
            entered.countDown();
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                interrupted.set(true);
                throw e;
            }
            return REFUSED;
        };
        TestIngress gw = TestIngress.start(b -> b.afterCommit(hook));
        try (SmtpClient c = gw.client()) {
            c.ehlo();
            c.send("MAIL FROM:<s@org.example>");
            c.expect("250");
            c.send("RCPT TO:<a@remote.example>");
            c.expect("250");
            c.send("DATA");
            c.expect("354");
            c.sendRaw("\r\nbody\r\n.\r\n");
            assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

            long start = System.nanoTime();
            CompletableFuture<Void> stopped = CompletableFuture.runAsync(() -> gw.ingress.stop());
            c.expect("250 2.0.0 Ok: queued as " + gw.queue.only().id());
            c.expect("421 4.3.2");
            stopped.get(10, TimeUnit.SECONDS);

            assertThat(interrupted).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        } finally {
            gw.close();
        }
    }

    @Test
    void stopWhileTheHookWaits_aHookThatAnswersOnInterruptIsHeard() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        AfterCommit hook = m -> {
            entered.countDown();
            try {
                Thread.sleep(30_000);
                return m.queued();
            } catch (InterruptedException e) {
                return REFUSED;
            }
        };
        TestIngress gw = TestIngress.start(b -> b.afterCommit(hook));
        try (SmtpClient c = gw.client()) {
            c.ehlo();
            CompletableFuture<String> reply = CompletableFuture.supplyAsync(() -> {
                try {
                    return transaction(c, "s@org.example", "\r\nbody\r\n", "a@remote.example");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
            await().atMost(Duration.ofSeconds(5)).until(() -> gw.queue.committed().size() == 1);

            gw.ingress.stop();

            assertThat(reply.get(5, TimeUnit.SECONDS)).isEqualTo(REFUSED.line());
            c.expect("421 4.3.2");
        } finally {
            gw.close();
        }
    }
}
