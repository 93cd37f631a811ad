package sempgw.agent.fidelity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import sempgw.core.StrictBase64;
import sempgw.core.envelope.enclosure.Attachment;

/**
 * The native enclosure fields entities refer to. Each attachment, and each code unit of a body
 * text, may be used once: a manifest that names one twice could make a small envelope rebuild
 * into an arbitrarily large message, and is refused.
 */
final class Sources {
    private final Map<String, String> body;
    private final Map<String, Attachment> attachments = new HashMap<>();
    private final Set<String> used = new HashSet<>();
    private final Map<String, List<TextRange>> bodyRanges = new HashMap<>();

    private Sources(Map<String, String> body) {
        this.body = body;
    }

    /** The sources of an enclosure's {@code body} and {@code attachments}. */
    static Sources of(Map<String, String> body, List<Attachment> attachments) throws ManifestException {
        Sources s = new Sources(body);
        for (Attachment a : attachments) {
            if (s.attachments.putIfAbsent(a.id(), a) != null) {
                throw new ManifestException("two attachments share an id");
            }
        }
        return s;
    }

    /**
     * Body {@code key}, or the code units {@code range} of it. Ranges of one body may not overlap,
     * and a reference to the whole body overlaps every range.
     */
    String body(String key, Optional<TextRange> range) throws ManifestException {
        String text = body.get(key);
        if (text == null) {
            throw new ManifestException("reference to a missing body");
        }
        TextRange wanted = range.orElse(new TextRange(0, Integer.MAX_VALUE));
        List<TextRange> taken = bodyRanges.computeIfAbsent(key, k -> new ArrayList<>());
        for (TextRange t : taken) {
            if (t.overlaps(wanted)) {
                throw new ManifestException("a native field is referenced twice");
            }
        }
        taken.add(wanted);
        if (range.isEmpty()) {
            return text;
        }
        String part = wanted.of(text);
        if (part == null) {
            throw new ManifestException("a body range beyond the end of the body");
        }
        return part;
    }

    byte[] attachment(String id) throws ManifestException {
        Attachment a = attachments.get(id);
        if (a == null) {
            throw new ManifestException("reference to a missing attachment");
        }
        use("attachment:" + id);
        try {
            return StrictBase64.decode(a.content());
        } catch (IllegalArgumentException e) {
            throw new ManifestException("attachment content is not base64");
        }
    }

    private void use(String key) throws ManifestException {
        if (!used.add(key)) {
            throw new ManifestException("a native field is referenced twice");
        }
    }
}
