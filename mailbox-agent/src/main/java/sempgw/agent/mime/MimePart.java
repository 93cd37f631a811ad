package sempgw.agent.mime;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One entity of a parsed message (RFC 2045 §2.4): the message itself or a body part. A
 * multipart entity has children and the separators between them; the entity's bytes are always
 * {@code headers.whole + body}, and a multipart body is exactly
 * {@code separators[0] + children[0] + separators[1] + ... + separators[n]}.
 *
 * @param section the IMAP-style part number ({@code ""} for the message, {@code "1"}, {@code "2.1"}, ...)
 * @param headers the header section
 * @param body the body, up to the CRLF that precedes the next boundary delimiter (RFC 2046 §5.1.1)
 * @param type the content type, defaulted per RFC 2045 §5.2
 * @param children the body parts of a multipart entity, else empty
 * @param separators for a multipart entity, the bytes around the children (preamble and first
 *     delimiter line, each CRLF and delimiter line between parts, the close delimiter and
 *     epilogue); else empty
 */
public record MimePart(String section, HeaderSection headers, Slice body, ContentType type, List<MimePart> children,
                       List<Slice> separators) {

    public MimePart {
        Objects.requireNonNull(section, "section");
        children = List.copyOf(children);
        separators = List.copyOf(separators);
        if (!children.isEmpty() && separators.size() != children.size() + 1) {
            throw new IllegalArgumentException("a multipart needs one separator more than it has parts");
        }
    }

    /** True when the entity was parsed as a multipart with body parts. */
    public boolean isMultipart() {
        return !children.isEmpty();
    }

    /** The section number to show: {@code "1"} for a single-part message. */
    public String label() {
        return section.isEmpty() ? "1" : section;
    }

    /** The bytes of the whole entity: header section and body. */
    public Slice whole() {
        return new Slice(body.buf(), headers.whole().from(), body.to());
    }

    /** The declared transfer encoding. */
    public TransferEncoding encoding() {
        return TransferEncoding.of(headers);
    }

    /** The {@code Content-Disposition} type in lower case ({@code inline}, {@code attachment}), if any (RFC 2183). */
    public Optional<String> disposition() {
        return dispositionField().map(v -> {
            int semi = v.indexOf(';');
            return (semi < 0 ? v : v.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
        }).filter(v -> !v.isEmpty());
    }

    /** The file name from {@code Content-Disposition} or, failing that, the {@code name} type parameter. */
    public Optional<String> filename() {
        Optional<String> fromDisposition = dispositionField()
                .flatMap(v -> Optional.ofNullable(MimeParams.parse(v.contains(";") ? v.substring(v.indexOf(';')) : "").get("filename")))
                .filter(v -> !v.isBlank());
        return fromDisposition.isPresent() ? fromDisposition : type.param("name").filter(v -> !v.isBlank());
    }

    /** The {@code Content-Disposition} value, comments ignored ({@link Comments}). */
    private Optional<String> dispositionField() {
        return headers.value("Content-Disposition").map(Comments::strip);
    }

    /** Shows the section and type only. */
    @Override
    public String toString() {
        return "MimePart[" + label() + ", " + type.mimeType() + "]";
    }
}
