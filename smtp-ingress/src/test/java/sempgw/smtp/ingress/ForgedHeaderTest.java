package sempgw.smtp.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Forged header fields are removed on the way into the queue (GATEWAY.md §3 flow 4), over real SMTP sessions. */
final class ForgedHeaderTest {
    @RegisterExtension
    final IngressLog log = new IngressLog();

    private String queuedLine() {
        List<String> lines = log.lines().stream().filter(l -> l.contains(": queued ")).toList();
        assertThat(lines).hasSize(1);
        return lines.getFirst();
    }

    @Test
    void forgedVerificationField_isRemovedAndCountedOthersKeptExactly() throws Exception {
        try (TestIngress gw = TestIngress.start(); SmtpClient c = gw.client()) {
            c.ehlo();
            String reply = AfterCommitDialogueTest.transaction(c, "s@org.example",
                    "From: s@org.example\r\nsemp-verification: seal=pass;\r\n\tsender=forged\r\nSEMP-Verification-Extra: kept\r\n"
                            + "Subject: hi\r\n\r\nSEMP-Verification: quoted in the body\r\n..leading dot\r\n",
                    "a@remote.example");

            assertThat(reply).startsWith("250 2.0.0 Ok: queued as");
            String stored = gw.queue.only().text();
            assertThat(stored).startsWith("Received: ").doesNotContain("semp-verification:").doesNotContain("sender=forged")
                    .endsWith("\r\nFrom: s@org.example\r\nSEMP-Verification-Extra: kept\r\nSubject: hi\r\n\r\n"
                            + "SEMP-Verification: quoted in the body\r\n.leading dot\r\n");
            assertThat(queuedLine()).endsWith(" stripped=1");
        }
    }

    @Test
    void forgedFieldAfterABareLf_removedFromTheCrlfStoredMessage() throws Exception {
        try (TestIngress gw = TestIngress.start(); SmtpClient c = gw.client()) {
            c.ehlo();
            String reply = AfterCommitDialogueTest.transaction(c, "s@org.example",
                    "From: s@org.example\nSEMP-Verification: origin=semp; seal=pass\nSubject: hi\n\nbody\r\n", "a@remote.example");

            assertThat(reply).startsWith("250 2.0.0 Ok: queued as");
            assertThat(gw.queue.only().text()).doesNotContain("SEMP-Verification").doesNotContain("\r\r")
                    .endsWith("\r\nFrom: s@org.example\r\nSubject: hi\r\n\r\nbody\r\n");
        }
    }

    @Test
    void messageWithoutForgedFields_isStoredAsSentAndLogsNoCount() throws Exception {
        try (TestIngress gw = TestIngress.start(); SmtpClient c = gw.client()) {
            c.ehlo();
            String content = "From: s@org.example\r\nSubject: plain\r\n\r\nbody\r\n";
            AfterCommitDialogueTest.transaction(c, "s@org.example", content, "a@remote.example");

            assertThat(gw.queue.only().text()).endsWith("\r\n" + content);
            assertThat(queuedLine()).doesNotContain("stripped=");
        }
    }

    @Test
    void configuredFields_areEachRemoved() throws Exception {
        Set<String> names = Set.of("SEMP-Verification", "Authentication-Results");
        try (TestIngress gw = TestIngress.start(b -> b.stripHeaderFields(names)); SmtpClient c = gw.client()) {
            c.ehlo();
            AfterCommitDialogueTest.transaction(c, "s@org.example",
                    "Authentication-Results: mx.gw.example; dkim=pass\r\nSEMP-Verification: x\r\nTo: a@remote.example\r\n\r\nb\r\n",
                    "a@remote.example");

            assertThat(gw.queue.only().text()).endsWith("\r\nTo: a@remote.example\r\n\r\nb\r\n").doesNotContain("dkim=pass");
            assertThat(queuedLine()).endsWith(" stripped=2");
        }
    }

    @Test
    void emptyFieldSet_keepsEverything() throws Exception {
        try (TestIngress gw = TestIngress.start(b -> b.stripHeaderFields(Set.of())); SmtpClient c = gw.client()) {
            c.ehlo();
            String content = "SEMP-Verification: x\r\n\r\nb\r\n";
            AfterCommitDialogueTest.transaction(c, "s@org.example", content, "a@remote.example");

            assertThat(gw.queue.only().text()).endsWith("\r\n" + content);
        }
    }
}
