package sempgw.core.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SuiteId;
import sempgw.core.envelope.Envelope;
import sempgw.core.envelope.EnvelopeCanonical;
import sempgw.core.envelope.EnvelopeCodec;
import sempgw.core.envelope.EnvelopePadding;
import sempgw.core.envelope.ReceivedEnvelope;
import sempgw.core.envelope.SizeBuckets;
import sempgw.core.envelope.TestWorld;
import sempgw.core.envelope.compose.Draft;
import sempgw.core.envelope.enclosure.Enclosure;
import sempgw.core.envelope.enclosure.EnclosureCodec;
import sempgw.core.envelope.enclosure.EnclosureSignatures;
import sempgw.core.envelope.enclosure.IdentitySignature;
import sempgw.core.json.CanonicalJson;
import sempgw.core.json.ElidedCanonical;
import sempgw.core.json.Elision;
import sempgw.core.json.JsonString;

/**
 * The canonical JSON of one message without its cryptography (1 recipient, 5 KB body, as
 * {@link EnvelopeBenchmark}): each consumer encoding afresh against the bytes encoded once and
 * reused, in the same JVM. The seal is that of an envelope composed for a session id 26
 * characters shorter than the one it leaves in, as the bridge composes for none, so the padding
 * is cut. Not in {@code bench/core-bench.sh}'s default groups; run directly or with
 * {@code sempgw.core.bench.CpuPerOp EnvelopeJsonBenchmark <method> suite=<suite>}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EnvelopeJsonBenchmark {
    private static final String SIGNATURE = "A".repeat(86) + "==";
    private static final String MAC = "A".repeat(43) + "=";
    private static final List<String> SENDER_VALUE = List.of("sender_signature", "value");
    private static final Elision SENDER_SCOPE = Elision.builder().blank(SENDER_VALUE.toArray(String[]::new)).build();
    /** Draws nothing here: the padding is only cut. */
    private static final RandomSource RANDOM = RandomSource.secure();

    @Param({"x25519-chacha20-poly1305", "pq-kyber768-x25519"})
    public String suite;

    private Envelope placed;
    private Enclosure blankEnclosure;
    private Enclosure signedEnclosure;
    private ReceivedEnvelope received;

    @Setup
    public void setUp() throws Exception {
        TestWorld w = TestWorld.of(SuiteId.parse(suite).orElseThrow());
        Draft draft = TestWorld.draft("Quarterly numbers", "Lorem ipsum dolor sit amet. ".repeat(183), "bob@b.example");
        Envelope composed = w.compose(draft).getFirst().envelope();
        placed = composed.withPostmark(composed.postmark().withSessionId(TestWorld.SESSION + TestWorld.SESSION))
                .withSeal(composed.seal().withSignature(w.signingKey.keyId().hex(), SIGNATURE, MAC));
        blankEnclosure = draft.enclosure().withSenderSignature(IdentitySignature.unsigned(w.identityKey.keyId().hex()));
        signedEnclosure = EnclosureSignatures.sign(draft.enclosure(), w.identityKey);
        received = EnvelopeCodec.decode(EnvelopeCodec.encode(w.seal(composed)), Integer.MAX_VALUE);
    }

    /**
     * Sealing's JSON, each consumer encoding afresh: measure the wire size to fit the padding,
     * canonicalize for the seal, encode the wire, canonicalize again for the receipt check.
     */
    @Benchmark
    public int sealJsonAfresh() {
        Envelope padded = EnvelopePadding.fit(placed, SizeBuckets.standard(), RANDOM).orElseThrow();
        Envelope sealed = padded.withSeal(padded.seal().withSignature(padded.seal().keyId(), SIGNATURE, MAC));
        return EnvelopeCanonical.of(padded).length + EnvelopeCodec.encode(sealed).length + EnvelopeCanonical.of(sealed).length;
    }

    /** {@link #sealJsonAfresh} as {@code EnvelopeSealer.sealForWire} does it: canonicalize once, count and put the wire together. */
    @Benchmark
    public int sealJsonReused() {
        ElidedCanonical c = EnvelopeCanonical.elided(placed);
        String padding = EnvelopePadding.paddingFor(EnvelopeCanonical.wireLength(c, SIGNATURE, MAC, ""), placed.padding(),
                SizeBuckets.standard(), RANDOM).orElseThrow();
        return c.bytes().length + EnvelopeCanonical.wire(c, SIGNATURE, MAC, padding).length;
    }

    /** The sender signature's JSON afresh: the signed input, then the signed enclosure for encryption. */
    @Benchmark
    public int enclosureJsonAfresh() {
        return CanonicalJson.encode(EnclosureCodec.toJson(blankEnclosure), SENDER_SCOPE).length + EnclosureCodec.encode(signedEnclosure).length;
    }

    /** {@link #enclosureJsonAfresh} as {@code EnclosureSignatures.signedPlaintext} does it: the signed input, the value put in. */
    @Benchmark
    public int enclosureJsonReused() {
        ElidedCanonical c = CanonicalJson.encodeElided(EnclosureCodec.toJson(blankEnclosure), SENDER_SCOPE);
        String value = signedEnclosure.senderSignature().orElseThrow().value();
        return c.bytes().length + c.restore(Map.of(SENDER_VALUE, JsonString.of(value))).length;
    }

    /** The canonical bytes of a received envelope, which the receive pipeline now computes once per envelope instead of twice. */
    @Benchmark
    public byte[] receivedCanonical() {
        return received.canonicalBytes();
    }
}
