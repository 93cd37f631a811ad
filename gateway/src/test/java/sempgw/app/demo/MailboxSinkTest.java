package sempgw.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.MessagingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class MailboxSinkTest {
    @TempDir
    Path dir;

    @Test
    void send_toLocalMailbox_storedInMemoryAndOnDiskNotSempVerified() throws Exception {
        DemoMessage message = DemoMessage.of("alice@alpha.test", "bob@beta.test", new byte[] {1, 2, 3}, Instant.parse("2026-11-26T03:00:00Z"));
        try (MailboxSink sink = MailboxSink.start("beta.test", dir)) {
            String reply = message.send(sink.port(), "gw.beta.test", Duration.ofSeconds(10));

            MailboxSink.Received received = sink.next(Duration.ofSeconds(5)).orElseThrow();
            assertThat(reply).startsWith("250");
            assertThat(received.from()).isEqualTo("alice@alpha.test");
            assertThat(received.to()).containsExactly("bob@beta.test");
            assertThat(Files.readAllBytes(dir.resolve("1.eml"))).isEqualTo(received.content());
            assertThat(message.mismatch(received.content())).get().asString().contains("no SEMP-Verification headers");
        }
    }

    @Test
    void send_toOtherDomain_refusedAtRcptNothingStored() throws Exception {
        DemoMessage message = DemoMessage.of("alice@alpha.test", "carol@gamma.test", new byte[] {1}, Instant.now());
        try (MailboxSink sink = MailboxSink.start("beta.test", dir)) {
            assertThatThrownBy(() -> message.send(sink.port(), "gw.beta.test", Duration.ofSeconds(10))).isInstanceOf(MessagingException.class)
                    .hasMessageContaining("550");
            assertThat(sink.next(Duration.ofMillis(200))).isEmpty();
        }
    }

    @Test
    void mismatch_sameBodyVerifiedBySemp_none() {
        DemoMessage sent = DemoMessage.of("alice@alpha.test", "bob@beta.test", new byte[] {7}, Instant.now());
        String received = "SEMP-Verification: origin=semp; seal=pass; sender-signature=pass; sender-domain=alpha.test\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + sent.text();

        assertThat(sent.mismatch(received.getBytes(java.nio.charset.StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void mismatch_signatureFailed_named() {
        DemoMessage sent = DemoMessage.of("alice@alpha.test", "bob@beta.test", new byte[] {7}, Instant.now());
        String received = "SEMP-Verification: origin=semp; seal=pass; sender-signature=fail; sender-domain=alpha.test\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + sent.text();

        assertThat(sent.mismatch(received.getBytes(java.nio.charset.StandardCharsets.UTF_8))).get().asString()
                .contains("did not verify", "sender-signature=fail");
    }

    @Test
    void mismatch_otherBody_named() {
        DemoMessage sent = DemoMessage.of("alice@alpha.test", "bob@beta.test", new byte[] {1}, Instant.now());
        byte[] other = "Subject: x\r\nContent-Type: text/plain\r\n\r\nsomething else\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        assertThat(sent.mismatch(other)).get().asString().contains("differs");
    }
}
