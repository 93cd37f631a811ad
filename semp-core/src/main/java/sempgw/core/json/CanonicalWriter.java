package sempgw.core.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes one canonical document into a {@link ByteOutput}; see {@link CanonicalJson}. */
final class CanonicalWriter {
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};

    /**
     * For each ASCII character: 0 = write raw, 1 = short escape in {@link #SHORT}, 2 = <code>&#92;u00xx</code>.
     * Go encoding/json with HTML escaping (SPEC-DIGEST-WIRE §2.2 step 3).
     */
    private static final byte[] ASCII_CLASS = new byte[128];
    private static final byte[] SHORT = new byte[128];

    static {
        for (int c = 0; c < 0x20; c++) {
            ASCII_CLASS[c] = 2;
        }
        shortEscape('"', '"');
        shortEscape('\\', '\\');
        shortEscape('\b', 'b');
        shortEscape('\f', 'f');
        shortEscape('\n', 'n');
        shortEscape('\r', 'r');
        shortEscape('\t', 't');
        ASCII_CLASS['<'] = 2;
        ASCII_CLASS['>'] = 2;
        ASCII_CLASS['&'] = 2;
    }

    private static void shortEscape(char c, char letter) {
        ASCII_CLASS[c] = 1;
        SHORT[c] = (byte) letter;
    }

    private final ByteOutput out;
    /** Where the members an elision blanks or leaves out go ({@link ElidedCanonical}); null when not noted. */
    private final List<ElidedCanonical.Hole> holes;
    /** The object keys from the root to the object being written, kept only while noting holes. */
    private final List<String> path;

    CanonicalWriter(int initialCapacity) {
        this(new ByteOutput(initialCapacity));
    }

    CanonicalWriter(ByteOutput out) {
        this(out, null);
    }

    /** A writer that notes every elided member in {@code holes}, in document order. */
    CanonicalWriter(ByteOutput out, List<ElidedCanonical.Hole> holes) {
        this.out = out;
        this.holes = holes;
        this.path = holes == null ? null : new ArrayList<>();
    }

    ByteOutput out() {
        return out;
    }

    void writeValue(JsonValue value, Elision.Node elision) {
        switch (value) {
            case JsonObject o -> writeObject(o, elision);
            case JsonArray a -> writeArray(a);
            case JsonString s -> writeString(s.value());
            case JsonNumber n -> writeAscii(n.text());
            case JsonBool b -> writeBytes(b.value() ? TRUE : FALSE);
            case JsonNull n -> writeBytes(NULL);
        }
    }

    private void writeObject(JsonObject o, Elision.Node elision) {
        boolean plain = elision == null || elision.children.isEmpty();
        String[] keys = o.sortedKeys();
        List<String> blanks = plain ? List.of() : elision.blanks;
        Map<String, JsonValue> members = o.members();
        out.write('{');
        boolean first = true;
        boolean kept = false;
        int bi = 0;
        for (String key : keys) {
            while (bi < blanks.size() && Utf8Order.compare(blanks.get(bi), key) < 0) {
                first = writeBlank(blanks.get(bi++), null, first, kept);
            }
            if (bi < blanks.size() && blanks.get(bi).equals(key)) {
                first = writeBlank(blanks.get(bi++), members.get(key), first, kept);
                continue;
            }
            Elision.Node child = plain ? null : elision.children.get(key);
            if (child != null && child.op == Elision.Op.DELETE) {
                note(key, members.get(key), position(), kept);
                continue;
            }
            if (!first) {
                out.write(',');
            }
            first = false;
            kept = true;
            writeString(key);
            out.write(':');
            writeChild(key, members.get(key), child);
        }
        while (bi < blanks.size()) {
            first = writeBlank(blanks.get(bi++), null, first, kept);
        }
        out.write('}');
    }

    private void writeChild(String key, JsonValue value, Elision.Node child) {
        if (path == null || child == null) {
            writeValue(value, child);
            return;
        }
        path.add(key);
        writeValue(value, child);
        path.removeLast();
    }

    /** Writes {@code "key":""}; {@code value} is the member's value in the tree, null when absent. */
    private boolean writeBlank(String key, JsonValue value, boolean first, boolean kept) {
        int start = position();
        if (!first) {
            out.write(',');
        }
        writeString(key);
        out.write(':');
        out.write('"');
        out.write('"');
        note(key, value, start, kept);
        return false;
    }

    /** Notes an elided member whose text in the output runs from {@code start} to here. */
    private void note(String key, JsonValue value, int start, boolean kept) {
        if (holes != null) {
            List<String> at = new ArrayList<>(path);
            at.add(key);
            holes.add(new ElidedCanonical.Hole(at, start, position(), value, !kept));
        }
    }

    private int position() {
        return Math.toIntExact(out.size());
    }

    /** Writes {@code ,"key":value}, the value unelided: one member put back ({@link ElidedCanonical}). */
    void writeMember(String key, JsonValue value) {
        out.write(',');
        writeString(key);
        out.write(':');
        writeValue(value, null);
    }

    private void writeArray(JsonArray a) {
        out.write('[');
        List<JsonValue> elements = a.elements();
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            writeValue(elements.get(i), null);
        }
        out.write(']');
    }

    /** Chars encoded per buffer reservation, so a huge string never reserves 6x its size at once. */
    private static final int CHUNK = 2048;

    /** Writes a quoted, escaped string (CanonicalJson rule 4). At most 6 bytes per char. */
    void writeString(String s) {
        int n = s.length();
        out.write('"');
        if (n >= 16 && writePlainAscii(s)) {
            out.write('"');
            return;
        }
        int i = 0;
        while (i < n) {
            int end = Math.min(n, i + CHUNK);
            if (end < n && Character.isHighSurrogate(s.charAt(end - 1))) {
                end++;
            }
            out.ensure((end - i) * 6);
            out.advance(encodeRange(s, i, end, out.raw(), out.length()) - out.length());
            i = end;
        }
        out.write('"');
    }

    /**
     * Fast path for the long base64 values that dominate an envelope: when every char is ASCII
     * that needs no escape, copy the Latin-1 bytes in bulk (an intrinsic) instead of char by char.
     *
     * @return false, having written nothing, when some char needs the general encoder
     */
    private boolean writePlainAscii(String s) {
        byte[] latin1 = s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        for (int i = 0; i < latin1.length; i++) {
            byte c = latin1[i];
            // Negative bytes are non-ASCII; '?' may stand for an unmappable char above U+00FF.
            if (c < 0x20 || ASCII_CLASS[c] != 0 || (c == '?' && s.charAt(i) != '?')) {
                return false;
            }
        }
        out.write(latin1, 0, latin1.length);
        return true;
    }

    /** Encodes {@code s[from..to)} at {@code b[p..]}; returns the new write position. */
    private static int encodeRange(String s, int from, int to, byte[] b, int p) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                byte cls = ASCII_CLASS[c];
                if (cls == 0) {
                    b[p++] = (byte) c;
                } else if (cls == 1) {
                    b[p++] = '\\';
                    b[p++] = SHORT[c];
                } else {
                    p = unicodeEscape(b, p, c);
                }
            } else if (c < 0x800) {
                b[p++] = (byte) (0xC0 | (c >> 6));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            } else if (c == 0x2028 || c == 0x2029) {
                p = unicodeEscape(b, p, c);
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, s.charAt(++i));
                    b[p++] = (byte) (0xF0 | (cp >> 18));
                    b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                    b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                    b[p++] = (byte) (0x80 | (cp & 0x3F));
                } else {
                    b[p++] = (byte) 0xEF;
                    b[p++] = (byte) 0xBF;
                    b[p++] = (byte) 0xBD;
                }
            } else {
                b[p++] = (byte) (0xE0 | (c >> 12));
                b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return p;
    }

    private static int unicodeEscape(byte[] b, int p, char c) {
        b[p++] = '\\';
        b[p++] = 'u';
        b[p++] = HEX[(c >> 12) & 0xF];
        b[p++] = HEX[(c >> 8) & 0xF];
        b[p++] = HEX[(c >> 4) & 0xF];
        b[p++] = HEX[c & 0xF];
        return p;
    }

    private void writeAscii(String s) {
        int n = s.length();
        out.ensure(n);
        byte[] b = out.raw();
        int p = out.length();
        for (int i = 0; i < n; i++) {
            b[p + i] = (byte) s.charAt(i);
        }
        out.advance(n);
    }

    private void writeBytes(byte[] bytes) {
        out.write(bytes, 0, bytes.length);
    }
}
