package sempgw.agent.fidelity;

/**
 * The UTF-16 code units {@code [start, end)} of a native body text, as JSON and Java count them:
 * the part of the body that one MIME part holds, when the body shows more than one part (a list
 * footer after the message text).
 */
public record TextRange(int start, int end) {
    public TextRange {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("a text range needs 0 <= start <= end");
        }
    }

    /** The range {@code part} takes when it is appended to a text of {@code offset} code units. */
    public static TextRange appended(int offset, String part) {
        return new TextRange(offset, offset + part.length());
    }

    /** Whether the two ranges share a code unit. */
    boolean overlaps(TextRange other) {
        return start < other.end && other.start < end;
    }

    /** These code units of {@code text}, or null when {@code text} is shorter than {@code end}. */
    String of(String text) {
        return end > text.length() ? null : text.substring(start, end);
    }
}
