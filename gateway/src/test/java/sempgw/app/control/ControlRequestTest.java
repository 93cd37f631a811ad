package sempgw.app.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sempgw.store.queue.QueueId;

final class ControlRequestTest {

    @Test
    void parse_everyVerb_roundTripsThroughLine() {
        QueueId id = new QueueId("ABCDEF123456");
        for (ControlRequest r : new ControlRequest[] {new ControlRequest.ListEntries(), new ControlRequest.Flush(), new ControlRequest.Show(id),
                new ControlRequest.Hold(id), new ControlRequest.Release(id), new ControlRequest.Delete(id)}) {
            assertThat(ControlRequest.parse(r.line())).isEqualTo(r);
        }
    }

    @Test
    void parse_lowerCaseAndSpaces_accepted() {
        assertThat(ControlRequest.parse("  show   ABCDEF123456 ")).isEqualTo(new ControlRequest.Show(new QueueId("ABCDEF123456")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "STATUS|unknown command; commands are LIST, SHOW id, HOLD id, RELEASE id, DELETE id, FLUSH",
            "LIST all|LIST takes no argument",
            "SHOW|SHOW takes one queue id",
            "HOLD a b|HOLD takes one queue id",
            "DELETE ../etc|not a queue id: ../etc",
            "FLUSH now|FLUSH takes no argument"})
    void parse_badRequest_malformedWithReason(String line, String reason) {
        assertThat(ControlRequest.parse(line)).isEqualTo(new ControlRequest.Malformed(reason));
    }
}
