package sempgw.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sempgw.core.testing.SharedFiles;

/** SempReason against VECTORS.md §8 and ERRORS.md §2-§5, read from the documents themselves. */
final class SempReasonTest {
    private static final Pattern ROW = Pattern.compile("^\\|\\s*`([a-z_]+)`\\s*\\|\\s*(Yes|No)\\s*\\|", Pattern.MULTILINE);

    /** Rows {@code | `code` | Yes/No |} between two headings of a document. */
    static List<String[]> rows(String doc, String from, String to) {
        String text = SharedFiles.spec(doc);
        String part = text.substring(text.indexOf(from), text.indexOf(to, text.indexOf(from)));
        List<String[]> out = new ArrayList<>();
        Matcher m = ROW.matcher(part);
        while (m.find()) {
            out.add(new String[] {m.group(1), m.group(2)});
        }
        return out;
    }

    @Test
    void parse_vectors8Tables_recoverabilityMatches() {
        List<String[]> rows = rows("VECTORS.md", "## 8. Rejection Reason Code Validation", "## 9. Session Lifecycle");
        assertThat(rows).hasSizeGreaterThan(20);
        for (String[] r : rows) {
            SempReason reason = SempReason.parse(r[0]);
            assertThat(reason).as(r[0]).isNotEqualTo(SempReason.UNKNOWN);
            assertThat(reason.recoverable()).as(r[0]).isEqualTo(r[1].equals("Yes"));
            assertThat(reason.code()).isEqualTo(r[0]);
        }
    }

    @Test
    void parse_errorsRegistrySections2to5_everyCodeKnownWithItsRetryClass() {
        List<String[]> rows = rows("ERRORS.md", "## 2. Handshake Reason Codes", "## 6. Submission Status Values");
        assertThat(rows).hasSizeGreaterThan(30);
        for (String[] r : rows) {
            assertThat(SempReason.parse(r[0]).recoverable()).as(r[0]).isEqualTo(r[1].equals("Yes"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Blocked", "SEAL_INVALID", "vendor.example/new_code", "", "unknown", " blocked"})
    void parse_unknownOrMiscasedCode_isUnknownAndTerminal(String code) {
        SempReason r = SempReason.parse(code);
        assertThat(r).isEqualTo(SempReason.UNKNOWN);
        assertThat(r.retry()).isEqualTo(SempReason.Retry.TERMINAL);
        assertThat(r.recoverable()).isFalse();
    }

    @Test
    void exception_carriesReason() {
        SempException e = new SempException(SempReason.SEAL_INVALID, "signature mismatch");
        assertThat(e.reason()).isEqualTo(SempReason.SEAL_INVALID);
        assertThat(e.getMessage()).isEqualTo("signature mismatch");
    }
}
