package sempgw.smtp.egress.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

final class ContentTraitsTest {

    private static ContentTraits scan(String s) throws IOException {
        return ContentTraits.scan(new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void scan_separatesHeaderAndBody() throws IOException {
        assertThat(scan("Subject: plain\r\n\r\nbody \u00e9\r\n")).isEqualTo(new ContentTraits(false, true));
        assertThat(scan("Subject: \u00e9\r\n\r\nbody\r\n")).isEqualTo(new ContentTraits(true, false));
        assertThat(scan("Subject: a\r\n\r\nb\r\n").eightBit()).isFalse();
    }
}
