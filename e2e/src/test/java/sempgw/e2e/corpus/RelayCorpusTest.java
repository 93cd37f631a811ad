package sempgw.e2e.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

final class RelayCorpusTest {
    private static final long SEED = 20261125L;

    @Test
    void message_sameSeedAndIndex_sameOctets() {
        for (String kind : RelayCorpus.KINDS) {
            assertThat(RelayCorpus.message(SEED, 3, kind).content()).isEqualTo(RelayCorpus.message(SEED, 3, kind).content());
        }
        assertThat(RelayCorpus.message(SEED, 3, "html").content()).isNotEqualTo(RelayCorpus.message(SEED + 1, 3, "html").content());
    }

    @Test
    void message_everyKind_isWellFormedForSmtp() {
        for (String kind : RelayCorpus.KINDS) {
            TestMessage m = RelayCorpus.message(SEED, 5, kind);
            byte[] c = m.content();
            assertThat(c).as(kind).endsWith('\r', '\n');
            int lineStart = 0;
            for (int i = 0; i < c.length; i++) {
                assertThat(c[i]).as(kind + " NUL").isNotZero();
                if (c[i] == '\n') {
                    assertThat(i > 0 && c[i - 1] == '\r').as(kind + " bare LF at " + i).isTrue();
                    assertThat(i - 1 - lineStart).as(kind + " line length (RFC 5322 §2.1.1)").isLessThanOrEqualTo(998);
                    lineStart = i + 1;
                } else if (c[i] == '\r') {
                    assertThat(i + 1 < c.length && c[i + 1] == '\n').as(kind + " bare CR at " + i).isTrue();
                }
            }
        }
    }

    @Test
    void message_eightBitFlag_matchesBodyOctets_smtpUtf8Flag_matchesHeaderAndAddresses() {
        for (String kind : RelayCorpus.KINDS) {
            TestMessage m = RelayCorpus.message(SEED, 7, kind);
            String s = new String(m.content(), StandardCharsets.ISO_8859_1);
            int split = s.indexOf("\r\n\r\n");
            boolean bodyHas8Bit = s.substring(split).chars().anyMatch(ch -> ch > 127);
            boolean headerHas8Bit = s.substring(0, split).chars().anyMatch(ch -> ch > 127);
            boolean addressHas8Bit = (m.envelope().sender() + m.envelope().recipients()).chars().anyMatch(ch -> ch > 127);
            assertThat(m.envelope().eightBit()).as(kind).isEqualTo(bodyHas8Bit);
            assertThat(m.envelope().smtpUtf8()).as(kind).isEqualTo(headerHas8Bit || addressHas8Bit);
        }
    }

    @Test
    void generate_hundred_uniqueIdsEveryKindAndOneTwentyMebibyteAttachment() {
        List<TestMessage> corpus = RelayCorpus.generate(SEED, 100);
        assertThat(corpus).hasSize(100);
        assertThat(corpus.stream().map(TestMessage::testId).distinct()).hasSize(100);
        assertThat(corpus.stream().map(TestMessage::kind).distinct()).containsAll(RelayCorpus.KINDS).contains("large-attachment");
        List<TestMessage> large = corpus.stream().filter(m -> m.size() > RelayCorpus.LARGE_ATTACHMENT_OCTETS).toList();
        assertThat(large).hasSize(1);
        assertThat(IntStream.range(0, 100).filter(i -> corpus.get(i).envelope().recipients().size() > 1).count()).isPositive();
    }
}
