package sempgw.app.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.SequencedSet;

/** Reads the TOML configuration file into a {@link GatewayConfig}, or says precisely what is wrong. */
public final class ConfigLoader {
    private static final TomlMapper TOML = new TomlMapper();

    private ConfigLoader() {
    }

    /** @throws ConfigException if the file cannot be read, is not TOML, or holds a bad value or unknown key */
    public static GatewayConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("cannot read configuration file " + FileErrors.describe(e), e);
        }
        try {
            return parse(text);
        } catch (ConfigException e) {
            if (e.key().isEmpty()) {
                throw new ConfigException(file + ": " + e.getMessage(), e);
            }
            throw e;
        }
    }

    /** @throws ConfigException if the text is not TOML or holds a bad value or unknown key */
    public static GatewayConfig parse(String toml) {
        return GatewayConfig.read(TomlTable.root(tree(toml), new LinkedHashSet<>()));
    }

    /** Every key the configuration knows, fully qualified ({@code smtp.listen}), in file order. */
    public static SequencedSet<String> keys() {
        SequencedSet<String> keys = new LinkedHashSet<>();
        GatewayConfig.read(TomlTable.root(tree(""), keys));
        return Collections.unmodifiableSequencedSet(keys);
    }

    private static com.fasterxml.jackson.databind.JsonNode tree(String toml) {
        try {
            return TOML.readTree(toml);
        } catch (JacksonException e) {
            throw new ConfigException("not valid TOML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
        }
    }
}
