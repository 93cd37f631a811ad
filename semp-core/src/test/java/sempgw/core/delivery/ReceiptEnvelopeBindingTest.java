package sempgw.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import sempgw.core.crypto.SuiteId;
import sempgw.core.envelope.Envelope;
import sempgw.core.envelope.EnvelopeCanonical;
import sempgw.core.envelope.EnvelopeCodec;
import sempgw.core.envelope.ReceivedEnvelope;
import sempgw.core.envelope.TestWorld;
import sempgw.core.json.CanonicalJson;
import sempgw.core.json.JsonNumber;
import sempgw.core.json.JsonObject;

/**
 * The receipt binds the envelope through the ENVELOPE.md §4.3 canonical bytes (DELIVERY.md
 * §1.1.1.3): the sender computes them from its sealed {@code Envelope}, the recipient from the
 * tree it received, and a relay's {@code hop_count} does not change them.
 */
final class ReceiptEnvelopeBindingTest {
    static final TestWorld W = TestWorld.of(SuiteId.X25519_CHACHA20_POLY1305);

    @Test
    void issueOnReceivedTree_verifyOnSentEnvelope_bindsAcrossHopCount() throws Exception {
        Envelope sealed = W.seal(W.compose(TestWorld.draft("hello", "text", "bob@b.example")).getFirst().envelope());
        JsonObject tree = EnvelopeCodec.toJson(sealed);
        JsonObject relayed = tree.with("postmark", ((JsonObject) tree.getOrNull("postmark")).with("hop_count", JsonNumber.of(2)));
        ReceivedEnvelope received = EnvelopeCodec.decode(CanonicalJson.encode(relayed), 26_214_400);

        DeliveryReceipt receipt = DeliveryReceipt.issue(received.canonicalBytes(), "b.example", TestWorld.NOW, DeliveryReceiptTest.KEY);

        assertThat(received.canonicalBytes()).isEqualTo(EnvelopeCanonical.of(sealed));
        assertThat(receipt.verify(EnvelopeCanonical.of(sealed), "b.example", List.of(DeliveryReceiptTest.KEY.publicKey()), TestWorld.NOW))
                .isEmpty();
    }

    @Test
    void verify_otherEnvelopeOfSameSender_reportsHashMismatch() throws Exception {
        Envelope first = W.seal(W.compose(TestWorld.draft("one", "text", "bob@b.example")).getFirst().envelope());
        Envelope second = W.seal(W.compose(TestWorld.draft("two", "text", "bob@b.example")).getFirst().envelope());

        DeliveryReceipt receipt = DeliveryReceipt.issue(EnvelopeCanonical.of(first), "b.example", TestWorld.NOW, DeliveryReceiptTest.KEY);

        assertThat(receipt.verify(EnvelopeCanonical.of(second), "b.example", List.of(DeliveryReceiptTest.KEY.publicKey()), TestWorld.NOW))
                .hasValueSatisfying(w -> assertThat(w).contains("envelope_hash"));
    }
}
