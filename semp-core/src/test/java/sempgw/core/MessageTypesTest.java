package sempgw.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import sempgw.core.testing.SharedFiles;

/** MessageTypes against the {@code type} values the spec documents themselves show. */
final class MessageTypesTest {
    private static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"(SEMP_[A-Z_]+)\"");

    @Test
    void defined_isExactlyEveryTypeValueTheSpecDocumentsShow() throws IOException {
        Set<String> shown = new TreeSet<>();
        try (Stream<Path> docs = Files.list(SharedFiles.shared().resolve("semp-spec"))) {
            for (Path doc : docs.filter(p -> p.toString().endsWith(".md")).toList()) {
                Matcher m = TYPE.matcher(Files.readString(doc));
                while (m.find()) {
                    shown.add(m.group(1));
                }
            }
        }
        assertThat(shown).containsExactlyInAnyOrderElementsOf(MessageTypes.DEFINED);
    }

    @Test
    void defined_typeOfALaterMinorOrAnotherSpelling_isNot() {
        assertThat(MessageTypes.defined("SEMP_FUTURE_NOTICE")).isFalse();
        assertThat(MessageTypes.defined("semp_handshake")).isFalse();
        assertThat(MessageTypes.defined("SEMP_HANDSHAKE")).isTrue();
    }
}
