package sempgw.agent.mime;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A range {@code [from, to)} of a byte array, shared rather than copied: the parser hands out
 * slices of the one message buffer so a 20 MB attachment is never copied to be inspected.
 *
 * @param buf the backing array, never modified through a slice
 * @param from first index
 * @param to index after the last byte
 */
public record Slice(byte[] buf, int from, int to) {
    /** The empty slice. */
    public static final Slice EMPTY = new Slice(new byte[0], 0, 0);

    public Slice {
        Objects.requireNonNull(buf, "buf");
        Objects.checkFromToIndex(from, to, buf.length);
    }

    /** The whole of {@code bytes}. */
    public static Slice of(byte[] bytes) {
        return new Slice(bytes, 0, bytes.length);
    }

    /** The number of bytes. */
    public int length() {
        return to - from;
    }

    /** True when the slice holds no byte. */
    public boolean isEmpty() {
        return to == from;
    }

    /** The byte at {@code i}, relative to {@link #from}. */
    public int at(int i) {
        return buf[from + i] & 0xff;
    }

    /** A copy of the bytes. */
    public byte[] bytes() {
        return Arrays.copyOfRange(buf, from, to);
    }

    /** The sub-range {@code [start, end)} relative to {@link #from}. */
    public Slice sub(int start, int end) {
        return new Slice(buf, from + start, from + end);
    }

    /** Writes the bytes to {@code out}. */
    public void writeTo(OutputStream out) throws IOException {
        out.write(buf, from, to - from);
    }

    /** True when the bytes are well-formed UTF-8. */
    public boolean isUtf8() {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(buf, from, to - from));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** True when every byte is below 0x80. */
    public boolean isAscii() {
        for (int i = from; i < to; i++) {
            if (buf[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The bytes as text: UTF-8 when well-formed (RFC 6532), otherwise ISO-8859-1, widened to
     * windows-1252 when 0x80-0x9F occur ({@link Charsets#decode}), as mail readers read raw 8-bit
     * header text.
     */
    public String text() {
        if (isUtf8()) {
            return new String(buf, from, to - from, StandardCharsets.UTF_8);
        }
        return Charsets.decode(bytes(), StandardCharsets.ISO_8859_1).text();
    }

    /** True when both slices hold the same bytes. */
    public boolean contentEquals(Slice other) {
        return Arrays.equals(buf, from, to, other.buf, other.from, other.to);
    }

    /** Shows the length only: slices hold message content. */
    @Override
    public String toString() {
        return "Slice[" + length() + " bytes]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Slice s && contentEquals(s);
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (int i = from; i < to; i++) {
            h = 31 * h + buf[i];
        }
        return h;
    }
}
