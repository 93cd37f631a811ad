package sempgw.agent.mime;

import java.util.Locale;
import java.util.Objects;

/**
 * One header field as it stands in the message (RFC 5322 §2.2): its raw bytes, folded lines and
 * final CRLF included, so it can be copied through untouched, and its unfolded value as text.
 *
 * @param name the field name as written (compare with {@link #is})
 * @param raw every byte of the field, from the first character of the name to its final CRLF
 * @param value the unfolded body after the colon, surrounding whitespace removed; UTF-8 when well
 *     formed (RFC 6532), otherwise ISO-8859-1 or, when 0x80-0x9F occur, windows-1252 ({@link Slice#text})
 */
public record HeaderField(String name, Slice raw, String value) {

    public HeaderField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(value, "value");
    }

    /** True when the field is named {@code other}, ignoring ASCII case (RFC 5322 §1.2.2). */
    public boolean is(String other) {
        return name.equalsIgnoreCase(other);
    }

    /** The name in lower case, for table lookups. */
    public String lowerName() {
        return name.toLowerCase(Locale.ROOT);
    }

    /** Shows the name only: values can be private. */
    @Override
    public String toString() {
        return "HeaderField[" + name + "]";
    }
}
