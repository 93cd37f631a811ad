package sempgw.smtp.ingress.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class ContentScannerTest {
    private static final MessageLimits LIMITS = new MessageLimits(10_000, 5, 200, 2);

    /** Scans {@code text} one octet at a time; the first violation. */
    private static Optional<DataViolation> scanBytewise(ContentScanner s, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < b.length; i++) {
            Optional<DataViolation> v = s.scan(b, i, 1);
            if (v.isPresent()) {
                return v;
            }
        }
        return Optional.empty();
    }

    private static Optional<DataViolation> scan(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        Optional<DataViolation> whole = new ContentScanner(LIMITS).scan(b, 0, b.length);
        assertThat(scanBytewise(new ContentScanner(LIMITS), text)).isEqualTo(whole);
        return whole;
    }

    @Test
    void scan_ordinaryMessage_findsNothing() {
        assertThat(scan("Subject: a\r\nFrom: b\r\n\r\nbody\r\n")).isEmpty();
    }

    @Test
    void scan_overSize_isTooBig() {
        assertThat(scan("\r\n" + ("x".repeat(98) + "\r\n").repeat(101))).contains(DataViolation.TOO_BIG);
    }

    @Test
    void scan_linesLongerThanRfc5321Allows_accepted() {
        assertThat(scan("\r\n" + "a".repeat(999) + "\r\n")).isEmpty();
        assertThat(scan("Subject: s\r\n\r\n" + "a".repeat(9_000) + "\r\n")).isEmpty();
    }

    @Test
    void scan_nul_isRefused() {
        assertThat(scan("\r\na\0b\r\n")).contains(DataViolation.NUL);
    }

    @Test
    void scan_headerLinesOverLimit_isHeaderTooLarge() {
        assertThat(scan("A: 1\r\n".repeat(5) + "\r\nbody\r\n")).isEmpty();
        assertThat(scan("A: 1\r\n".repeat(6) + "\r\nbody\r\n")).contains(DataViolation.HEADER_TOO_LARGE);
    }

    @Test
    void scan_foldedHeaderOverByteLimit_isHeaderTooLarge() {
        assertThat(scan("A: " + "x".repeat(250) + "\r\n\r\n")).contains(DataViolation.HEADER_TOO_LARGE);
    }

    @Test
    void scan_bodyLines_doNotCountAsHeaderLines() {
        assertThat(scan("A: 1\r\n\r\n" + "body\r\n".repeat(50))).isEmpty();
    }

    @Test
    void scan_lineThatIsNotAField_endsTheHeaderSection() {
        assertThat(scan("A: 1\r\nthis is body text\r\n" + "more\r\n".repeat(50))).isEmpty();
    }

    @Test
    void scan_receivedFields_countAsHopsCaseInsensitively() {
        assertThat(scan("Received: a\r\nRECEIVED : b\r\n\r\n")).isEmpty();
        assertThat(scan("Received: a\r\nreceived: b\r\nReceived: c\r\n\r\n")).contains(DataViolation.TOO_MANY_HOPS);
        assertThat(scan("X-Received: a\r\nReceivedX: b\r\nReceived-SPF: c\r\n\r\n")).isEmpty();
    }

    @Test
    void scan_receivedInTheBody_isNotAHop() {
        assertThat(scan("\r\nReceived: a\r\nReceived: b\r\nReceived: c\r\n")).isEmpty();
    }

    @Test
    void scan_eightBitOctets_areNoted() {
        ContentScanner s = new ContentScanner(LIMITS);
        scanBytewise(s, "\r\ncaf\u00e9\r\n");

        assertThat(s.eightBit()).isTrue();
        assertThat(s.size()).isEqualTo(9);
    }
}
