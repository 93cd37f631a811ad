package sempgw.agent;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import sempgw.agent.fidelity.ManifestException;
import sempgw.agent.fidelity.MimeFidelity;
import sempgw.agent.mime.EncodedWords;
import sempgw.agent.mime.HeaderSection;
import sempgw.agent.mime.MessageIds;
import sempgw.agent.mime.MimeException;
import sempgw.agent.mime.MimeParser;
import sempgw.agent.mime.MimePart;
import sempgw.core.envelope.brief.Brief;
import sempgw.core.envelope.compose.Draft;
import sempgw.core.envelope.enclosure.Attachment;
import sempgw.core.envelope.enclosure.Enclosure;

/**
 * Outbound conversion: a queued SMTP message becomes the content of the envelopes of one
 * delivery batch (docs/conversion.md has the field-by-field mapping).
 *
 * <ol>
 *   <li>Read the message (bounded, CRLF) and parse its MIME tree ({@link MimeParser}).</li>
 *   <li>Brief from the envelope and the top-level header ({@link BriefMapper}, {@link Threading}).</li>
 *   <li>Native enclosure fields: subject (RFC 2047 decoded), body texts and attachments
 *   ({@link NativeExtractor}); {@code content_type} per ENVELOPE.md §6.4.</li>
 *   <li>The fidelity extension and its carrier attachments ({@link MimeFidelity#carry}), proven
 *   to rebuild the message before it is returned.</li>
 * </ol>
 * Every refusal is a {@link ConversionException} with a reason code; nothing is logged here.
 */
public final class MimeToSemp {
    private static final Pattern LINE_BREAKS = Pattern.compile("[\r\n]+");

    private MimeToSemp() {
    }

    /** Converts with {@link ConversionLimits#defaults()}. */
    public static OutboundMessage convert(InputStream mime, OutboundContext ctx) throws ConversionException {
        return convert(mime, ctx, ConversionLimits.defaults());
    }

    /** Converts the message read from {@code mime} for the batch described by {@code ctx}. */
    public static OutboundMessage convert(InputStream mime, OutboundContext ctx, ConversionLimits limits) throws ConversionException {
        byte[] message = MessageReader.read(mime, limits.maxMessageBytes());
        MimePart root;
        NativeExtractor fields;
        try {
            root = MimeParser.parse(message, limits.mime());
            fields = NativeExtractor.extract(root);
        } catch (MimeException e) {
            throw new ConversionException(ConversionError.of(e.error()), e.getMessage(), e);
        }
        HeaderSection top = root.headers();
        Brief brief = BriefMapper.map(top, ctx, ctx.newMessageId().get());
        Map<String, String> body = fields.body();
        List<Attachment> attachments = fields.attachments();
        MimeFidelity.Carried carried;
        try {
            carried = MimeFidelity.carry(root, HeaderPolicy.carriedSection(top), fields, body, attachments);
        } catch (ManifestException e) {
            throw new ConversionException(ConversionError.INTERNAL, "the fidelity extension failed its check", e);
        }
        List<Attachment> all = new ArrayList<>(attachments);
        all.addAll(carried.carriers());
        Enclosure enclosure = new Enclosure(subject(top), contentType(body), body.isEmpty() ? Map.of("text/plain", "") : body,
                all, Optional.empty(), carried.extensions(), Optional.empty());
        boolean requiresSemp = top.all("SEMP-Require").stream().anyMatch(f -> f.value().replaceAll("\\(.*\\)", "").strip()
                .equalsIgnoreCase("yes"));
        Optional<String> legacyId = top.value("Message-ID").flatMap(v -> MessageIds.parse(v).stream().findFirst());
        return new OutboundMessage(new Draft(brief, enclosure), requiresSemp, legacyId);
    }

    /** The subject, one line: each run of line breaks an encoded word decodes to becomes one space. */
    private static Optional<String> subject(HeaderSection top) {
        return top.value("Subject").map(EncodedWords::decode).map(s -> LINE_BREAKS.matcher(s).replaceAll(" ").strip());
    }

    /** ENVELOPE.md §6.4: {@code multipart/alternative} for several forms, else the one form. */
    private static String contentType(Map<String, String> body) {
        if (body.size() > 1) {
            return "multipart/alternative";
        }
        return body.isEmpty() ? "text/plain" : body.keySet().iterator().next();
    }
}
