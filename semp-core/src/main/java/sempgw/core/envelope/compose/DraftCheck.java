package sempgw.core.envelope.compose;

import java.util.Map;
import sempgw.core.envelope.ExtensionLayer;
import sempgw.core.envelope.Extensions;
import sempgw.core.envelope.InvalidAddressException;
import sempgw.core.envelope.SempAddress;
import sempgw.core.envelope.brief.Brief;
import sempgw.core.envelope.enclosure.Enclosure;

/**
 * The checks a draft passes before anything is encrypted or signed.
 *
 * <ol>
 *   <li>Every address is canonical (ENVELOPE.md §2.3.3: "MUST NOT produce a seal over an envelope
 *   whose brief contains any non-canonical or over-length address") -> NON_CANONICAL_ADDRESS.</li>
 *   <li>There is at least one recipient -> NO_RECIPIENTS.</li>
 *   <li>A single-type body has exactly the one entry of {@code content_type}; a multipart body has
 *   at least one (§6.4) -> INVALID_CONTENT.</li>
 *   <li>Brief and enclosure extensions fit their send limits (EXTENSIONS.md §4.1) -> EXTENSION_TOO_LARGE.</li>
 * </ol>
 */
final class DraftCheck {
    private DraftCheck() {
    }

    static void check(Draft draft) throws ComposeException {
        Brief b = draft.brief();
        canonical(b.from());
        if (b.replyTo().isPresent()) {
            canonical(b.replyTo().get());
        }
        for (String a : b.allRecipients()) {
            canonical(a);
        }
        if (b.allRecipients().isEmpty()) {
            throw new ComposeException(ComposeError.NO_RECIPIENTS, "the brief has no recipient");
        }
        body(draft.enclosure());
        if (!Extensions.withinSendLimit(ExtensionLayer.BRIEF, b.extensions())
                || !Extensions.withinSendLimit(ExtensionLayer.ENCLOSURE, draft.enclosure().extensions())) {
            throw new ComposeException(ComposeError.EXTENSION_TOO_LARGE, "brief or enclosure extensions exceed their limit (EXTENSIONS.md §4.1)");
        }
    }

    private static void body(Enclosure e) throws ComposeException {
        Map<String, String> body = e.body();
        boolean multipart = e.contentType().startsWith("multipart/");
        if (multipart ? body.isEmpty() : body.size() != 1 || !body.containsKey(e.contentType())) {
            throw new ComposeException(ComposeError.INVALID_CONTENT, "body does not match content_type (ENVELOPE.md §6.4)");
        }
    }

    private static void canonical(String address) throws ComposeException {
        try {
            SempAddress.parse(address);
        } catch (InvalidAddressException e) {
            throw new ComposeException(ComposeError.NON_CANONICAL_ADDRESS, "brief address: " + e.getMessage());
        }
    }
}
