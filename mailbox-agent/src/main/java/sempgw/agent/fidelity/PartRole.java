package sempgw.agent.fidelity;

import java.util.Objects;
import java.util.Optional;
import sempgw.agent.mime.TextContent;

/** What a leaf part became in the native enclosure. */
public sealed interface PartRole permits PartRole.Body, PartRole.Attached {

    /**
     * The part is the native body of type {@code key}, or the code points {@code range} of it
     * when the body shows more than this part; {@code text} is the part's own text.
     */
    record Body(String key, TextContent text, Optional<TextRange> range) implements PartRole {
        public Body {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(range, "range");
        }
    }

    /** The part is attachment {@code id}, whose content is {@code content}. */
    record Attached(String id, byte[] content) implements PartRole {
        public Attached {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(content, "content");
        }
    }
}
