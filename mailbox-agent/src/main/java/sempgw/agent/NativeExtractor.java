package sempgw.agent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import sempgw.agent.fidelity.NativeView;
import sempgw.agent.fidelity.PartRole;
import sempgw.agent.fidelity.TextRange;
import sempgw.agent.mime.MimeException;
import sempgw.agent.mime.MimePart;
import sempgw.agent.mime.TextContent;
import sempgw.agent.mime.TransferEncoding;
import sempgw.core.envelope.enclosure.Attachment;

/**
 * The enclosure fields a native SEMP client reads (ENVELOPE.md §6.2-6.4), taken from the MIME
 * tree as a mail reader would:
 * <ul>
 *   <li>The body is the first inline {@code text/plain} and {@code text/html} part found along the
 *   body path: both alternatives of a {@code multipart/alternative} (RFC 2046 §5.1.4), the root
 *   of a {@code multipart/related} (RFC 2387 §3.2, {@code start} or first part), the signed
 *   content of a {@code multipart/signed} (RFC 1847 §2.1), the first body-bearing part of any
 *   other multipart: the HTML of Apple Mail's {@code alternative(plain, mixed(html, file, html))}
 *   is the first HTML of that {@code mixed}, though the plain text was found before it. Texts
 *   are decoded to Unicode with LF line breaks ({@link TextContent}).</li>
 *   <li>A later inline {@code text/plain} leaf of such a multipart (no {@code attachment}
 *   disposition, no file name), after the body was found in an earlier part, is shown after the
 *   body as mail readers show it, not as an attachment: a mailing list's footer, the text between
 *   two images. Its text is appended to the plain body on a line of its own and to the HTML body
 *   as a {@code <pre>} block at its end, and every part of a body so extended refers to its range
 *   of it ({@link TextRange}), so the texts still travel once. A blank one is shown nowhere.</li>
 *   <li>Every other leaf is an attachment with its decoded bytes, id {@code part-<section>}, file
 *   name from {@code Content-Disposition} or {@code name}, else one made from the section and
 *   type; inline images, calendar parts, signatures included.</li>
 *   <li>Signed and encrypted entities ({@code multipart/signed}, {@code multipart/encrypted},
 *   {@code application/pkcs7-mime}) and parts in an unknown transfer encoding are opaque: their
 *   bytes travel verbatim in the fidelity extension, their readable content still becomes body
 *   and attachments here.</li>
 * </ul>
 */
final class NativeExtractor implements NativeView {
    private final Map<String, TextContent> bodies = new LinkedHashMap<>();
    /** The parts the bodies were first taken from, by type. */
    private final Map<String, MimePart> bodyParts = new LinkedHashMap<>();
    /** Bodies that show text parts after their first, by type: built once, however many parts follow. */
    private final Map<String, StringBuilder> extended = new LinkedHashMap<>();
    private final List<Attachment> attachments = new ArrayList<>();
    private final Map<MimePart, PartRole> roles = new IdentityHashMap<>();
    private final Set<MimePart> opaque = Collections.newSetFromMap(new IdentityHashMap<>());

    private NativeExtractor() {
    }

    static NativeExtractor extract(MimePart root) throws MimeException {
        NativeExtractor x = new NativeExtractor();
        x.walk(root, true);
        return x;
    }

    /** Body texts by MIME type, {@code text/plain} first. */
    Map<String, String> body() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String type : List.of("text/plain", "text/html")) {
            if (extended.containsKey(type)) {
                out.put(type, extended.get(type).toString());
            } else if (bodies.containsKey(type)) {
                out.put(type, bodies.get(type).text());
            }
        }
        return out;
    }

    List<Attachment> attachments() {
        return List.copyOf(attachments);
    }

    @Override
    public boolean opaque(MimePart part) {
        return opaque.contains(part);
    }

    @Override
    public Optional<PartRole> role(MimePart part) {
        return Optional.ofNullable(roles.get(part));
    }

    private void walk(MimePart p, boolean bodyPath) throws MimeException {
        String type = p.type().mimeType();
        if (type.equals("multipart/signed") || type.equals("multipart/encrypted") || type.equals("application/pkcs7-mime")
                || type.equals("application/x-pkcs7-mime") || p.encoding() == TransferEncoding.UNKNOWN) {
            opaque.add(p);
        }
        if (!p.isMultipart()) {
            leaf(p, bodyPath);
            return;
        }
        List<MimePart> children = p.children();
        switch (p.type().subtype()) {
            case "alternative" -> {
                for (MimePart c : children) {
                    walk(c, bodyPath);
                }
            }
            case "related" -> {
                MimePart start = relatedRoot(p);
                for (MimePart c : children) {
                    walk(c, bodyPath && c == start);
                }
            }
            case "signed" -> {
                for (int i = 0; i < children.size(); i++) {
                    walk(children.get(i), bodyPath && i == 0);
                }
            }
            case "encrypted" -> {
                for (MimePart c : children) {
                    walk(c, false);
                }
            }
            default -> {
                int before = bodies.size();
                for (MimePart c : children) {
                    boolean found = bodies.size() > before;
                    if (bodyPath && found && shownAfterBody(c)) {
                        append(c);
                    } else {
                        walk(c, bodyPath && !found);
                    }
                }
            }
        }
    }

    private void leaf(MimePart p, boolean bodyPath) throws MimeException {
        String type = p.type().mimeType();
        byte[] content = p.encoding().decode(p.body());
        boolean text = type.equals("text/plain") || type.equals("text/html");
        if (bodyPath && text && !bodies.containsKey(type) && !p.disposition().equals(Optional.of("attachment"))
                && p.encoding() != TransferEncoding.UNKNOWN) {
            TextContent t = TextContent.decode(p, content);
            bodies.put(type, t);
            bodyParts.put(type, p);
            roles.put(p, new PartRole.Body(type, t, Optional.empty()));
            return;
        }
        Attachment a = Attachment.of("part-" + p.label(), Filenames.of(p), type, content);
        attachments.add(a);
        roles.put(p, new PartRole.Attached(a.id(), content));
    }

    private static boolean shownAfterBody(MimePart p) {
        return !p.isMultipart() && p.type().mimeType().equals("text/plain") && !p.disposition().equals(Optional.of("attachment"))
                && p.filename().isEmpty() && p.encoding() != TransferEncoding.UNKNOWN;
    }

    /** Shows inline text part {@code p} after the bodies found so far. */
    private void append(MimePart p) throws MimeException {
        TextContent t = TextContent.decode(p, p.encoding().decode(p.body()));
        if (t.text().isBlank()) {
            return;
        }
        for (var body : bodyParts.entrySet()) {
            PartRole.Body first = (PartRole.Body) roles.get(body.getValue());
            if (first.range().isEmpty()) {
                roles.put(body.getValue(), new PartRole.Body(first.key(), first.text(), Optional.of(TextRange.appended(0, first.text().text()))));
            }
        }
        if (bodies.containsKey("text/plain")) {
            StringBuilder plain = extension("text/plain");
            if (!plain.isEmpty() && plain.charAt(plain.length() - 1) != '\n') {
                plain.append('\n');
            }
            roles.put(p, new PartRole.Body("text/plain", t, Optional.of(TextRange.appended(plain.length(), t.text()))));
            plain.append(t.text());
        }
        if (bodies.containsKey("text/html")) {
            extension("text/html").append("\n<pre style=\"white-space: pre-wrap\">").append(escape(t.text())).append("</pre>\n");
        }
    }

    /** The body of {@code type} as it is being extended, started from its first part's text. */
    private StringBuilder extension(String type) {
        return extended.computeIfAbsent(type, k -> new StringBuilder(bodies.get(k).text()));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static MimePart relatedRoot(MimePart p) {
        Optional<String> start = p.type().param("start");
        if (start.isPresent()) {
            for (MimePart c : p.children()) {
                if (c.headers().value("Content-ID").map(id -> id.equals(start.get())).orElse(false)) {
                    return c;
                }
            }
        }
        return p.children().getFirst();
    }
}
