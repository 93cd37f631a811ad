package sempgw.semp.ingress.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

final class SempHttpConfigTest {
    private static final InetSocketAddress ANY = new InetSocketAddress(0);

    @Test
    void defaults_matchTheDocumentedLimits() {
        SempHttpConfig config = SempHttpConfig.defaults(ANY);

        assertThat(config.maxMessageBytes()).isEqualTo(25 * 1024 * 1024 + SempHttpConfig.MESSAGE_MARGIN_BYTES);
        assertThat(config.maxConnectionsPerAddress()).isEqualTo(64);
        assertThat(config.maxConnections()).isEqualTo(4096);
        assertThat(config.silentHold()).isEqualTo(Duration.ofSeconds(35));
        assertThat(config.tunnelIdleTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.wsPingInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.maxBufferedBytes()).isEqualTo(256L * 1024 * 1024);
        assertThat(config.webSocket()).isTrue();
        assertThat(config.withWebSocket(false).webSocket()).isFalse();
        assertThat(config.withWebSocket(false).withWebSocket(true)).isEqualTo(config);
    }

    @Test
    void construct_idleTimeoutNotAboveSilentHold_rejected() {
        SempHttpConfig d = SempHttpConfig.defaults(ANY);
        assertThatThrownBy(() -> new SempHttpConfig(ANY, d.maxEnvelopeBytes(), d.maxDocumentBodyBytes(),
                d.maxConnectionsPerAddress(), d.maxConnections(), Duration.ofSeconds(35), d.tlsHandshakeTimeout(),
                d.h2MaxConcurrentStreams(), d.tunnelIdleTimeout(), d.maxTunnels(), Duration.ofSeconds(35),
                d.wsPingInterval(), d.maxPendingMessages(), d.maxBufferedBytes(), d.stopGrace()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("silentHold");
    }

    @Test
    void construct_nonPositiveLimit_rejected() {
        SempHttpConfig d = SempHttpConfig.defaults(ANY);
        assertThatThrownBy(() -> new SempHttpConfig(ANY, d.maxEnvelopeBytes(), d.maxDocumentBodyBytes(),
                0, d.maxConnections(), d.idleTimeout(), d.tlsHandshakeTimeout(),
                d.h2MaxConcurrentStreams(), d.tunnelIdleTimeout(), d.maxTunnels(), d.silentHold(),
                d.wsPingInterval(), d.maxPendingMessages(), d.maxBufferedBytes(), d.stopGrace()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxConnectionsPerAddress");
        assertThatThrownBy(() -> new SempHttpConfig(ANY, Integer.MAX_VALUE, d.maxDocumentBodyBytes(),
                1, d.maxConnections(), d.idleTimeout(), d.tlsHandshakeTimeout(),
                d.h2MaxConcurrentStreams(), d.tunnelIdleTimeout(), d.maxTunnels(), d.silentHold(),
                d.wsPingInterval(), d.maxPendingMessages(), d.maxBufferedBytes(), d.stopGrace()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxEnvelopeBytes");
    }
}
