package sempgw.smtp.ingress.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import sempgw.smtp.ingress.protocol.Mailbox;

final class RelayPolicyTest {
    private static final InetAddress INSIDE = InetAddress.ofLiteral("10.1.2.3");
    private static final InetAddress OUTSIDE = InetAddress.ofLiteral("203.0.113.7");
    private final RelayPolicy policy = new RelayPolicy(List.of(CidrRange.parse("10.0.0.0/8")), Set.of("Example.ORG"),
            address -> address.equals("alice@example.org"));

    private RcptDecision decide(InetAddress client, boolean authenticated, String rcpt) {
        return policy.decide(client, authenticated, Mailbox.parse(rcpt).orElseThrow());
    }

    private static String reply(RcptDecision d) {
        return ((RcptDecision.Refuse) d).reply().line();
    }

    @Test
    void decide_localDomain_validatesForEveryone() {
        assertThat(decide(OUTSIDE, false, "alice@EXAMPLE.org")).isEqualTo(new RcptDecision.Accept("local"));
        assertThat(reply(decide(OUTSIDE, false, "eve@example.org"))).startsWith("550 5.1.1");
        assertThat(reply(decide(INSIDE, true, "eve@example.org"))).startsWith("550 5.1.1");
    }

    @Test
    void decide_remoteDomain_relaysForNetworksAndAuthenticatedOnly() {
        assertThat(decide(INSIDE, false, "x@remote.example")).isEqualTo(new RcptDecision.Accept("relay-network"));
        assertThat(decide(OUTSIDE, true, "x@remote.example")).isEqualTo(new RcptDecision.Accept("authenticated"));
        assertThat(reply(decide(OUTSIDE, false, "x@remote.example"))).isEqualTo("554 5.7.1 <x@remote.example>: Relay access denied");
    }

    @Test
    void decide_subdomainOfLocalDomain_isNotLocal() {
        assertThat(reply(decide(OUTSIDE, false, "alice@sub.example.org"))).startsWith("554 5.7.1");
    }

    @Test
    void decide_validatorThrows_isATemporaryFailure() {
        RelayPolicy failing = new RelayPolicy(List.of(), Set.of("example.org"), a -> {
            throw new IllegalStateException("ldap down");
        });

        RcptDecision d = failing.decide(OUTSIDE, false, Mailbox.parse("a@example.org").orElseThrow());

        assertThat(reply(d)).startsWith("451 4.3.0");
    }
}
