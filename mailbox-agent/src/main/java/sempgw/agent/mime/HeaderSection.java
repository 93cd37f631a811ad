package sempgw.agent.mime;

import java.util.List;
import java.util.Optional;

/**
 * The header section of a message or body part (RFC 5322 §2.1, RFC 2045 §3).
 *
 * @param fields the fields in order
 * @param whole the section's bytes: every field plus the empty line that ends the section, when
 *     there is one
 * @param terminator the empty line ending the section, or an empty slice when the entity ends
 *     inside its header or a part starts directly with body text
 */
public record HeaderSection(List<HeaderField> fields, Slice whole, Slice terminator) {

    public HeaderSection {
        fields = List.copyOf(fields);
    }

    /** The first field named {@code name}. */
    public Optional<HeaderField> first(String name) {
        for (HeaderField f : fields) {
            if (f.is(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The value of the first field named {@code name}. */
    public Optional<String> value(String name) {
        return first(name).map(HeaderField::value);
    }

    /** Every field named {@code name}, in order. */
    public List<HeaderField> all(String name) {
        return fields.stream().filter(f -> f.is(name)).toList();
    }

    /** Index of the first body byte in the backing buffer. */
    public int bodyStart() {
        return whole.to();
    }
}
