package sempgw.core.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;
import sempgw.core.crypto.RandomSource;
import sempgw.core.crypto.SuiteId;

/** Size buckets and filler (ENVELOPE.md §2.4) and recipient-count buckets (§4.4.1). */
final class PaddingTest {
    private static final RandomSource SEEDED = new Random(7)::nextBytes;

    @Test
    void standard_defaultMax_isPowersOfTwoFrom4096To16MiBThenMax() {
        List<Integer> b = SizeBuckets.standard().buckets();
        assertThat(b).hasSize(14).startsWith(4096, 8192).contains(16_777_216);
        assertThat(b.getLast()).isEqualTo(26_214_400);
    }

    @Test
    void standard_smallMax_endsAtMax() {
        assertThat(SizeBuckets.standard(10_000).buckets()).containsExactly(4096, 8192, 10_000);
        assertThat(SizeBuckets.standard(8192).buckets()).containsExactly(4096, 8192);
    }

    @Test
    void custom_validSequence_isClosedByMax() {
        SizeBuckets b = SizeBuckets.custom(List.of(4096, 6144, 8192, 12_288), 65_536);
        assertThat(b.buckets()).containsExactly(4096, 6144, 8192, 12_288, 65_536);
        assertThat(b.bucketFor(6000)).isEqualTo(OptionalInt.of(6144));
        assertThat(b.bucketFor(20_000)).isEqualTo(OptionalInt.of(65_536));
    }

    @Test
    void custom_belowFloorOrNotIncreasingOrAboveMax_isRefused() {
        assertThatThrownBy(() -> SizeBuckets.custom(List.of(2048, 4096), 65_536)).hasMessageContaining("4096");
        assertThatThrownBy(() -> SizeBuckets.custom(List.of(4096, 4096), 65_536)).hasMessageContaining("increasing");
        assertThatThrownBy(() -> SizeBuckets.custom(List.of(4096, 131_072), 65_536)).hasMessageContaining("max_envelope_size");
    }

    @Test
    void generate_anyLength_isExactlyThatManyBase64AlphabetCharacters() {
        for (int n = 0; n < 70; n++) {
            String p = Padding.generate(n, SEEDED);
            assertThat(p).hasSize(n).matches("[A-Za-z0-9+/]*");
        }
    }

    @Test
    void generate_twice_differs() {
        assertThat(Padding.generate(64, RandomSource.secure())).isNotEqualTo(Padding.generate(64, RandomSource.secure()));
    }

    @Test
    void resize_shorterOrLonger_keepsPrefixAndHitsLength() {
        String p = Padding.generate(40, SEEDED);
        assertThat(Padding.resize(p, 10, SEEDED)).isEqualTo(p.substring(0, 10));
        assertThat(Padding.resize(p, 47, SEEDED)).startsWith(p).hasSize(47);
        assertThat(Padding.isFiller(p)).isTrue();
        assertThat(Padding.isFiller("ab\"c")).isFalse();
    }

    @Test
    void fit_composedEnvelope_landsOnABucketAndIsIdempotent() throws Exception {
        TestWorld w = TestWorld.of(SuiteId.X25519_CHACHA20_POLY1305);
        Envelope e = w.seal(w.compose(TestWorld.draft("hello", "x".repeat(5000), "bob@b.example")).getFirst().envelope());
        int size = EnvelopePadding.wireLength(e);
        assertThat(SizeBuckets.standard().isBucket(size)).isTrue();
        assertThat(size).isGreaterThan(5000);
        assertThat(EnvelopePadding.fit(e, SizeBuckets.standard(), SEEDED)).hasValue(e);
        Envelope bigger = e.withPadding(e.padding() + "AAAA");
        assertThat(EnvelopePadding.wireLength(EnvelopePadding.fit(bigger, SizeBuckets.standard(), SEEDED).orElseThrow())).isEqualTo(size);
        assertThat(EnvelopePadding.fit(e.withPadding(""), SizeBuckets.standard(4096), SEEDED)).isEmpty();
    }

    @Test
    void fit_paddingWithCharactersNeedingEscapes_isReplaced() throws Exception {
        TestWorld w = TestWorld.of(SuiteId.X25519_CHACHA20_POLY1305);
        Envelope e = w.compose(TestWorld.draft("hi", "short", "bob@b.example")).getFirst().envelope().withPadding("\"<>\u00e9");
        Envelope fitted = EnvelopePadding.fit(e, SizeBuckets.standard(), SEEDED).orElseThrow();
        assertThat(Padding.isFiller(fitted.padding())).isTrue();
        assertThat(EnvelopePadding.wireLength(fitted)).isEqualTo(4096);
    }

    @Test
    void paddingFor_unpaddedLength_isThePaddingFitGives() throws Exception {
        TestWorld w = TestWorld.of(SuiteId.X25519_CHACHA20_POLY1305);
        Envelope e = w.seal(w.compose(TestWorld.draft("hi", "short", "bob@b.example")).getFirst().envelope());
        int unpadded = EnvelopePadding.wireLength(e.withPadding(""));
        String escaped = "\"<>\u00e9" + "A".repeat(e.padding().length() - 16);

        assertThat(EnvelopePadding.paddingFor(unpadded, e.padding(), SizeBuckets.standard(), SEEDED)).hasValue(e.padding());
        assertThat(EnvelopePadding.wireLength(e.withPadding(escaped))).isEqualTo(EnvelopePadding.wireLength(e));
        assertThat(EnvelopePadding.paddingFor(unpadded, escaped, SizeBuckets.standard(), SEEDED)).hasValue(escaped);
        assertThat(EnvelopePadding.paddingFor(unpadded, "AB", SizeBuckets.standard(), new Random(3)::nextBytes))
                .isEqualTo(EnvelopePadding.fit(e.withPadding("AB"), SizeBuckets.standard(), new Random(3)::nextBytes).map(Envelope::padding));
        assertThat(EnvelopePadding.paddingFor(unpadded, "<", SizeBuckets.standard(), new Random(3)::nextBytes))
                .isEqualTo(EnvelopePadding.fit(e.withPadding("<"), SizeBuckets.standard(), new Random(3)::nextBytes).map(Envelope::padding));
    }

    @Test
    void recipientBuckets_briefEntries_addDomainBucket() {
        assertThat(RecipientBuckets.briefEntries(1, 1)).isEqualTo(2);
        assertThat(RecipientBuckets.briefEntries(1, 2)).isEqualTo(3);
        assertThat(RecipientBuckets.briefEntries(4, 3)).isEqualTo(8);
        assertThat(RecipientBuckets.briefEntries(1024, 0)).isEqualTo(1025);
        assertThat(RecipientBuckets.enclosureBucket(1024)).hasValue(1024);
        assertThat(RecipientBuckets.enclosureBucket(1025)).isEmpty();
        assertThatThrownBy(() -> RecipientBuckets.enclosureBucket(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
