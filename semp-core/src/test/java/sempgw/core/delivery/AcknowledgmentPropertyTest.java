package sempgw.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import sempgw.core.SempReason;
import sempgw.core.json.CanonicalJson;
import sempgw.core.json.JsonParser;

/** Encode and decode agree for any registered code, any text and any recipient list. */
final class AcknowledgmentPropertyTest {
    static final Instant NOW = Instant.parse("2026-06-01T12:00:01Z");

    @Property(tries = 200)
    void rejected_anyCodeTextAndRecipients_decodesToCleanedTextAndIsCanonical(
            @ForAll("codes") SempReason reason, @ForAll("text") String text, @ForAll("recipients") List<String> recipients) throws Exception {
        byte[] wire = AcknowledgmentCodec.encode(new Acknowledgment.Rejected("01JPROP", reason, text), recipients, NOW);

        assertThat(AcknowledgmentCodec.decode(wire)).isEqualTo(new Acknowledgment.Rejected("01JPROP", reason, Texts.clean(text)));
        assertThat(CanonicalJson.encode(JsonParser.parseObject(wire))).isEqualTo(wire);
        assertThat(JsonParser.parseObject(wire).requireArray("results").size()).isEqualTo(Math.max(1, recipients.size()));
    }

    @Property(tries = 30)
    void delivered_anyRecipients_decodesToTheSameReceipt(@ForAll("recipients") List<String> recipients) throws Exception {
        byte[] wire = AcknowledgmentCodec.encode(AcknowledgmentCodecTest.delivered(), recipients, NOW);

        assertThat(AcknowledgmentCodec.decode(wire)).isInstanceOfSatisfying(Acknowledgment.Delivered.class,
                d -> assertThat(d.receipt().orElseThrow().toJson()).isEqualTo(DeliveryReceiptTest.issued().toJson()));
        assertThat(CanonicalJson.encode(JsonParser.parseObject(wire))).isEqualTo(wire);
    }

    @Provide
    Arbitrary<SempReason> codes() {
        return Arbitraries.of(SempReason.class).filter(r -> r != SempReason.UNKNOWN);
    }

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.strings().all().ofMaxLength(700);
    }

    @Provide
    Arbitrary<List<String>> recipients() {
        return Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12).map(s -> s + "@b.example").list().ofMaxSize(20);
    }
}
