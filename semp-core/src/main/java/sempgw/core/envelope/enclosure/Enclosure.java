package sempgw.core.envelope.enclosure;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import sempgw.core.json.JsonObject;

/**
 * The enclosure: subject, body and attachments, encrypted under {@code K_enclosure} and readable
 * by the recipient client only (ENVELOPE.md §6).
 *
 * <p>Body values are the content text itself, as semp-go stores them; §6.1 calls them base64,
 * which no implementation does (SPEC-DIGEST-WIRE §2.5, docs/interop.md).
 *
 * @param subject the subject, absent when empty (go omits it)
 * @param contentType MIME type of the body; {@code multipart/alternative} for several forms (§6.4)
 * @param body MIME type to content
 * @param attachments attached files
 * @param forwardedFrom forwarding evidence, absent when not a forward (go omits {@code null})
 * @param extensions content extensions (§8)
 * @param senderSignature the sender's identity signature over the canonical enclosure (§6.5)
 */
public record Enclosure(Optional<String> subject, String contentType, Map<String, String> body,
                        List<Attachment> attachments, Optional<ForwardedFrom> forwardedFrom, JsonObject extensions,
                        Optional<IdentitySignature> senderSignature) {

    public Enclosure {
        subject = Objects.requireNonNull(subject, "subject").filter(s -> !s.isEmpty());
        Objects.requireNonNull(contentType, "contentType");
        body = Collections.unmodifiableMap(new LinkedHashMap<>(body));
        attachments = List.copyOf(attachments);
        Objects.requireNonNull(forwardedFrom, "forwardedFrom");
        Objects.requireNonNull(extensions, "extensions");
        Objects.requireNonNull(senderSignature, "senderSignature");
    }

    /** An unsigned single-part enclosure. */
    public static Enclosure of(String subject, String contentType, String content) {
        return new Enclosure(Optional.of(subject), contentType, Map.of(contentType, content), List.of(),
                Optional.empty(), JsonObject.EMPTY, Optional.empty());
    }

    /** This enclosure with a sender signature block. */
    public Enclosure withSenderSignature(IdentitySignature signature) {
        return new Enclosure(subject, contentType, body, attachments, forwardedFrom, extensions, Optional.of(signature));
    }

    /** This enclosure with attachments. */
    public Enclosure withAttachments(List<Attachment> newAttachments) {
        return new Enclosure(subject, contentType, body, newAttachments, forwardedFrom, extensions, senderSignature);
    }

    /** This enclosure carrying a forward. */
    public Enclosure withForwardedFrom(ForwardedFrom forward) {
        return new Enclosure(subject, contentType, body, attachments, Optional.of(forward), extensions, senderSignature);
    }

    /** Shows the content type only. */
    @Override
    public String toString() {
        return "Enclosure[" + contentType + ", " + attachments.size() + " attachments]";
    }
}
