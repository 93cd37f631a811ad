package sempgw.agent.fidelity;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import sempgw.core.StrictBase64;
import sempgw.core.envelope.enclosure.Attachment;

/**
 * The native enclosure fields entities refer to. Each body text and each attachment may be
 * used once: a manifest that names one twice could make a small envelope rebuild into an
 * arbitrarily large message, and is refused.
 */
final class Sources {
    private final Map<String, String> body;
    private final Map<String, Attachment> attachments = new HashMap<>();
    private final Set<String> used = new HashSet<>();

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

    String body(String key) throws ManifestException {
        String text = body.get(key);
        if (text == null) {
            throw new ManifestException("reference to a missing body");
        }
        use("body:" + key);
        return text;
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
