package sempgw.core.envelope.open;

import java.util.Objects;
import sempgw.core.envelope.brief.Brief;
import sempgw.core.envelope.enclosure.Enclosure;
import sempgw.core.json.JsonObject;
import sempgw.core.keys.IdentityPublicKey;

/**
 * A decrypted envelope whose sender signature verified (ENVELOPE.md §7.2 steps 8-12).
 *
 * @param brief the decrypted brief
 * @param enclosure the decrypted, signature-checked enclosure
 * @param enclosureTree the enclosure exactly as decrypted: what a forward must carry unmodified
 *     as {@code original_enclosure_plaintext} (ENVELOPE.md §6.6.2)
 * @param senderKey the identity key the enclosure verified under
 * @param forward the forwarding chain outcome, if the enclosure carries one
 */
public record OpenedEnvelope(Brief brief, Enclosure enclosure, JsonObject enclosureTree, IdentityPublicKey senderKey,
                             ForwardCheck forward) {
    public OpenedEnvelope {
        Objects.requireNonNull(brief, "brief");
        Objects.requireNonNull(enclosure, "enclosure");
        Objects.requireNonNull(enclosureTree, "enclosureTree");
        Objects.requireNonNull(senderKey, "senderKey");
        Objects.requireNonNull(forward, "forward");
    }

    /** Shows the message id only. */
    @Override
    public String toString() {
        return "OpenedEnvelope[" + brief.messageId() + "]";
    }
}
