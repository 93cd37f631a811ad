package sempgw.semp.egress.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

final class TxtRecordsTest {

    @Test
    void capability_specExample_readsEveryParameter() {
        CapabilityRecord r = CapabilityRecord.parse("v=semp1;s=pq-kyber768-x25519,x25519-chacha20-poly1305;c=h2,ws,quic;mes=26214400").orElseThrow();
        assertThat(r.suites()).containsExactly("pq-kyber768-x25519", "x25519-chacha20-poly1305");
        assertThat(r.transports()).containsExactly("h2", "ws", "quic");
        assertThat(r.maxEnvelopeSize()).hasValue(26_214_400);
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void capability_unknownParametersAndSpacing_ignored() {
        CapabilityRecord r = CapabilityRecord.parse(" v=semp1 ; pq=ready; x=unknown;s=x25519-chacha20-poly1305 ;c= h2 ;").orElseThrow();
        assertThat(r.suites()).containsExactly("x25519-chacha20-poly1305");
        assertThat(r.transports()).containsExactly("h2");
        assertThat(r.maxEnvelopeSize()).isEmpty();
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void capability_notVersion1_isNotARecord() {
        assertThat(CapabilityRecord.parse("s=x25519-chacha20-poly1305;c=h2")).isEmpty();
        assertThat(CapabilityRecord.parse("v=semp2;s=x25519-chacha20-poly1305;c=h2")).isEmpty();
        assertThat(CapabilityRecord.parse("v=spf1 -all")).isEmpty();
    }

    @Test
    void otherMajor_anotherSempMajorOnly() {
        assertThat(TxtParameters.otherMajor(TxtParameters.parse("v=semp2;s=x25519-chacha20-poly1305").orElseThrow())).contains("semp2");
        assertThat(TxtParameters.otherMajor(TxtParameters.parse("v=semp12").orElseThrow())).contains("semp12");
        for (String notAnother : new String[] {"v=semp1;c=h2", "v=spf1 -all", "v=semp0", "v=semp02", "v=SEMP2", "s=x25519-chacha20-poly1305"}) {
            assertThat(TxtParameters.otherMajor(TxtParameters.parse(notAnother).orElseThrow())).as(notAnother).isEmpty();
        }
    }

    @Test
    void capability_repeatedKey_isAmbiguousAndRejected() {
        assertThat(CapabilityRecord.parse("v=semp1;c=h2;c=ws")).isEmpty();
    }

    @Test
    void capability_missingBaselineAndH2_reportedAsProblems() {
        CapabilityRecord r = CapabilityRecord.parse("v=semp1;pq=ready;c=ws,quic;mes=lots").orElseThrow();
        assertThat(r.problems()).hasSize(3)
                .anySatisfy(p -> assertThat(p).contains("baseline"))
                .anySatisfy(p -> assertThat(p).contains("h2"))
                .anySatisfy(p -> assertThat(p).contains("mes"));
        assertThat(r.maxEnvelopeSize()).isEmpty();
    }

    @Test
    void sessionTtl_specExample_readsEveryParameter() {
        SessionTtl t = SessionTtl.parse("v=semp1;handshake-ttl=600;min-ttl=60;max-ttl=7200").orElseThrow();
        assertThat(t).isEqualTo(new SessionTtl(Duration.ofSeconds(600), Duration.ofSeconds(60), Duration.ofSeconds(7200)));
    }

    @Test
    void sessionTtl_missingParameters_takeDefaults() {
        assertThat(SessionTtl.parse("v=semp1")).contains(SessionTtl.DEFAULT);
        assertThat(SessionTtl.parse("v=semp1;max-ttl=900").orElseThrow().maxTtl()).isEqualTo(Duration.ofSeconds(900));
    }

    @Test
    void sessionTtl_handshakeOutsideBounds_isClamped() {
        SessionTtl t = SessionTtl.parse("v=semp1;handshake-ttl=99999;min-ttl=30;max-ttl=3600").orElseThrow();
        assertThat(t.handshakeTtl()).isEqualTo(Duration.ofSeconds(3600));
    }

    @Test
    void sessionTtl_minAboveMax_recordIgnoredForDefaults() {
        assertThat(SessionTtl.parse("v=semp1;handshake-ttl=100;min-ttl=500;max-ttl=60")).contains(SessionTtl.DEFAULT);
    }

    @Test
    void sessionTtl_negativeOrGarbageValues_takeDefaults() {
        assertThat(SessionTtl.parse("v=semp1;handshake-ttl=-5;min-ttl=abc")).contains(SessionTtl.DEFAULT);
    }
}
