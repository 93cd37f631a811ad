package sempgw.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import sempgw.core.envelope.brief.Brief;
import sempgw.core.envelope.brief.BriefCodec;
import sempgw.core.envelope.enclosure.Attachment;
import sempgw.core.envelope.enclosure.Enclosure;
import sempgw.core.envelope.enclosure.EnclosureCodec;
import sempgw.core.json.JsonObject;

/**
 * Golden files ({@code src/test/resources/golden/*.in, *.ref}): the exact draft JSON for a MIME
 * message and the exact MIME for a native envelope. A change to either is a change of the wire
 * or mailbox format and must be reviewed; set {@code -Dgolden.update=true} to rewrite the .ref files.
 */
final class GoldenFilesTest {

    @Test
    void mimeToSemp_alternativeWithAttachment_matchesGoldenDraft() throws Exception {
        OutboundMessage m = Fixtures.convert(resource("outbound-mixed.in"), Fixtures.context("bob@peer.example"));

        String json = new String(BriefCodec.encode(m.draft().brief()), StandardCharsets.UTF_8) + "\n"
                + new String(EnclosureCodec.encode(m.draft().enclosure()), StandardCharsets.UTF_8) + "\n";

        compare("outbound-mixed.ref", json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void sempToMime_nativeEnvelope_matchesGoldenMime() throws Exception {
        Brief b = new Brief("01JX8Z3V9Q2W5E7R1T3Y5U7I9O", "carol@native.example", List.of("bob@corp.example"), List.of("dave@corp.example"),
                List.of(), Optional.of("team@native.example"), Instant.parse("2025-06-08T10:15:30Z"), Optional.of("legacy:root@corp.example"),
                Optional.empty(), Optional.of("legacy:parent@corp.example"), JsonObject.EMPTY);
        Enclosure e = new Enclosure(Optional.of("Re: Planung für Q3"), "multipart/alternative",
                Map.of("text/plain", "Hallo Bob,\nanbei der Plan.\n", "text/html", "<p>Hallo Bob,</p><p>anbei der Plan.</p>"),
                List.of(Attachment.of("a1", "Plan Q3.pdf", "application/pdf", "%PDF-1.4 plan".getBytes(StandardCharsets.US_ASCII))),
                Optional.empty(), JsonObject.EMPTY, Optional.empty());

        compare("inbound-native.ref", NativeRenderTest.render(b, e));
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = GoldenFilesTest.class.getResourceAsStream("/golden/" + name)) {
            return in.readAllBytes();
        }
    }

    private static void compare(String name, byte[] actual) throws IOException {
        assertThat(actual).isNotEmpty();
        if (Boolean.getBoolean("golden.update")) {
            Files.write(Path.of("src/test/resources/golden", name), actual);
            return;
        }
        RoundTripTest.assertSameBytes(actual, resource(name), name);
    }
}
