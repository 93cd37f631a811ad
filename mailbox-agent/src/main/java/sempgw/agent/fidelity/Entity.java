package sempgw.agent.fidelity;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import sempgw.agent.mime.Slice;

/**
 * One entity of the carried MIME tree: how to write its bytes again. Every form but
 * {@link Carrier} starts with the entity's raw header section.
 */
public sealed interface Entity permits Entity.TextRef, Entity.AttachmentRef, Entity.Raw, Entity.Multipart, Entity.Carrier {

    /**
     * A body text: the body is {@code enclosure.body[bodyKey]}, or the code points {@code range}
     * of it, encoded by {@code recipe}.
     */
    record TextRef(Slice header, String bodyKey, Recipe recipe, Optional<TextRange> range) implements Entity {
        public TextRef {
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(bodyKey, "bodyKey");
            Objects.requireNonNull(range, "range");
            if (recipe.charset().isEmpty()) {
                throw new IllegalArgumentException("a body text recipe needs a charset");
            }
        }
    }

    /** An attachment: the body is the attachment's bytes encoded by {@code recipe}. */
    record AttachmentRef(Slice header, String attachmentId, Recipe recipe) implements Entity {
        public AttachmentRef {
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(attachmentId, "attachmentId");
            Objects.requireNonNull(recipe, "recipe");
        }
    }

    /** A body carried verbatim: signed and encrypted subtrees always, other parts when no recipe reproduces them. */
    record Raw(Slice header, Slice body) implements Entity {
        public Raw {
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(body, "body");
        }
    }

    /** A multipart body: {@code separators[0] parts[0] separators[1] ... separators[n]}. */
    record Multipart(Slice header, List<Slice> separators, List<Entity> parts) implements Entity {
        public Multipart {
            Objects.requireNonNull(header, "header");
            separators = List.copyOf(separators);
            parts = List.copyOf(parts);
            if (parts.isEmpty() || separators.size() != parts.size() + 1) {
                throw new IllegalArgumentException("a multipart needs parts and one separator more than parts");
            }
        }
    }

    /** The whole entity, header section included, is the content of attachment {@code attachmentId}. */
    record Carrier(String attachmentId) implements Entity {
        public Carrier {
            Objects.requireNonNull(attachmentId, "attachmentId");
        }
    }
}
