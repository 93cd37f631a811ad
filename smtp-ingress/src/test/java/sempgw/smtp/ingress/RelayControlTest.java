package sempgw.smtp.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import sempgw.smtp.ingress.policy.CidrRange;

/** The open-relay tests: the client connects from 127.0.0.2, and only 127.0.0.1 may relay. */
final class RelayControlTest {

    private static TestIngress onlyLocalhostRelays() {
        return TestIngress.start(b -> b.relayNetworks(List.of(CidrRange.parse("127.0.0.1/32"))));
    }

    @Test
    void rcpt_fromNonRelayAddressToRemoteDomain_isRelayDenied() throws Exception {
        try (TestIngress gw = onlyLocalhostRelays(); SmtpClient c = gw.clientFrom("127.0.0.2")) {
            c.ehlo();
            c.send("MAIL FROM:<spammer@bad.example>");
            c.expect("250");
            c.send("RCPT TO:<victim@remote.example>");
            c.expect("554 5.7.1 <victim@remote.example>: Relay access denied");
            c.send("RCPT TO:<victim@[192.0.2.1]>");
            c.expect("554 5.7.1");
            c.send("DATA");
            c.expect("554 5.5.1 Error: no valid recipients");

            assertThat(gw.queue.begun()).isZero();
        }
    }

    @Test
    void rcpt_fromRelayAddressToRemoteDomain_isAccepted() throws Exception {
        try (TestIngress gw = onlyLocalhostRelays(); SmtpClient c = gw.clientFrom("127.0.0.1")) {
            c.ehlo();
            c.send("MAIL FROM:<user@org.example>");
            c.expect("250");
            c.send("RCPT TO:<friend@remote.example>");
            c.expect("250 2.1.5");
        }
    }

    @Test
    void rcpt_fromNonRelayAddressToLocalDomain_acceptsKnownAndRefusesUnknownUsers() throws Exception {
        try (TestIngress gw = onlyLocalhostRelays(); SmtpClient c = gw.clientFrom("127.0.0.2")) {
            c.ehlo();
            c.send("MAIL FROM:<someone@internet.example>");
            c.expect("250");
            c.send("RCPT TO:<alice@EXAMPLE.org>");
            c.expect("250 2.1.5");
            c.send("RCPT TO:<mallory@example.org>");
            c.expect("550 5.1.1 <mallory@example.org>: Recipient address rejected: User unknown");
            c.send("DATA");
            c.expect("354");
            c.sendRaw("hi\r\n.\r\n");
            c.expect("250 2.0.0");

            assertThat(gw.queue.only().recipients()).extracting(r -> r.address()).containsExactly("alice@EXAMPLE.org");
        }
    }

    @Test
    void rcpt_fromRelayNetworkToUnknownLocalUser_isStillRefused() throws Exception {
        try (TestIngress gw = TestIngress.start(); SmtpClient c = gw.client()) {
            c.ehlo();
            c.send("MAIL FROM:<user@org.example>");
            c.expect("250");
            c.send("RCPT TO:<nobody@example.org>");
            c.expect("550 5.1.1");
        }
    }

    @Test
    void rcpt_validatorFails_gets451() throws Exception {
        try (TestIngress gw = TestIngress.start(b -> b.localDomains(Set.of("example.org"), a -> {
            throw new IllegalStateException("directory down");
        })); SmtpClient c = gw.client()) {
            c.ehlo();
            c.send("MAIL FROM:<user@org.example>");
            c.expect("250");
            c.send("RCPT TO:<alice@example.org>");
            c.expect("451 4.3.0");
        }
    }

    @Test
    void rcpt_bracketedPostmasterWithoutDomain_goesToTheLocalDomain() throws Exception {
        try (TestIngress gw = TestIngress.start(b -> b.relayNetworks(List.of())
                .localDomains(Set.of("example.org"), a -> a.equals("postmaster@example.org")));
                SmtpClient c = gw.client()) {
            c.ehlo();
            c.send("MAIL FROM:<someone@internet.example>");
            c.expect("250");
            c.send("RCPT TO:<Postmaster>");
            c.expect("250 2.1.5");
        }
    }

    @Test
    void rcpt_authenticatedClientFromNonRelayAddress_mayRelay() throws Exception {
        try (TestIngress gw = onlyLocalhostRelays(); SmtpClient c = gw.clientFrom("127.0.0.2")) {
            c.ehlo();
            c.startTls(TestCertificates.client());
            c.ehlo();
            c.send("MAIL FROM:<carol@org.example>");
            c.expect("250");
            c.send("RCPT TO:<friend@remote.example>");
            c.expect("554 5.7.1");
            c.send("RSET");
            c.expect("250");
            String plain = Base64.getEncoder().encodeToString(
                    ("\0" + TestIngress.USER + "\0" + TestIngress.PASSWORD).getBytes(StandardCharsets.UTF_8));
            c.send("AUTH PLAIN " + plain);
            c.expect("235");
            c.send("MAIL FROM:<carol@org.example>");
            c.expect("250");
            c.send("RCPT TO:<friend@remote.example>");
            c.expect("250 2.1.5");
        }
    }
}
