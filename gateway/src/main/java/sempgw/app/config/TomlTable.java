package sempgw.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One table of the TOML file, read key by key with a default for each. Every key read is
 * recorded (in {@code registry}, fully qualified), so that {@link #finish()} can reject the
 * keys nobody asked for and the documentation test can list every key there is.
 */
final class TomlTable {
    private final String prefix;
    private final JsonNode node;
    private final Set<String> registry;
    private final Set<String> read = new LinkedHashSet<>();

    private TomlTable(String prefix, JsonNode node, Set<String> registry) {
        this.prefix = prefix;
        this.node = node;
        this.registry = registry;
    }

    static TomlTable root(JsonNode node, Set<String> registry) {
        return new TomlTable("", node == null || node.isMissingNode() ? JsonNodeFactory.instance.objectNode() : node, registry);
    }

    TomlTable table(String name) {
        read.add(name);
        JsonNode child = present(node.get(name));
        if (child != null && !child.isObject()) {
            throw new ConfigException(qualify(name), render(child), "a table, written [" + qualify(name) + "]");
        }
        return new TomlTable(qualify(name) + ".", child == null ? JsonNodeFactory.instance.objectNode() : child, registry);
    }

    String string(String name, String fallback, Function<String, String> check) {
        return parsed(name, fallback, check);
    }

    Optional<String> optionalString(String name, Function<String, String> check) {
        return Optional.ofNullable(parsed(name, null, check));
    }

    Path path(String name, Path fallback) {
        return parsed(name, fallback, TomlTable::toPath);
    }

    Optional<Path> optionalPath(String name) {
        return Optional.ofNullable(parsed(name, null, TomlTable::toPath));
    }

    /** A string value converted by {@code parser}, which throws IllegalArgumentException("what is allowed"). */
    <T> T parsed(String name, T fallback, Function<String, T> parser) {
        JsonNode v = take(name);
        if (v == null) {
            return fallback;
        }
        if (!v.isTextual()) {
            throw new ConfigException(qualify(name), render(v), "a quoted string");
        }
        return convert(qualify(name), v, parser);
    }

    boolean bool(String name, boolean fallback) {
        JsonNode v = take(name);
        if (v == null) {
            return fallback;
        }
        if (!v.isBoolean()) {
            throw new ConfigException(qualify(name), render(v), "true or false (unquoted)");
        }
        return v.booleanValue();
    }

    int integer(String name, int fallback, int min, int max) {
        JsonNode v = take(name);
        if (v == null) {
            return fallback;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < min || v.intValue() > max) {
            throw new ConfigException(qualify(name), render(v), "an integer from " + min + " to " + max);
        }
        return v.intValue();
    }

    long size(String name, long fallback, long min, long max) {
        JsonNode v = take(name);
        if (v == null) {
            return fallback;
        }
        String allowed = ByteSizes.ALLOWED + ", from " + ByteSizes.format(min) + " to " + ByteSizes.format(max);
        long n;
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            n = v.longValue();
        } else if (v.isTextual()) {
            n = convert(qualify(name), v, s -> {
                try {
                    return ByteSizes.parse(s);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(allowed);
                }
            });
        } else {
            throw new ConfigException(qualify(name), render(v), allowed);
        }
        if (n < min || n > max) {
            throw new ConfigException(qualify(name), render(v), allowed);
        }
        return n;
    }

    Duration duration(String name, Duration fallback, Duration min, Duration max) {
        String allowed = Durations.ALLOWED + ", from " + Durations.format(min) + " to " + Durations.format(max);
        Duration d = parsed(name, fallback, s -> {
            try {
                return Durations.parse(s);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(allowed);
            }
        });
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw new ConfigException(qualify(name), render(node.get(name)), allowed);
        }
        return d;
    }

    /** An array of strings, each converted by {@code parser}. */
    <T> List<T> list(String name, List<T> fallback, Function<String, T> parser) {
        JsonNode v = take(name);
        if (v == null) {
            return fallback;
        }
        if (!v.isArray()) {
            throw new ConfigException(qualify(name), render(v), "an array of strings, for example [\"a\", \"b\"]");
        }
        List<T> out = new ArrayList<>();
        for (JsonNode element : v) {
            if (!element.isTextual()) {
                throw new ConfigException(qualify(name), render(element), "an array of quoted strings");
            }
            out.add(convert(qualify(name), element, parser));
        }
        return List.copyOf(out);
    }

    /** A table of string values ({@code "key" = "value"}), keys and values each converted. */
    <K, V> Map<K, V> map(String name, Function<String, K> keyParser, Function<String, V> valueParser) {
        JsonNode v = take(name);
        if (v == null) {
            return Map.of();
        }
        if (!v.isObject()) {
            throw new ConfigException(qualify(name), render(v), "a table of quoted strings, for example { \"example.org\" = \"[10.0.0.5]:25\" }");
        }
        Map<K, V> out = new LinkedHashMap<>();
        for (var field : v.properties()) {
            String key = qualify(name) + ".\"" + field.getKey() + "\"";
            K k = convert(key, JsonNodeFactory.instance.textNode(field.getKey()), keyParser);
            if (!field.getValue().isTextual()) {
                throw new ConfigException(key, render(field.getValue()), "a quoted string");
            }
            out.put(k, convert(key, field.getValue(), valueParser));
        }
        return Collections.unmodifiableMap(out);
    }

    /** Rejects every key of this table that no reader asked for. */
    void finish() {
        for (var field : node.properties()) {
            if (!read.contains(field.getKey())) {
                String table = prefix.isEmpty() ? "at the top level" : "in [" + prefix.substring(0, prefix.length() - 1) + "]";
                throw new ConfigException(qualify(field.getKey()), render(field.getValue()),
                        "no such key; the keys " + table + " are " + String.join(", ", read));
            }
        }
    }

    private JsonNode take(String name) {
        read.add(name);
        registry.add(qualify(name));
        return present(node.get(name));
    }

    private static JsonNode present(JsonNode v) {
        return v == null || v.isNull() || v.isMissingNode() ? null : v;
    }

    private String qualify(String name) {
        return prefix + name;
    }

    private static <T> T convert(String key, JsonNode v, Function<String, T> parser) {
        try {
            return parser.apply(v.textValue());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key, render(v), e.getMessage());
        }
    }

    private static Path toPath(String s) {
        if (s.isBlank() || s.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a file system path");
        }
        return Path.of(s);
    }

    private static String render(JsonNode v) {
        String s = v == null ? "(missing)" : v.toString();
        return s.length() > 120 ? s.substring(0, 117) + "..." : s;
    }
}
