package sempgw.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/outcomes.md cannot drift: its tables must equal, row for row and in order, what
 * {@link Outcomes} and {@link Router} answer. On failure the message shows the expected rows.
 */
final class OutcomesDocTest {

    static final String OUTCOMES_HEADER = "| code | class | SMTP reply | enhanced | DSN action/status | meaning |";
    static final String ROUTING_HEADER = "| routing decision | SMTP reply | enhanced | text |";

    @Test
    void outcomesTable_inDocs_equalsTheOutcomesClass() {
        List<String> rows = tableRows("outcomes");

        assertThat(rows.getFirst()).isEqualTo(OUTCOMES_HEADER);
        assertThat(rows.subList(2, rows.size()))
                .as("docs/outcomes.md outcome rows; expected:%n%s", String.join("\n", expectedOutcomeRows()))
                .containsExactlyElementsOf(expectedOutcomeRows());
    }

    @Test
    void routingTable_inDocs_equalsTheRouterStatuses() {
        List<String> rows = tableRows("routing");

        assertThat(rows.getFirst()).isEqualTo(ROUTING_HEADER);
        assertThat(rows.subList(2, rows.size()))
                .as("docs/outcomes.md routing rows; expected:%n%s", String.join("\n", expectedRoutingRows()))
                .containsExactlyElementsOf(expectedRoutingRows());
    }

    @Test
    void doc_namesTheDiagnosticCodeForm() {
        assertThat(RepoFiles.outcomesDoc()).contains("Diagnostic-Code: semp; <code>");
    }

    static List<String> expectedOutcomeRows() {
        return Outcomes.table().stream().map(row -> "| `%s` | %s | %d | %s | %s %s | %s |".formatted(
                row.code(), row.retry().label(), row.reply().code(), row.reply().enhanced(),
                row.dsnAction().field(), row.dsnStatus(), row.meaning())).toList();
    }

    static List<String> expectedRoutingRows() {
        return List.of(
                routing("semp-required, sender has no SEMP mailbox", Router.NO_MAILBOX),
                routing("semp-required, domain does not publish SEMP", Router.LEGACY_REQUIRED),
                routing("semp-required, domain accepts no mail", Router.NO_MAIL_REQUIRED),
                routing("semp-required, domain speaks only another SEMP major version", Router.OTHER_MAJOR_REQUIRED),
                routing("semp-preferred, domain speaks only another SEMP major version and has no MX or address records",
                        Router.OTHER_MAJOR_NO_SMTP),
                routing("semp-required or semp-preferred, discovery failed (defer)", Router.DISCOVERY_FAILED));
    }

    private static String routing(String decision, SmtpStatus status) {
        return "| %s | %d | %s | %s |".formatted(decision, status.code(), status.enhanced(), status.text());
    }

    /** The table lines between {@code <!-- name-table:begin -->} and {@code <!-- name-table:end -->}. */
    private static List<String> tableRows(String name) {
        String doc = RepoFiles.outcomesDoc();
        String begin = "<!-- " + name + "-table:begin -->";
        String end = "<!-- " + name + "-table:end -->";
        assertThat(doc).contains(begin, end);
        String table = doc.substring(doc.indexOf(begin) + begin.length(), doc.indexOf(end));
        return table.lines().map(String::strip).filter(l -> l.startsWith("|")).toList();
    }
}
