package sempgw.agent.fidelity;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import sempgw.core.envelope.ExtensionLayer;
import sempgw.core.envelope.Extensions;
import sempgw.core.envelope.enclosure.Attachment;
import sempgw.core.json.CanonicalJson;
import sempgw.core.json.Elision;

/**
 * Keeps the extension within the enclosure extension limit (EXTENSIONS.md §4.1: 64 KB, sent at
 * the 64 000-byte reading): entities move out of the extension into carrier attachments
 * ({@code message/rfc822}, the entity's exact bytes) until it fits. Verbatim bodies go first,
 * largest first; only if header sections alone are still too large does the largest nested
 * multipart subtree move, then the next, and at last the whole message: a few large carriers
 * rather than hundreds of small ones.
 */
final class ManifestBudget {
    static final String ROOT_CARRIER = "original-message";

    /** The fitted tree and the carrier attachments it refers to. */
    record Fitted(Entity root, List<Attachment> carriers) {
    }

    private ManifestBudget() {
    }

    static Fitted fit(Entity root, Map<String, String> body, List<Attachment> attachments) throws ManifestException {
        int limit = ExtensionLayer.ENCLOSURE.sendLimit();
        List<Attachment> carriers = new ArrayList<>();
        Entity tree = root;
        List<Entity.Raw> raws = new ArrayList<>();
        collectRaws(tree, raws);
        raws.sort(Comparator.comparingInt((Entity.Raw r) -> r.body().length()).reversed());
        int size = -1;
        for (Entity.Raw r : raws) {
            if (r.body().length() <= limit && size < 0) {
                size = size(tree);
            }
            if (size >= 0 && size <= limit) {
                break;
            }
            String id = carrierId(tree, r);
            if (size >= 0) {
                size -= encodedSize(r) - encodedSize(new Entity.Carrier(id));
            }
            tree = toCarrier(tree, r, id, body, attachments, carriers);
        }
        while (size(tree) > limit) {
            Entity victim = largestBelowRoot(tree);
            Entity target = victim == null ? tree : victim;
            tree = toCarrier(tree, target, carrierId(tree, target), body, attachments, carriers);
        }
        return new Fitted(tree, carriers);
    }

    /** The serialized size of the {@code extensions} object holding {@code tree}. */
    static int size(Entity tree) {
        return Extensions.size(MimeFidelity.extensions(tree));
    }

    private static String carrierId(Entity tree, Entity victim) {
        String label = labels(tree).getOrDefault(victim, "");
        return label.isEmpty() ? ROOT_CARRIER : "original-part-" + label;
    }

    private static int encodedSize(Entity e) {
        return CanonicalJson.encodedLength(ManifestCodec.toJson(e), Elision.NONE);
    }

    private static Entity toCarrier(Entity tree, Entity victim, String id, Map<String, String> body, List<Attachment> attachments,
                                    List<Attachment> carriers) throws ManifestException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<Attachment> all = new ArrayList<>(attachments);
        all.addAll(carriers);
        try {
            Rebuilder.write(victim, Sources.of(body, all), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory stream failed", e);
        }
        carriers.add(Attachment.of(id, id + ".eml", "message/rfc822", bytes.toByteArray()));
        return replace(tree, victim, new Entity.Carrier(id));
    }

    private static void collectRaws(Entity e, List<Entity.Raw> out) {
        if (e instanceof Entity.Raw r) {
            out.add(r);
        } else if (e instanceof Entity.Multipart m) {
            m.parts().forEach(p -> collectRaws(p, out));
        }
    }

    private static Entity largestBelowRoot(Entity tree) {
        Entity best = null;
        int bestSize = -1;
        for (Entity e : labels(tree).keySet()) {
            if (e != tree && e instanceof Entity.Multipart) {
                int s = encodedSize(e);
                if (s > bestSize) {
                    best = e;
                    bestSize = s;
                }
            }
        }
        return best;
    }

    /** Every entity of {@code tree} with its section number ({@code ""} for the root), by identity. */
    private static Map<Entity, String> labels(Entity tree) {
        Map<Entity, String> out = new IdentityHashMap<>();
        label(tree, "", out);
        return out;
    }

    private static void label(Entity e, String section, Map<Entity, String> out) {
        out.put(e, section);
        if (e instanceof Entity.Multipart m) {
            for (int i = 0; i < m.parts().size(); i++) {
                label(m.parts().get(i), section.isEmpty() ? Integer.toString(i + 1) : section + "." + (i + 1), out);
            }
        }
    }

    private static Entity replace(Entity e, Entity target, Entity with) {
        if (e == target) {
            return with;
        }
        if (e instanceof Entity.Multipart m) {
            List<Entity> parts = new ArrayList<>(m.parts().size());
            for (Entity p : m.parts()) {
                parts.add(replace(p, target, with));
            }
            return new Entity.Multipart(m.header(), m.separators(), parts);
        }
        return e;
    }
}
