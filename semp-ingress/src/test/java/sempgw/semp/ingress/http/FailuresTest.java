package sempgw.semp.ingress.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.NotSslRecordException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

final class FailuresTest {

    @Test
    void describe_ordinaryFailure_typeAndPlaceButNoMessage() {
        String described = Failures.describe(new IllegalStateException("peer said alice@example.org"));

        assertThat(described).startsWith("java.lang.IllegalStateException at ").contains("FailuresTest");
        assertThat(described).doesNotContain("alice");
    }

    @Test
    void describe_tlsNegotiationFailure_keepsTheReason() {
        String described = Failures.describe(new DecoderException(new SSLHandshakeException("no cipher suites in common")));

        assertThat(described).startsWith("javax.net.ssl.SSLHandshakeException: no cipher suites in common");
    }

    @Test
    void describe_notTlsAtAll_dropsTheDumpedBytes() {
        String described = Failures.describe(new DecoderException(new NotSslRecordException("not an SSL/TLS record: 474554202f")));

        assertThat(described).startsWith("io.netty.handler.ssl.NotSslRecordException").doesNotContain("474554");
    }
}
