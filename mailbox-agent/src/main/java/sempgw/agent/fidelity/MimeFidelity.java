package sempgw.agent.fidelity;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sempgw.agent.mime.MatchingOutputStream;
import sempgw.agent.mime.MimePart;
import sempgw.agent.mime.Slice;
import sempgw.core.envelope.Extensions;
import sempgw.core.envelope.enclosure.Attachment;
import sempgw.core.envelope.enclosure.Enclosure;
import sempgw.core.json.CanonicalJson;
import sempgw.core.json.JsonException;
import sempgw.core.json.JsonObject;
import sempgw.core.json.JsonParser;
import sempgw.core.json.JsonValue;

/**
 * The enclosure extension {@value #KEY}: the original MIME message, carried next to the native
 * fields so another gateway can write it again byte for byte (schema: docs/conversion.md).
 *
 * <p>Outbound, {@link #carry} builds it and proves it: the message is rebuilt from the native
 * fields and the extension, after a JSON round trip, and compared with the original; should that
 * ever differ, the whole message is carried verbatim instead. Inbound, {@link #rebuild} writes the
 * message again, or fails with a {@link ManifestException} the caller treats as "no extension".
 */
public final class MimeFidelity {
    /** The extension key: vendor namespace of the project (EXTENSIONS.md §2.3). */
    public static final String KEY = "sempgw.dev/mime-fidelity";

    private MimeFidelity() {
    }

    /** What goes into the enclosure: the {@code extensions} object and carrier attachments to append. */
    public record Carried(JsonObject extensions, List<Attachment> carriers) {
        public Carried {
            carriers = List.copyOf(carriers);
        }
    }

    /**
     * The extension for message {@code root} whose carried header section is {@code topHeader},
     * given the native {@code body} and {@code attachments} already taken from it.
     *
     * @throws ManifestException only if even the verbatim form fails its check, which would be a
     *     defect; the caller retries later rather than sending a message it cannot prove
     */
    public static Carried carry(MimePart root, Slice topHeader, NativeView view, Map<String, String> body, List<Attachment> attachments)
            throws ManifestException {
        try {
            Entity manifest = ManifestBuilder.build(root, topHeader, view);
            ManifestBudget.Fitted fitted = ManifestBudget.fit(manifest, body, attachments);
            Carried carried = new Carried(extensions(fitted.root()), fitted.carriers());
            if (reproduces(carried, body, attachments, topHeader, root.body())) {
                return carried;
            }
            ByteArrayOutputStream whole = new ByteArrayOutputStream(topHeader.length() + root.body().length());
            topHeader.writeTo(whole);
            root.body().writeTo(whole);
            String id = ManifestBudget.ROOT_CARRIER;
            Carried fallback = new Carried(extensions(new Entity.Carrier(id)),
                    List.of(Attachment.of(id, id + ".eml", "message/rfc822", whole.toByteArray())));
            if (reproduces(fallback, body, attachments, topHeader, root.body())) {
                return fallback;
            }
            throw new ManifestException("the verbatim fidelity form does not reproduce the message");
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory stream failed", e);
        }
    }

    /** The message {@code enclosure}'s extension describes, or empty when it carries none. */
    public static Optional<byte[]> rebuild(Enclosure enclosure) throws ManifestException {
        JsonValue entry = enclosure.extensions().getOrNull(KEY);
        if (entry == null) {
            return Optional.empty();
        }
        if (!(entry instanceof JsonObject o) || o.getOrNull("data") == null) {
            throw new ManifestException("extension entry without data (EXTENSIONS.md §2.1)");
        }
        Entity root = ManifestCodec.fromData(o.getOrNull("data"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(root, enclosure.body(), enclosure.attachments(), out);
        return Optional.of(out.toByteArray());
    }

    static JsonObject extensions(Entity root) {
        return JsonObject.builder().put(KEY, Extensions.entry(false, ManifestCodec.toData(root))).build();
    }

    private static boolean reproduces(Carried carried, Map<String, String> body, List<Attachment> attachments, Slice header, Slice rest)
            throws ManifestException {
        JsonObject received;
        try {
            received = JsonParser.parseObject(CanonicalJson.encode(carried.extensions()));
        } catch (JsonException e) {
            return false;
        }
        List<Attachment> all = new ArrayList<>(attachments);
        all.addAll(carried.carriers());
        Entity root = ManifestCodec.fromData(((JsonObject) received.getOrNull(KEY)).getOrNull("data"));
        MatchingOutputStream check = new MatchingOutputStream(header, rest);
        write(root, body, all, check);
        return check.matches();
    }

    private static void write(Entity root, Map<String, String> body, List<Attachment> attachments, OutputStream out)
            throws ManifestException {
        try {
            Rebuilder.write(root, Sources.of(body, attachments), out);
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory stream failed", e);
        }
    }
}
