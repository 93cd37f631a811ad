package sempgw.core.envelope;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import sempgw.core.json.CanonicalJson;
import sempgw.core.json.JsonBool;
import sempgw.core.json.JsonNull;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonValue;

/**
 * Rules for an {@code extensions} object: entries are {@code {"required": bool, "data": ...}}
 * keyed by a namespaced id (EXTENSIONS.md §2), bounded in size per layer (§4.1), and an unknown
 * entry with {@code required: true} rejects the message (§3.1).
 *
 * <pre>{@code
 * JsonObject ext = JsonObject.builder().put("vendor.example/x", Extensions.entry(false, data)).build();
 * }</pre>
 */
public final class Extensions {
    /** The longest extension key, in UTF-8 bytes (EXTENSIONS.md §2.3). */
    public static final int MAX_KEY_BYTES = 128;

    private Extensions() {
    }

    /** One extension entry (EXTENSIONS.md §2.1). */
    public static JsonObject entry(boolean required, JsonValue data) {
        return JsonObject.builder().put("required", JsonBool.of(required)).put("data", data).build();
    }

    /**
     * {@code extensions} as semp-go re-encodes it: each object entry reduced to exactly
     * {@code required} (false when not a boolean) and {@code data} (null when absent); go's
     * {@code extensions.Entry} drops any other member (SPEC-DIGEST-WIRE §2.4), and a signature
     * over members go drops would not verify there. Entries that are not objects, which go cannot
     * decode at all, are kept as they are.
     */
    public static JsonObject goShape(JsonObject extensions) {
        if (extensions.isEmpty()) {
            return extensions;
        }
        JsonObject.Builder b = JsonObject.builder();
        for (Map.Entry<String, JsonValue> e : extensions.members().entrySet()) {
            if (e.getValue() instanceof JsonObject entry && !(entry.size() == 2 && entry.getOrNull("required") instanceof JsonBool
                    && entry.has("data"))) {
                JsonValue data = entry.getOrNull("data");
                b.put(e.getKey(), entry(entry.getOrNull("required") == JsonBool.TRUE, data == null ? JsonNull.INSTANCE : data));
            } else {
                b.put(e.getKey(), e.getValue());
            }
        }
        return b.build();
    }

    /** The serialized size of {@code extensions} in bytes, as measured by EXTENSIONS.md §4.1. */
    public static int size(JsonObject extensions) {
        return extensions.isEmpty() ? 0 : CanonicalJson.encode(extensions).length;
    }

    /** True when {@code extensions} is within what we accept at {@code layer} (EXTENSIONS.md §4.2). */
    public static boolean withinReceiveLimit(ExtensionLayer layer, JsonObject extensions) {
        return size(extensions) <= layer.receiveLimit();
    }

    /** True when {@code extensions} is within what we send at {@code layer}. */
    public static boolean withinSendLimit(ExtensionLayer layer, JsonObject extensions) {
        return size(extensions) <= layer.sendLimit();
    }

    /**
     * The first entry marked {@code required: true} whose id is not in {@code supported}
     * (EXTENSIONS.md §3.1), in key order so the answer is deterministic. An entry that is not an
     * object with a boolean {@code required} cannot demand anything and is ignored (§3.2).
     */
    public static Optional<String> firstUnsupportedRequired(JsonObject extensions, Set<String> supported) {
        String first = null;
        for (Map.Entry<String, JsonValue> e : extensions.members().entrySet()) {
            if (e.getValue() instanceof JsonObject entry && entry.getOrNull("required") == JsonBool.TRUE
                    && !supported.contains(e.getKey()) && (first == null || e.getKey().compareTo(first) < 0)) {
                first = e.getKey();
            }
        }
        return Optional.ofNullable(first);
    }

    /**
     * Whether {@code key} is a well-formed extension key (EXTENSIONS.md §2.3): at most
     * {@value #MAX_KEY_BYTES} UTF-8 bytes; no whitespace, control or format character, backslash or
     * lone surrogate; and namespaced, either {@code x-<name>} or {@code <namespace>/<name>} with that
     * single {@code /}, both parts non-empty. Only such a key is echoed back in a rejection.
     */
    public static boolean wellFormedKey(String key) {
        if (key.isEmpty() || key.length() > MAX_KEY_BYTES) {
            return false;
        }
        for (int i = 0; i < key.length(); ) {
            int c = key.codePointAt(i);
            int type = Character.getType(c);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || type == Character.CONTROL || type == Character.FORMAT
                    || type == Character.SURROGATE || c == '\\') {
                return false;
            }
            i += Character.charCount(c);
        }
        if (key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
            return false;
        }
        int slash = key.indexOf('/');
        if (slash < 0) {
            return key.startsWith("x-") && key.length() > 2;
        }
        return slash > 0 && slash < key.length() - 1 && key.indexOf('/', slash + 1) < 0;
    }
}
