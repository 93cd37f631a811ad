package sempgw.core.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import sempgw.core.crypto.HmacSha256;
import sempgw.core.crypto.SecretBytes;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonParser;
import sempgw.core.testing.SharedFiles;

/**
 * VECTORS.md §3 (canonicalization, size buckets, recipient buckets) and §6.1 (session MAC), read
 * from the spec in place. Rows the normative text overrides are listed and checked as such.
 */
final class SpecEnvelopeVectorsTest {
    private static final String VECTORS = SharedFiles.spec("VECTORS.md");
    /** K_env_mac of VECTORS.md §2.1 / §6.1. */
    private static final SecretBytes K_ENV_MAC = SecretBytes.copyOf(HexFormat.of().parseHex(
            "32925224f762c4f921db929271bfdc5e911b0d877bc30cd4695f9d6530337c02"));

    private static String section(String start, String end) {
        int s = VECTORS.indexOf(start);
        return VECTORS.substring(s, VECTORS.indexOf(end, s));
    }

    private static List<String> codeBlocks(String section) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("```[a-z]*\\n(.*?)```", Pattern.DOTALL).matcher(section);
        while (m.find()) {
            out.add(m.group(1).strip());
        }
        return out;
    }

    private static ReceivedEnvelope decode(String json) throws Exception {
        return EnvelopeCodec.decode(json.getBytes(StandardCharsets.UTF_8), Integer.MAX_VALUE);
    }

    @Test
    void canonical_minimalEnvelope_vector31() throws Exception {
        List<String> blocks = codeBlocks(section("### 3.1", "### 3.2"));
        assertThat(new String(decode(blocks.get(0)).canonicalBytes(), StandardCharsets.UTF_8)).isEqualTo(blocks.get(1));
    }

    @Test
    void canonical_envelopeWithExtensions_vector32() throws Exception {
        List<String> blocks = codeBlocks(section("### 3.2", "### 3.3"));
        assertThat(new String(decode(blocks.get(0)).canonicalBytes(), StandardCharsets.UTF_8)).isEqualTo(blocks.get(1));
    }

    @Test
    void sessionMac_minimalEnvelope_vector61() throws Exception {
        byte[] canonical = decode(codeBlocks(section("### 3.1", "### 3.2")).get(0)).canonicalBytes();
        String expected = codeBlocks(section("### 6.1", "## 7.")).stream().flatMap(String::lines)
                .filter(l -> l.startsWith("Base64:")).findFirst().orElseThrow().substring("Base64:".length()).strip();
        assertThat(java.util.Base64.getEncoder().encodeToString(HmacSha256.INSTANCE.compute(K_ENV_MAC, canonical))).isEqualTo(expected);
    }

    @Test
    void sessionMac_minimalEnvelopeReencodedWithGoFieldSets_matchesGoProfileValue() throws Exception {
        ReceivedEnvelope r = decode(codeBlocks(section("### 3.1", "### 3.2")).get(0));
        byte[] goProfile = EnvelopeCanonical.of(r.envelope());
        String text = new String(goProfile, StandardCharsets.UTF_8);
        assertThat(text).contains("\"first_contact_token\":null").doesNotContain("extensions");
        assertThat(HexFormat.of().formatHex(HmacSha256.INSTANCE.compute(K_ENV_MAC, goProfile)))
                .isEqualTo("9e03b42c2faf3e11fcfa3735902d9af492cbabd12754195a11412b932a2bc109");
    }

    @Test
    void sizeBuckets_vector33_rowsBelowTheFloorAreStaleAndGiveTheFloor() {
        Matcher row = Pattern.compile("\\|\\s*(\\d+)\\s*\\|\\s*(\\d+|`max_envelope_size`)\\s*\\|").matcher(section("### 3.3", "### 3.4"));
        SizeBuckets buckets = SizeBuckets.standard();
        List<Long> stale = new ArrayList<>();
        int rows = 0;
        while (row.find()) {
            rows++;
            long unpadded = Long.parseLong(row.group(1));
            int listed = row.group(2).startsWith("`") ? buckets.max() : Integer.parseInt(row.group(2));
            int expected = listed < SizeBuckets.FLOOR ? SizeBuckets.FLOOR : listed;
            if (listed != expected) {
                stale.add(unpadded);
            }
            assertThat(buckets.bucketFor(unpadded)).as("unpadded %d", unpadded).isEqualTo(OptionalInt.of(expected));
        }
        assertThat(rows).isEqualTo(15);
        assertThat(stale).containsExactly(1L, 1023L, 1024L, 1025L, 2048L);
        assertThat(buckets.bucketFor(buckets.max() + 1L)).isEmpty();
    }

    @Test
    void recipientBuckets_vector34_followsNormativeTextForTheGroupRow() {
        Matcher row = Pattern.compile("\\|\\s*(\\d+)( \\(([^)]*)\\))?\\s*\\|\\s*(\\d+|\\(exceeds[^|]*)").matcher(section("### 3.4", "## 4."));
        int rows = 0;
        while (row.find()) {
            rows++;
            int real = Integer.parseInt(row.group(1));
            if (row.group(4).startsWith("(exceeds")) {
                assertThat(RecipientBuckets.enclosureBucket(real)).isEmpty();
            } else if ("group or multi-domain".equals(row.group(3))) {
                assertThat(row.group(4).strip()).isEqualTo("2");
                assertThat(RecipientBuckets.enclosureBucket(real)).isEqualTo(OptionalInt.of(1));
            } else {
                assertThat(RecipientBuckets.enclosureBucket(real)).isEqualTo(OptionalInt.of(Integer.parseInt(row.group(4).strip())));
            }
        }
        assertThat(rows).isEqualTo(13);
    }

    @Test
    void canonical_vector31Input_isAlsoParsedStrictly() throws Exception {
        JsonObject tree = JsonParser.parseObject(codeBlocks(section("### 3.1", "### 3.2")).get(0).getBytes(StandardCharsets.UTF_8));
        assertThat(EnvelopeCodec.fromJson(tree).postmark().hopCount()).hasValue(2);
    }
}
