package sempgw.core.json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;

/** One parse of one document; see {@link JsonParser}. Not thread-safe, used once. */
final class JsonReader {
    private final byte[] in;
    private final JsonParser.Options opt;
    private final boolean lenient;
    private int pos;
    private StringBuilder sb;

    JsonReader(byte[] input, JsonParser.Options options) {
        this.in = java.util.Objects.requireNonNull(input, "input");
        this.opt = options;
        this.lenient = options.compat() == JsonParser.Compat.GO_LENIENT;
    }

    JsonValue readDocument() throws JsonException {
        if (in.length > opt.maxBytes()) {
            throw new JsonException(JsonError.INPUT_TOO_LARGE, 0, "input of " + in.length + " bytes exceeds " + opt.maxBytes());
        }
        skipWs();
        JsonValue v = readValue(1);
        skipWs();
        if (pos != in.length) {
            throw new JsonException(JsonError.TRAILING_DATA, pos, "data after the top-level value");
        }
        return v;
    }

    private JsonValue readValue(int depth) throws JsonException {
        if (pos >= in.length) {
            throw truncated();
        }
        byte b = in[pos];
        return switch (b) {
            case '{' -> readObject(depth);
            case '[' -> readArray(depth);
            case '"' -> JsonString.of(readString());
            case 't' -> literal("true", JsonBool.TRUE);
            case 'f' -> literal("false", JsonBool.FALSE);
            case 'n' -> literal("null", JsonNull.INSTANCE);
            default -> {
                if (b == '-' || (b >= '0' && b <= '9')) {
                    yield readNumber();
                }
                throw unexpected();
            }
        };
    }

    private JsonObject readObject(int depth) throws JsonException {
        checkDepth(depth);
        pos++;
        LinkedHashMap<String, JsonValue> members = new LinkedHashMap<>(8);
        skipWs();
        if (peek() == '}') {
            pos++;
            return JsonObject.wrap(members);
        }
        while (true) {
            skipWs();
            if (peek() != '"') {
                throw unexpected();
            }
            int keyAt = pos;
            String key = readString();
            skipWs();
            expect(':');
            skipWs();
            JsonValue value = readValue(depth + 1);
            if (members.put(key, value) != null && !lenient) {
                throw new JsonException(JsonError.DUPLICATE_KEY, keyAt, "duplicate key");
            }
            if (members.size() > opt.maxContainerSize()) {
                throw new JsonException(JsonError.TOO_MANY_ELEMENTS, keyAt, "object has too many members");
            }
            skipWs();
            byte b = peek();
            pos++;
            if (b == '}') {
                return JsonObject.wrap(members);
            }
            if (b != ',') {
                pos--;
                throw unexpected();
            }
        }
    }

    private JsonArray readArray(int depth) throws JsonException {
        checkDepth(depth);
        pos++;
        ArrayList<JsonValue> elements = new ArrayList<>(4);
        skipWs();
        if (peek() == ']') {
            pos++;
            return JsonArray.wrap(elements);
        }
        while (true) {
            skipWs();
            elements.add(readValue(depth + 1));
            if (elements.size() > opt.maxContainerSize()) {
                throw new JsonException(JsonError.TOO_MANY_ELEMENTS, pos, "array has too many elements");
            }
            skipWs();
            byte b = peek();
            pos++;
            if (b == ']') {
                return JsonArray.wrap(elements);
            }
            if (b != ',') {
                pos--;
                throw unexpected();
            }
        }
    }

    private JsonNumber readNumber() throws JsonException {
        int start = pos;
        int limit = Math.min(in.length, start + opt.maxNumberLength() + 1);
        int i = start;
        while (i < limit && isNumberByte(in[i])) {
            i++;
        }
        if (i - start > opt.maxNumberLength()) {
            throw new JsonException(JsonError.NUMBER_TOO_LONG, start, "number longer than " + opt.maxNumberLength());
        }
        String text = new String(in, start, i - start, StandardCharsets.ISO_8859_1);
        int end = NumberGrammar.scan(text);
        if (end != text.length()) {
            throw new JsonException(JsonError.INVALID_NUMBER, start, "malformed number");
        }
        pos = i;
        return new JsonNumber(text);
    }

    private static boolean isNumberByte(byte b) {
        return (b >= '0' && b <= '9') || b == '-' || b == '+' || b == '.' || b == 'e' || b == 'E';
    }

    /** Reads a quoted string at {@code pos}; leaves {@code pos} after the closing quote. */
    private String readString() throws JsonException {
        int start = ++pos;
        int i = start;
        int n = in.length;
        int max = opt.maxStringBytes();
        while (i < n) {
            byte b = in[i];
            if (b == '"') {
                if (i - start > max) {
                    throw stringTooLong(start);
                }
                pos = i + 1;
                return new String(in, start, i - start, StandardCharsets.ISO_8859_1);
            }
            if (b == '\\' || b < 0x20) {
                break;
            }
            i++;
        }
        return readStringSlow(start, i);
    }

    private String readStringSlow(int start, int i) throws JsonException {
        StringBuilder s = sb == null ? (sb = new StringBuilder(64)) : sb;
        s.setLength(0);
        for (int k = start; k < i; k++) {
            s.append((char) in[k]);
        }
        int n = in.length;
        int max = opt.maxStringBytes();
        while (true) {
            if (i >= n) {
                throw truncated();
            }
            if (i - start > max) {
                throw stringTooLong(start);
            }
            int b = in[i] & 0xFF;
            if (b == '"') {
                pos = i + 1;
                return s.toString();
            }
            if (b == '\\') {
                i = readEscape(i, s);
            } else if (b < 0x20) {
                throw new JsonException(JsonError.CONTROL_CHARACTER, i, "raw control character in string");
            } else if (b < 0x80) {
                s.append((char) b);
                i++;
            } else {
                i = readUtf8(i, s);
            }
        }
    }

    /** Decodes one escape at {@code in[i] == '\\'}; returns the index after it. */
    private int readEscape(int i, StringBuilder s) throws JsonException {
        if (i + 1 >= in.length) {
            throw truncated();
        }
        byte e = in[i + 1];
        switch (e) {
            case '"' -> s.append('"');
            case '\\' -> s.append('\\');
            case '/' -> s.append('/');
            case 'b' -> s.append('\b');
            case 'f' -> s.append('\f');
            case 'n' -> s.append('\n');
            case 'r' -> s.append('\r');
            case 't' -> s.append('\t');
            case 'u' -> {
                return readUnicodeEscape(i, s);
            }
            default -> throw new JsonException(JsonError.INVALID_ESCAPE, i, "invalid escape");
        }
        return i + 2;
    }

    private int readUnicodeEscape(int i, StringBuilder s) throws JsonException {
        int c = hex4(i + 2);
        if (!Character.isSurrogate((char) c)) {
            s.append((char) c);
            return i + 6;
        }
        if (Character.isHighSurrogate((char) c) && i + 7 < in.length && in[i + 6] == '\\' && in[i + 7] == 'u') {
            int low = hex4(i + 8);
            if (Character.isLowSurrogate((char) low)) {
                s.append((char) c).append((char) low);
                return i + 12;
            }
        }
        if (!lenient) {
            throw new JsonException(JsonError.LONE_SURROGATE, i, "unpaired surrogate escape");
        }
        s.append('\uFFFD');
        return i + 6;
    }

    private int hex4(int at) throws JsonException {
        if (at + 4 > in.length) {
            throw truncated();
        }
        int v = 0;
        for (int k = at; k < at + 4; k++) {
            int d = Character.digit(in[k] & 0xFF, 16);
            if (d < 0) {
                throw new JsonException(JsonError.INVALID_ESCAPE, at - 2, "invalid \\u escape");
            }
            v = (v << 4) | d;
        }
        return v;
    }

    /**
     * Decodes one UTF-8 sequence starting with a byte of 0x80 or more (RFC 3629 §4 table:
     * no overlongs, no surrogates, nothing above U+10FFFF); returns the index after it.
     */
    private int readUtf8(int i, StringBuilder s) throws JsonException {
        int b0 = in[i] & 0xFF;
        int need;
        int cp;
        int min;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            need = 1;
            cp = b0 & 0x1F;
            min = 0x80;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            need = 2;
            cp = b0 & 0x0F;
            min = 0x800;
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            need = 3;
            cp = b0 & 0x07;
            min = 0x10000;
        } else {
            return invalidUtf8(i, s);
        }
        for (int k = 1; k <= need; k++) {
            if (i + k >= in.length) {
                return invalidUtf8(i, s);
            }
            int b = in[i + k] & 0xFF;
            if ((b & 0xC0) != 0x80) {
                return invalidUtf8(i, s);
            }
            cp = (cp << 6) | (b & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return invalidUtf8(i, s);
        }
        s.appendCodePoint(cp);
        return i + need + 1;
    }

    /** Strict: reject. Go-lenient: one U+FFFD per invalid byte, as Go's utf8.DecodeRune does. */
    private int invalidUtf8(int i, StringBuilder s) throws JsonException {
        if (!lenient) {
            throw new JsonException(JsonError.INVALID_UTF8, i, "invalid UTF-8");
        }
        s.append('\uFFFD');
        return i + 1;
    }

    private JsonValue literal(String word, JsonValue value) throws JsonException {
        int n = word.length();
        for (int k = 0; k < n; k++) {
            if (pos + k >= in.length) {
                throw truncated();
            }
            if (in[pos + k] != word.charAt(k)) {
                pos += k;
                throw unexpected();
            }
        }
        pos += n;
        return value;
    }

    private void checkDepth(int depth) throws JsonException {
        if (depth > opt.maxDepth()) {
            throw new JsonException(JsonError.TOO_DEEP, pos, "nesting deeper than " + opt.maxDepth());
        }
    }

    private void skipWs() {
        while (pos < in.length) {
            byte b = in[pos];
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return;
            }
            pos++;
        }
    }

    private byte peek() throws JsonException {
        if (pos >= in.length) {
            throw truncated();
        }
        return in[pos];
    }

    private void expect(char c) throws JsonException {
        if (peek() != c) {
            throw unexpected();
        }
        pos++;
    }

    private JsonException truncated() {
        return new JsonException(JsonError.TRUNCATED, in.length, "unexpected end of input");
    }

    private JsonException unexpected() {
        if (pos >= in.length) {
            return truncated();
        }
        return new JsonException(JsonError.UNEXPECTED_CHARACTER, pos, "unexpected byte 0x" + Integer.toHexString(in[pos] & 0xFF));
    }

    private JsonException stringTooLong(int start) {
        return new JsonException(JsonError.STRING_TOO_LONG, start, "string longer than " + opt.maxStringBytes() + " bytes");
    }
}
