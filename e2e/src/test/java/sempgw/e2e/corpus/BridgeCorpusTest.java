package sempgw.e2e.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

final class BridgeCorpusTest {
    private static final long SEED = 20261126L;

    @Test
    void generate_twoHundred_everyKindUniqueIdsThreeLargeAttachmentsUpToTwentyMebibytes() {
        List<TestMessage> corpus = BridgeCorpus.generate(SEED, 200);
        assertThat(corpus).hasSize(200);
        assertThat(corpus.stream().map(TestMessage::testId).distinct()).hasSize(200);
        assertThat(corpus.stream().map(TestMessage::kind).collect(Collectors.toSet()))
                .containsAll(BridgeCorpus.KINDS).contains("large-0", "large-1", "large-2");
        List<TestMessage> large = corpus.stream().filter(m -> m.size() > 1024 * 1024).toList();
        assertThat(large).hasSize(3);
        assertThat(large.stream().mapToInt(TestMessage::size).max().orElseThrow())
                .isGreaterThan(20 * 1024 * 1024).isLessThan(28 * 1024 * 1024);
        assertThat(corpus.stream().mapToLong(TestMessage::size).sum()).as("total octets").isLessThan(64L * 1024 * 1024);
        assertThat(corpus.stream().map(m -> m.envelope().sender()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(BridgeCorpus.SENDERS);
        assertThat(corpus.stream().flatMap(m -> m.envelope().recipients().stream()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(BridgeCorpus.RECIPIENTS);
        assertThat(corpus).filteredOn(m -> m.envelope().recipients().size() > 1).hasSizeGreaterThan(50);
        assertThat(corpus).filteredOn(m -> header(m, "Bcc").isEmpty() && m.envelope().recipients().contains("grace@beta.test"))
                .as("envelope-only Bcc").isNotEmpty();
    }

    @Test
    void message_sameSeedAndIndex_sameOctets_otherSeed_otherOctets() {
        for (String kind : BridgeCorpus.KINDS) {
            assertThat(BridgeCorpus.message(SEED, 5, kind).content()).as(kind).isEqualTo(BridgeCorpus.message(SEED, 5, kind).content());
        }
        assertThat(BridgeCorpus.message(SEED, 5, "smime-signed").content())
                .isNotEqualTo(BridgeCorpus.message(SEED + 1, 5, "smime-signed").content());
    }

    @Test
    void message_everyKind_wellFormedForSmtpWithFlagsMatchingItsOctets() {
        for (String kind : kindsAndLarge()) {
            TestMessage m = BridgeCorpus.message(SEED, 7, kind);
            byte[] c = m.content();
            int lineStart = 0;
            for (int i = 0; i < c.length; i++) {
                if (c[i] == '\n') {
                    assertThat(i > 0 && c[i - 1] == '\r').as(kind + " bare LF at " + i).isTrue();
                    assertThat(i - 1 - lineStart).as(kind + " line length (RFC 5322 §2.1.1)").isLessThanOrEqualTo(998);
                    lineStart = i + 1;
                } else {
                    assertThat(c[i]).as(kind + " NUL").isNotZero();
                }
            }
            String s = new String(c, StandardCharsets.ISO_8859_1);
            int split = s.indexOf("\r\n\r\n");
            boolean headerHas8Bit = s.substring(0, split).chars().anyMatch(ch -> ch > 127);
            boolean addressHas8Bit = (m.envelope().sender() + m.envelope().recipients()).chars().anyMatch(ch -> ch > 127);
            assertThat(m.envelope().eightBit()).as(kind).isEqualTo(s.substring(split).chars().anyMatch(ch -> ch > 127));
            assertThat(m.envelope().smtpUtf8()).as(kind).isEqualTo(headerHas8Bit || addressHas8Bit);
            assertThat(BridgeCorpus.testIdIn(HeaderValues.text(header(m, "Subject").getFirst()))).as(kind).contains(m.testId());
        }
    }

    @Test
    void message_everyKind_equalToItselfWithAVerificationField_signaturesVerify() {
        for (String kind : kindsAndLarge()) {
            for (int index : new int[] {7, 10, 13}) {
                TestMessage m = BridgeCorpus.message(SEED, index, kind);
                byte[] received = BridgeComparisonTest.arrived(m.content());
                assertThat(BridgeComparison.differences(m.content(), received, SigningKeys.forSeed(SEED, m.envelope().sender()),
                        BridgeCorpus.ALPHA)).as(kind + " #" + index).isEmpty();
            }
        }
    }

    @Test
    void message_signedKinds_oneVerifyingSignatureOfTheirProtocol() {
        TestMessage smime = BridgeCorpus.message(SEED, 10, "smime-signed");
        TestMessage pgp = BridgeCorpus.message(SEED, 11, "pgp-signed");
        for (TestMessage m : List.of(smime, pgp)) {
            List<MimeEntity> signed = BridgeComparison.signed(MimeEntity.parse(m.content()));
            assertThat(signed).hasSize(1);
            assertThat(BridgeComparison.verify(signed.getFirst(), SigningKeys.forSeed(SEED, m.envelope().sender()))).isNull();
        }
        assertThat(MimeEntity.parse(smime.content()).contentType().getParameter("protocol")).isEqualTo("application/pkcs7-signature");
        assertThat(MimeEntity.parse(pgp.content()).contentType().getParameter("protocol")).isEqualTo("application/pgp-signature");
    }

    @Test
    void message_calendarRelatedAndReply_carryWhatTheirKindPromises() {
        MimeEntity calendar = MimeEntity.parse(BridgeCorpus.message(SEED, 9, "calendar").content());
        assertThat(BridgeComparison.leaves(calendar)).extracting(BridgeComparison.Leaf::mediaType).contains("text/calendar");
        assertThat(BridgeComparison.leaves(calendar)).filteredOn(l -> l.mediaType().equals("text/calendar")).hasSize(1);
        MimeEntity related = MimeEntity.parse(BridgeCorpus.message(SEED, 3, "related").content());
        assertThat(BridgeComparison.shape(related)).startsWith("multipart/alternative(text/plain,multipart/related(text/html,image/png");
        assertThat(BridgeComparison.leaves(related)).filteredOn(l -> l.mediaType().equals("image/png"))
                .allMatch(l -> l.contentId().startsWith("<img") && l.disposition().equals("inline"));
        TestMessage reply = BridgeCorpus.message(SEED, 12, "reply");
        assertThat(header(reply, "In-Reply-To")).hasSize(1);
        assertThat(HeaderValues.messageIds(header(reply, "References").getFirst())).hasSize(3)
                .endsWith(header(reply, "In-Reply-To").getFirst());
    }

    private static List<String> kindsAndLarge() {
        List<String> kinds = new java.util.ArrayList<>(BridgeCorpus.KINDS);
        kinds.add("large-2");
        return kinds;
    }

    static List<String> header(TestMessage m, String name) {
        return MimeEntity.header(m.content()).stream().filter(f -> f.name().equalsIgnoreCase(name)).map(MimeEntity.Field::value).toList();
    }
}
