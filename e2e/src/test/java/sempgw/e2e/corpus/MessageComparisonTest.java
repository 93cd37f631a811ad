package sempgw.e2e.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

final class MessageComparisonTest {
    private static final byte[] ORIGINAL = bytes("Message-ID: <1@x>\r\nX-Test-Id: t-1\r\nSubject: hi\r\n\r\nbody\r\n.dot\r\n");

    @Test
    void compare_sameOctets_identicalWithNothingPrepended() {
        assertThat(MessageComparison.compare(ORIGINAL, ORIGINAL)).isEqualTo(new MessageComparison.Verdict.Identical(List.of()));
    }

    @Test
    void compare_foldedReceivedFieldsPrepended_identicalNamingThem() {
        byte[] delivered = concat(
                bytes("Received: from a\r\n\tby b; Tue, 1 Jan 2030\r\nReturn-Path: <x@y>\r\nReceived: from c\r\n"), ORIGINAL);
        assertThat(MessageComparison.compare(ORIGINAL, delivered))
                .isEqualTo(new MessageComparison.Verdict.Identical(List.of("received", "return-path", "received")));
    }

    @Test
    void compare_otherFieldPrepended_different() {
        byte[] delivered = concat(bytes("Received: from a\r\nX-Spam: yes\r\n"), ORIGINAL);
        assertThat(MessageComparison.compare(ORIGINAL, delivered)).isInstanceOf(MessageComparison.Verdict.Different.class);
    }

    @Test
    void compare_oneBodyOctetChanged_differentNamingTheOffset() {
        byte[] delivered = ORIGINAL.clone();
        delivered[delivered.length - 3] = 'X';
        assertThat(MessageComparison.compare(ORIGINAL, delivered))
                .isInstanceOfSatisfying(MessageComparison.Verdict.Different.class,
                        d -> assertThat(d.reason()).contains("octet " + (ORIGINAL.length - 3)));
    }

    @Test
    void compare_truncated_different() {
        byte[] delivered = java.util.Arrays.copyOf(ORIGINAL, ORIGINAL.length - 6);
        assertThat(MessageComparison.compare(ORIGINAL, delivered)).isInstanceOf(MessageComparison.Verdict.Different.class);
    }

    @Test
    void compare_headerRefolded_different() {
        byte[] delivered = bytes("Message-ID: <1@x>\r\nX-Test-Id: t-1\r\nSubject:\r\n hi\r\n\r\nbody\r\n.dot\r\n");
        assertThat(MessageComparison.compare(ORIGINAL, delivered)).isInstanceOf(MessageComparison.Verdict.Different.class);
    }

    @Test
    void compare_prefixEndsMidLine_different() {
        byte[] delivered = concat(bytes("Received: x"), ORIGINAL);
        assertThat(MessageComparison.compare(ORIGINAL, delivered)).isInstanceOf(MessageComparison.Verdict.Different.class);
    }

    @Test
    void headerValue_fieldInHeader_found_fieldInBody_notFound() {
        assertThat(MessageComparison.headerValue(ORIGINAL, "x-test-id")).contains("t-1");
        assertThat(MessageComparison.headerValue(bytes("A: 1\r\n\r\nX-Test-Id: no\r\n"), "X-Test-Id")).isEmpty();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
