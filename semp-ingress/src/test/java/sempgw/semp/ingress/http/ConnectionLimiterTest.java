package sempgw.semp.ingress.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

final class ConnectionLimiterTest {

    @Test
    void tryAcquire_overPerAddressLimit_refusedForThatAddressOnly() throws Exception {
        ConnectionLimiter limiter = new ConnectionLimiter(10, 2);
        InetAddress a = InetAddress.getByName("192.0.2.1");
        InetAddress b = InetAddress.getByName("192.0.2.2");

        assertThat(limiter.tryAcquire(a)).isTrue();
        assertThat(limiter.tryAcquire(a)).isTrue();
        assertThat(limiter.tryAcquire(a)).isFalse();
        assertThat(limiter.tryAcquire(b)).isTrue();
        assertThat(limiter.total()).isEqualTo(3);

        limiter.release(a);
        assertThat(limiter.tryAcquire(a)).isTrue();
    }

    @Test
    void tryAcquire_overTotalLimit_refused() throws Exception {
        ConnectionLimiter limiter = new ConnectionLimiter(2, 10);

        assertThat(limiter.tryAcquire(InetAddress.getByName("192.0.2.1"))).isTrue();
        assertThat(limiter.tryAcquire(InetAddress.getByName("192.0.2.2"))).isTrue();
        assertThat(limiter.tryAcquire(InetAddress.getByName("192.0.2.3"))).isFalse();
        assertThat(limiter.total()).isEqualTo(2);
    }
}
