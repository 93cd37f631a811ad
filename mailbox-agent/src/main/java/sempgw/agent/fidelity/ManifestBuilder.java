package sempgw.agent.fidelity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import sempgw.agent.mime.MimePart;
import sempgw.agent.mime.Slice;

/**
 * Describes the MIME tree as {@link Entity} values: references to native fields where a recipe
 * reproduces the body exactly, verbatim bodies elsewhere, opaque (signed, encrypted) subtrees
 * always verbatim so their signatures still verify after the trip.
 */
final class ManifestBuilder {
    private ManifestBuilder() {
    }

    /** The entity for the message {@code root}, whose carried header section is {@code topHeader}. */
    static Entity build(MimePart root, Slice topHeader, NativeView view) {
        return entity(root, topHeader, view);
    }

    private static Entity entity(MimePart p, Slice header, NativeView view) {
        if (view.opaque(p)) {
            return new Entity.Raw(header, p.body());
        }
        if (p.isMultipart()) {
            List<Entity> parts = new ArrayList<>(p.children().size());
            for (MimePart c : p.children()) {
                parts.add(entity(c, c.headers().whole(), view));
            }
            return new Entity.Multipart(header, p.separators(), parts);
        }
        Optional<PartRole> role = view.role(p);
        if (role.isEmpty()) {
            return new Entity.Raw(header, p.body());
        }
        return switch (role.get()) {
            case PartRole.Body b -> Recipes.forText(p, b.text())
                    .<Entity>map(r -> new Entity.TextRef(header, b.key(), r, b.range()))
                    .orElseGet(() -> new Entity.Raw(header, p.body()));
            case PartRole.Attached a -> Recipes.forContent(p, a.content())
                    .<Entity>map(r -> new Entity.AttachmentRef(header, a.id(), r))
                    .orElseGet(() -> new Entity.Raw(header, p.body()));
        };
    }
}
