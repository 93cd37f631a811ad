package sempgw.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/configuration.md documents every key the records have, and no key they lack. */
final class ConfigDocumentationTest {
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z_.]+)` \\| ([^|]+) \\| (.+) \\|$", Pattern.MULTILINE);

    static Path doc() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("docs/configuration.md");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("docs/configuration.md not found above " + Path.of("").toAbsolutePath());
    }

    static Set<String> documentedKeys() throws IOException {
        Set<String> keys = new LinkedHashSet<>();
        Matcher m = ROW.matcher(Files.readString(doc()));
        while (m.find()) {
            assertThat(m.group(2).strip()).as("default of %s", m.group(1)).isNotEmpty();
            assertThat(m.group(3).strip()).as("meaning of %s", m.group(1)).hasSizeGreaterThan(10);
            keys.add(m.group(1));
        }
        return keys;
    }

    /** The keys the records define: component names in snake_case, nested *Config records as tables. */
    static List<String> recordKeys(Class<?> record, String prefix) {
        List<String> keys = new ArrayList<>();
        for (RecordComponent c : record.getRecordComponents()) {
            String name = prefix + c.getName().replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
            if (c.getType().isRecord() && c.getType().getSimpleName().endsWith("Config")) {
                keys.addAll(recordKeys(c.getType(), name + "."));
            } else {
                keys.add(name);
            }
        }
        return keys;
    }

    @Test
    void everyRecordKey_isDocumented() throws IOException {
        assertThat(documentedKeys()).containsAll(recordKeys(GatewayConfig.class, ""));
    }

    @Test
    void everyRecordKey_isReadByTheLoader() {
        assertThat(ConfigLoader.keys()).containsExactlyInAnyOrderElementsOf(recordKeys(GatewayConfig.class, ""));
    }

    @Test
    void everyDocumentedKey_exists() throws IOException {
        assertThat(ConfigLoader.keys()).containsAll(documentedKeys());
    }

    @Test
    void documentedDefaults_matchThePrintedDefaults() throws IOException {
        String printed = ConfigPrinter.toToml(GatewayConfig.defaults());
        Matcher m = ROW.matcher(Files.readString(doc()));
        int checked = 0;
        while (m.find()) {
            String documented = m.group(2).strip();
            boolean literal = documented.matches("`(\"[^\"<]*\"|[0-9]+|true|false|\\[.*\\])`");
            if (literal) {
                String key = m.group(1);
                int dot = key.lastIndexOf('.');
                String table = dot < 0 ? "" : key.substring(0, dot);
                assertThat(tableLines(printed, table)).as("default of %s", key)
                        .contains(key.substring(dot + 1) + " = " + documented.replace("`", ""));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(39);
    }

    /** The lines of one table ({@code ""}: the top level) of printed TOML. */
    private static List<String> tableLines(String toml, String table) {
        List<String> lines = new ArrayList<>();
        String current = "";
        for (String line : toml.split("\n")) {
            if (line.startsWith("[")) {
                current = line.substring(1, line.length() - 1);
            } else if (current.equals(table)) {
                lines.add(line);
            }
        }
        return lines;
    }
}
