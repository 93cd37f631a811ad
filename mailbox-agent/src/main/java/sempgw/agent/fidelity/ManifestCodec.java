package sempgw.agent.fidelity;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import sempgw.agent.mime.Charsets;
import sempgw.agent.mime.Slice;
import sempgw.core.json.JsonArray;
import sempgw.core.json.JsonBool;
import sempgw.core.json.JsonException;
import sempgw.core.json.JsonNumber;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonString;
import sempgw.core.json.JsonValue;

/**
 * The extension's {@code data} object to and from {@link Entity} values (schema in
 * docs/conversion.md). Bytes are a JSON string when they are well-formed UTF-8, else
 * {@code {"base64": "..."}}. Reading is strict: a missing or mistyped member, an unknown
 * encoding, a charset this JVM cannot encode, or nesting beyond {@link #MAX_DEPTH} makes the whole
 * extension unusable.
 */
final class ManifestCodec {
    /** The version of a manifest without body ranges, which receivers of the first schema read too. */
    static final int VERSION = 1;
    /** The version of a manifest with body ranges ({@link TextRange}). */
    static final int VERSION_RANGES = 2;
    static final int MAX_DEPTH = 24;

    private ManifestCodec() {
    }

    static JsonObject toData(Entity root) {
        return JsonObject.builder().put("version", usesRanges(root) ? VERSION_RANGES : VERSION).put("root", toJson(root)).build();
    }

    private static boolean usesRanges(Entity e) {
        return switch (e) {
            case Entity.TextRef t -> t.range().isPresent();
            case Entity.Multipart m -> m.parts().stream().anyMatch(ManifestCodec::usesRanges);
            default -> false;
        };
    }

    static JsonObject toJson(Entity e) {
        JsonObject.Builder o = JsonObject.builder();
        switch (e) {
            case Entity.TextRef t -> {
                o.put("header", bytes(t.header())).put("body", t.bodyKey()).put("encoding", recipe(t.recipe()));
                t.range().ifPresent(r -> o.put("range", JsonArray.of(JsonNumber.of(r.start()), JsonNumber.of(r.end()))));
            }
            case Entity.AttachmentRef a -> o.put("header", bytes(a.header())).put("attachment", a.attachmentId())
                    .put("encoding", recipe(a.recipe()));
            case Entity.Raw r -> o.put("header", bytes(r.header())).put("raw", bytes(r.body()));
            case Entity.Multipart m -> {
                List<JsonValue> parts = new ArrayList<>();
                m.parts().forEach(p -> parts.add(toJson(p)));
                List<JsonValue> seps = new ArrayList<>();
                m.separators().forEach(s -> seps.add(bytes(s)));
                o.put("header", bytes(m.header())).put("parts", JsonArray.of(parts)).put("separators", JsonArray.of(seps));
            }
            case Entity.Carrier c -> o.put("carrier", c.attachmentId());
        }
        return o.build();
    }

    static Entity fromData(JsonValue data) throws ManifestException {
        JsonObject o = object(data, "data");
        if (!(o.getOrNull("version") instanceof JsonNumber n)
                || !(n.text().equals(Integer.toString(VERSION)) || n.text().equals(Integer.toString(VERSION_RANGES)))) {
            throw new ManifestException("unsupported extension version");
        }
        return fromJson(o.getOrNull("root"), 1, n.text().equals(Integer.toString(VERSION_RANGES)));
    }

    private static Entity fromJson(JsonValue v, int depth, boolean ranges) throws ManifestException {
        if (depth > MAX_DEPTH) {
            throw new ManifestException("entity nesting deeper than " + MAX_DEPTH);
        }
        JsonObject o = object(v, "entity");
        if (o.has("carrier")) {
            return new Entity.Carrier(string(o, "carrier"));
        }
        Slice header = bytes(o.getOrNull("header"));
        if (o.has("body")) {
            return new Entity.TextRef(header, string(o, "body"), recipe(o.getOrNull("encoding"), true), range(o, ranges));
        }
        if (o.has("attachment")) {
            return new Entity.AttachmentRef(header, string(o, "attachment"), recipe(o.getOrNull("encoding"), false));
        }
        if (o.has("raw")) {
            return new Entity.Raw(header, bytes(o.getOrNull("raw")));
        }
        if (o.getOrNull("parts") instanceof JsonArray parts && o.getOrNull("separators") instanceof JsonArray seps) {
            if (parts.size() == 0 || seps.size() != parts.size() + 1) {
                throw new ManifestException("multipart needs parts and one separator more than parts");
            }
            List<Entity> children = new ArrayList<>(parts.size());
            for (JsonValue p : parts.elements()) {
                children.add(fromJson(p, depth + 1, ranges));
            }
            List<Slice> separators = new ArrayList<>(seps.size());
            for (JsonValue s : seps.elements()) {
                separators.add(bytes(s));
            }
            return new Entity.Multipart(header, separators, children);
        }
        throw new ManifestException("entity of unknown form");
    }

    private static JsonObject recipe(Recipe r) {
        JsonObject.Builder o = JsonObject.builder().put("cte", r.encoding().wire());
        if (r.encoding() != Recipe.Encoding.IDENTITY) {
            o.put("line", r.lineLength());
        }
        if (r.encoding() == Recipe.Encoding.BASE64) {
            o.put("final_eol", r.finalEol());
        }
        r.charset().ifPresent(cs -> o.put("charset", cs.name()).put("newline", r.crlf() ? "crlf" : "lf"));
        return o.build();
    }

    private static Recipe recipe(JsonValue v, boolean text) throws ManifestException {
        JsonObject o = object(v, "encoding");
        String cte = string(o, "cte");
        Recipe r = switch (cte) {
            case "identity" -> Recipe.identity();
            case "base64" -> {
                int line = integer(o, "line");
                if (line % 4 != 0) {
                    throw new ManifestException("base64 line length must be a multiple of 4");
                }
                yield Recipe.base64(line, o.getOrNull("final_eol") instanceof JsonBool b && b.value());
            }
            case "quoted-printable" -> {
                int line = integer(o, "line");
                if (line < 4) {
                    throw new ManifestException("quoted-printable line length below 4");
                }
                yield Recipe.quotedPrintable(line);
            }
            default -> throw new ManifestException("unknown transfer encoding");
        };
        if (!text) {
            return r;
        }
        String newline = string(o, "newline");
        if (!newline.equals("crlf") && !newline.equals("lf")) {
            throw new ManifestException("newline must be crlf or lf");
        }
        return r.forText(Charsets.forMime(string(o, "charset")).filter(Charset::canEncode)
                .orElseThrow(() -> new ManifestException("unsupported charset")), newline.equals("crlf"));
    }

    private static Optional<TextRange> range(JsonObject o, boolean allowed) throws ManifestException {
        JsonValue v = o.getOrNull("range");
        if (v == null) {
            return Optional.empty();
        }
        if (!allowed) {
            throw new ManifestException("a body range needs extension version " + VERSION_RANGES);
        }
        if (!(v instanceof JsonArray a) || a.size() != 2) {
            throw new ManifestException("\"range\" must be [start, end]");
        }
        long start = codeUnit(a.elements().get(0));
        long end = codeUnit(a.elements().get(1));
        if (end < start) {
            throw new ManifestException("\"range\" ends before it starts");
        }
        return Optional.of(new TextRange((int) start, (int) end));
    }

    private static long codeUnit(JsonValue v) throws ManifestException {
        try {
            if (v instanceof JsonNumber n && n.isInteger() && n.longValue() >= 0 && n.longValue() <= Integer.MAX_VALUE) {
                return n.longValue();
            }
        } catch (JsonException e) {
            throw new ManifestException("\"range\" holds a number that is not an integer");
        }
        throw new ManifestException("\"range\" must hold two integers from 0");
    }

    private static JsonValue bytes(Slice s) {
        if (s.isUtf8()) {
            return JsonString.of(new String(s.buf(), s.from(), s.length(), StandardCharsets.UTF_8));
        }
        return JsonObject.builder().put("base64", Base64.getEncoder().encodeToString(s.bytes())).build();
    }

    private static Slice bytes(JsonValue v) throws ManifestException {
        if (v instanceof JsonString s) {
            return Slice.of(s.value().getBytes(StandardCharsets.UTF_8));
        }
        if (v instanceof JsonObject o && o.getOrNull("base64") instanceof JsonString b) {
            try {
                return Slice.of(Base64.getDecoder().decode(b.value()));
            } catch (IllegalArgumentException e) {
                throw new ManifestException("invalid base64 bytes");
            }
        }
        throw new ManifestException("bytes must be a string or {\"base64\": string}");
    }

    private static JsonObject object(JsonValue v, String what) throws ManifestException {
        if (v instanceof JsonObject o) {
            return o;
        }
        throw new ManifestException(what + " must be an object");
    }

    private static String string(JsonObject o, String key) throws ManifestException {
        if (o.getOrNull(key) instanceof JsonString s) {
            return s.value();
        }
        throw new ManifestException("\"" + key + "\" must be a string");
    }

    private static int integer(JsonObject o, String key) throws ManifestException {
        try {
            if (o.getOrNull(key) instanceof JsonNumber n && n.isInteger() && n.longValue() >= 0 && n.longValue() <= 998) {
                return (int) n.longValue();
            }
        } catch (JsonException e) {
            throw new ManifestException("\"" + key + "\" is not an integer");
        }
        throw new ManifestException("\"" + key + "\" must be an integer from 0 to 998");
    }
}
