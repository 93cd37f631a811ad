package sempgw.agent;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sempgw.agent.mime.ContentType;
import sempgw.agent.mime.DateHeader;
import sempgw.agent.mime.HeaderWriter;
import sempgw.agent.mime.MessageIds;
import sempgw.core.StrictBase64;
import sempgw.core.crypto.Digests;
import sempgw.core.envelope.brief.Brief;
import sempgw.core.envelope.enclosure.Attachment;
import sempgw.core.envelope.enclosure.Enclosure;

/**
 * The MIME message for an envelope from a native SEMP sender (CLIENT.md §6.4.2): header set from
 * the brief and subject, no {@code Bcc}, {@code Message-ID <message_id@semp.invalid>},
 * threading per {@link Threading}; body {@code text/plain} or {@code text/html} alone, several
 * forms as {@code multipart/alternative} (plain first, HTML last), inside
 * {@code multipart/mixed} when there are attachments. Texts are UTF-8, 7bit or quoted-printable;
 * non-ASCII header text is RFC 2047 encoded, UTF-8 local parts stay UTF-8 (RFC 6532).
 * Attachment file names are cleaned as ours are for native clients ({@link Filenames#shown}),
 * {@code part-<section>.<ext>} when nothing usable is left.
 * Body entries that are not {@code text/*} have no MIME rendering and are left out.
 */
final class NativeRenderer {
    private NativeRenderer() {
    }

    static byte[] render(InboundContext ctx, Enclosure e) {
        Brief b = ctx.brief();
        StringBuilder h = new StringBuilder(VerificationHeader.field(ctx.verification()));
        h.append(HeaderWriter.addresses("From", List.of(HeaderWriter.addrSpec(b.from()))));
        if (b.to().isEmpty() && b.cc().isEmpty()) {
            h.append(HeaderWriter.simple("To", "undisclosed-recipients:;"));
        } else if (!b.to().isEmpty()) {
            h.append(HeaderWriter.addresses("To", b.to().stream().map(HeaderWriter::addrSpec).toList()));
        }
        if (!b.cc().isEmpty()) {
            h.append(HeaderWriter.addresses("Cc", b.cc().stream().map(HeaderWriter::addrSpec).toList()));
        }
        b.replyTo().ifPresent(r -> h.append(HeaderWriter.addresses("Reply-To", List.of(HeaderWriter.addrSpec(r)))));
        e.subject().ifPresent(s -> h.append(HeaderWriter.unstructured("Subject", s)));
        h.append(HeaderWriter.simple("Date", DateHeader.format(b.sentAt())));
        h.append(HeaderWriter.simple("Message-ID", MessageIds.synthetic(b.messageId())));
        Threading.inReplyToHeader(b).ifPresent(p -> h.append(HeaderWriter.simple("In-Reply-To", p)));
        List<String> refs = Threading.references(b);
        if (!refs.isEmpty()) {
            h.append(HeaderWriter.idList("References", refs));
        }
        h.append(HeaderWriter.simple("MIME-Version", "1.0"));
        MimeBuilder.Part top = body(e, boundaryBase(b.messageId()));
        ByteArrayOutputStream out = new ByteArrayOutputStream(top.body().length + h.length() + 256);
        out.writeBytes(h.append(top.headers()).append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes(top.body());
        return out.toByteArray();
    }

    private static MimeBuilder.Part body(Enclosure e, String boundary) {
        List<MimeBuilder.Part> forms = new ArrayList<>();
        Map<String, String> body = e.body();
        textForm(body, "text/plain").ifPresent(forms::add);
        body.forEach((key, text) -> otherText(key).ifPresent(type -> forms.add(MimeBuilder.text(type, text))));
        textForm(body, "text/html").ifPresent(forms::add);
        if (forms.isEmpty()) {
            forms.add(MimeBuilder.text("text/plain", ""));
        }
        MimeBuilder.Part main = forms.size() == 1 ? forms.getFirst() : MimeBuilder.multipart("alternative", forms, boundary + "_a");
        List<MimeBuilder.Part> parts = new ArrayList<>(List.of(main));
        for (Attachment a : e.attachments()) {
            String section = String.valueOf(parts.size() + 1);
            try {
                parts.add(MimeBuilder.attachment(a.mimeType(), a.filename(), section, StrictBase64.decode(a.content())));
            } catch (IllegalArgumentException ex) {
                parts.add(MimeBuilder.text("text/plain", "[an attachment of this message could not be decoded]"));
            }
        }
        return parts.size() == 1 ? main : MimeBuilder.multipart("mixed", parts, boundary + "_m");
    }

    private static Optional<MimeBuilder.Part> textForm(Map<String, String> body, String type) {
        return Optional.ofNullable(body.get(type)).map(t -> MimeBuilder.text(type, t));
    }

    /** The MIME type of a {@code text/*} body key other than exactly {@code text/plain} and {@code text/html}. */
    private static Optional<String> otherText(String key) {
        ContentType t = ContentType.parse(key, ContentType.MESSAGE_RFC822);
        boolean primary = key.equals("text/plain") || key.equals("text/html");
        return t.type().equals("text") && !primary ? Optional.of(t.mimeType()) : Optional.empty();
    }

    /** {@code =_sempgw_<hash>}: RFC 2046 §5.1.1 boundary characters, deterministic per message. */
    private static String boundaryBase(String messageId) {
        return "=_sempgw_" + HexFormat.of().formatHex(Digests.sha256(messageId.getBytes(StandardCharsets.UTF_8)), 0, 12);
    }
}
