package sempgw.agent.fidelity;

import java.util.Objects;
import sempgw.agent.mime.TextContent;

/** What a leaf part became in the native enclosure. */
public sealed interface PartRole permits PartRole.Body, PartRole.Attached {

    /** The part is the native body of type {@code key}. */
    record Body(String key, TextContent text) implements PartRole {
        public Body {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(text, "text");
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
