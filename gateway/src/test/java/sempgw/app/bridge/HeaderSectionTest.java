package sempgw.app.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class HeaderSectionTest {

    @Test
    void values_foldedFieldAnyCase_unfoldedValue() throws IOException {
        HeaderSection h = read("Subject: x\r\nsemp-require: \r\n yes\r\nTo: a@b\r\n\r\nSEMP-Require: no\r\n");

        assertThat(h.values("SEMP-Require")).containsExactly("yes");
    }

    @Test
    void rewrite_dropsFieldWithContinuation_addsFirst_bodyUntouched() throws IOException {
        String message = "Subject: x\r\nSEMP-Require: yes\r\n (really)\r\nTo: a@b\r\n\r\nSEMP-Require: body line\r\n";
        InputStream in = new ByteArrayInputStream(message.getBytes(StandardCharsets.UTF_8));

        String out = new String(HeaderSection.read(in).rewrite(in, Set.of("semp-require"), List.of("SEMP-Capability: 1")).readAllBytes(),
                StandardCharsets.UTF_8);

        assertThat(out).isEqualTo("SEMP-Capability: 1\r\nSubject: x\r\nTo: a@b\r\n\r\nSEMP-Require: body line\r\n");
    }

    @Test
    void rewrite_prefixOfAnotherName_kept() throws IOException {
        String message = "SEMP-Require-Not: yes\r\n\r\nbody\r\n";
        InputStream in = new ByteArrayInputStream(message.getBytes(StandardCharsets.UTF_8));

        assertThat(new String(HeaderSection.read(in).rewrite(in, Set.of("semp-require"), List.of()).readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo(message);
    }

    @Test
    void rewrite_contentEndsWithoutEmptyLine_headerThroughToTheEnd() throws IOException {
        String message = "Subject: x\r\nSEMP-Require: yes";
        InputStream in = new ByteArrayInputStream(message.getBytes(StandardCharsets.UTF_8));
        HeaderSection h = HeaderSection.read(in);

        assertThat(h.values("SEMP-Require")).containsExactly("yes");
        assertThat(new String(h.rewrite(in, Set.of("semp-require"), List.of("X: 1")).readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo("X: 1\r\nSubject: x\r\n");
    }

    @Test
    void rewrite_headerSectionLongerThanTheLimit_passesUnchanged() throws IOException {
        String message = "X-Long: " + "a".repeat(HeaderSection.MAX_HEADER) + "\r\nSEMP-Require: yes\r\n\r\nbody\r\n";
        InputStream in = new ByteArrayInputStream(message.getBytes(StandardCharsets.UTF_8));
        HeaderSection h = HeaderSection.read(in);

        assertThat(h.values("SEMP-Require")).isEmpty();
        assertThat(new String(h.rewrite(in, Set.of("semp-require"), List.of("X: 1")).readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(message);
    }

    @Test
    void rewrite_bareLineFeeds_recognisedAndKept() throws IOException {
        String message = "Subject: x\nSEMP-Require: yes\n\nbody\n";
        InputStream in = new ByteArrayInputStream(message.getBytes(StandardCharsets.UTF_8));

        assertThat(new String(HeaderSection.read(in).rewrite(in, Set.of("semp-require"), List.of()).readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo("Subject: x\n\nbody\n");
    }

    private static HeaderSection read(String message) throws IOException {
        return HeaderSection.read(new ByteArrayInputStream(message.getBytes(StandardCharsets.UTF_8)));
    }
}
