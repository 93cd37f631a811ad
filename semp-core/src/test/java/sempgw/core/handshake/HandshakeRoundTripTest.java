package sempgw.core.handshake;

import static org.assertj.core.api.Assertions.assertThat;
import static sempgw.core.handshake.Fixtures.NOW;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SuiteId;
import sempgw.core.session.Session;

/** Full in-memory handshakes, Java against Java: both kinds, both suites, with and without proof of work. */
final class HandshakeRoundTripTest {

    private static void assertSameSession(Step a, Step b, Session.Kind kind, SuiteId suite) {
        assertThat(a).isInstanceOf(Step.Established.class);
        assertThat(b).isInstanceOf(Step.Established.class);
        Session x = ((Step.Established) a).session();
        Session y = ((Step.Established) b).session();
        assertThat(x.id()).isEqualTo(y.id()).hasSize(26);
        assertThat(x.kind()).isEqualTo(kind);
        assertThat(y.kind()).isEqualTo(kind);
        assertThat(x.side()).isEqualTo(Session.Side.INITIATOR);
        assertThat(y.side()).isEqualTo(Session.Side.RESPONDER);
        assertThat(x.suite()).isEqualTo(suite);
        assertThat(GoTranscript.hexKeys(x.keys())).isEqualTo(GoTranscript.hexKeys(y.keys()));
        assertThat(x.keys().envMac().equalsSecret(x.keys().encC2s())).isFalse();
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void clientHandshake_javaToJava_establishesTheSameSessionOnBothSides(SuiteId suite) {
        ServerHandshake server = ServerHandshake.create(Fixtures.server(Fixtures.guards()), RandomSource.secure(), NOW);
        ClientHandshake client = ClientHandshake.create(Fixtures.client(suite), RandomSource.secure(), NOW);

        byte[] init = client.begin().message();
        assertThat(new String(init, java.nio.charset.StandardCharsets.UTF_8)).contains("\"transport\":\"ws\"");
        Fixtures.Outcome o = Fixtures.run(init, client::onMessage, server::onMessage, NOW);

        assertThat(o.messages()).isEqualTo(4);
        assertSameSession(o.initiatorEnd(), o.responderEnd(), Session.Kind.CLIENT, suite);
        Session serverSide = ((Step.Established) o.responderEnd()).session();
        Session clientSide = ((Step.Established) o.initiatorEnd()).session();
        assertThat(serverSide.peer()).isEqualTo("alice@example.com");
        assertThat(clientSide.peer()).isEqualTo("example.com");
        assertThat(clientSide.ttl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(clientSide.terms().permissions()).containsExactly("send", "receive");
        assertThat(clientSide.terms().maxEnvelopeSize()).hasValue(Capabilities.DEFAULT_MAX_ENVELOPE_SIZE);
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void clientHandshake_withProofOfWork_solvesAndEstablishes(SuiteId suite) {
        ResponderGuards guards = Fixtures.guards().withChallenges(ChallengePolicy.always(PowDemand.of(10)));
        ServerHandshake server = ServerHandshake.create(Fixtures.server(guards), RandomSource.secure(), NOW);
        ClientHandshake client = ClientHandshake.create(Fixtures.client(suite), RandomSource.secure(), NOW);

        Fixtures.Outcome o = Fixtures.run(client.begin().message(), client::onMessage, server::onMessage, NOW);

        assertThat(o.messages()).isEqualTo(6);
        assertSameSession(o.initiatorEnd(), o.responderEnd(), Session.Kind.CLIENT, suite);
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void federationHandshake_javaToJava_establishesTheSameSessionOnBothSides(SuiteId suite) {
        Responder responder = Responder.create(Fixtures.responder(Fixtures.guards()), RandomSource.secure(), NOW);
        Initiator initiator = Initiator.create(Fixtures.initiator(suite), RandomSource.secure(), NOW);

        Fixtures.Outcome o = Fixtures.run(initiator.begin().message(), initiator::onMessage, responder::onMessage, NOW);

        assertThat(o.messages()).isEqualTo(4);
        assertSameSession(o.initiatorEnd(), o.responderEnd(), Session.Kind.FEDERATION, suite);
        assertThat(((Step.Established) o.initiatorEnd()).session().peer()).isEqualTo("b.example");
        assertThat(((Step.Established) o.responderEnd()).session().peer()).isEqualTo("a.example");
        assertThat(((Step.Established) o.initiatorEnd()).session().ttl()).isEqualTo(Duration.ofHours(1));
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void federationHandshake_withProofOfWork_solvesAndEstablishes(SuiteId suite) {
        ResponderGuards guards = Fixtures.guards().withChallenges(ChallengePolicy.always(PowDemand.of(10)));
        Responder responder = Responder.create(Fixtures.responder(guards), RandomSource.secure(), NOW);
        Initiator initiator = Initiator.create(Fixtures.initiator(suite), RandomSource.secure(), NOW);

        Fixtures.Outcome o = Fixtures.run(initiator.begin().message(), initiator::onMessage, responder::onMessage, NOW);

        assertThat(o.messages()).isEqualTo(6);
        assertSameSession(o.initiatorEnd(), o.responderEnd(), Session.Kind.FEDERATION, suite);
    }

    @ParameterizedTest
    @EnumSource(SuiteId.class)
    void suiteChoice_bothSupportPq_prefersPq(SuiteId only) {
        List<SuiteId> both = List.of(SuiteId.X25519_CHACHA20_POLY1305, SuiteId.PQ_KYBER768_X25519);
        assertThat(SuiteChoice.strongestCommon(both, both)).hasValue(SuiteId.PQ_KYBER768_X25519);
        assertThat(SuiteChoice.strongestCommon(both, List.of(only))).hasValue(only);
        assertThat(SuiteChoice.strongestCommon(List.of(SuiteId.PQ_KYBER768_X25519), List.of(SuiteId.X25519_CHACHA20_POLY1305))).isEmpty();
    }
}
