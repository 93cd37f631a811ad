package sempgw.agent;

import java.util.Optional;
import sempgw.agent.fidelity.ManifestException;
import sempgw.agent.fidelity.MimeFidelity;
import sempgw.core.envelope.enclosure.Enclosure;

/**
 * Inbound conversion: an opened envelope becomes the MIME message for the legacy mailbox, CRLF
 * line ends, ready to queue (docs/conversion.md). Exactly one of three forms, each with exactly
 * one {@code SEMP-Verification} header at the top:
 * <ol>
 *   <li>Content not verified (seal or sender signature did not pass, or no enclosure): a
 *   {@link WithheldNotice}, never the content (ENVELOPE.md §6.5.3).</li>
 *   <li>A valid {@value MimeFidelity#KEY} extension: the carried message, rebuilt byte for byte,
 *   top-level header adjusted ({@link CarriedRenderer}).</li>
 *   <li>Otherwise (native sender, or an extension that does not rebuild): MIME composed from the
 *   brief and enclosure per CLIENT.md §6.4.2 ({@link NativeRenderer}).</li>
 * </ol>
 * Never throws for any envelope content.
 */
public final class SempToMime {
    private SempToMime() {
    }

    /** The message for the mailbox. */
    public static byte[] render(InboundContext ctx) {
        if (!ctx.verification().contentTrusted() || ctx.enclosure().isEmpty()) {
            return WithheldNotice.render(ctx);
        }
        Enclosure e = ctx.enclosure().get();
        Optional<byte[]> carried;
        try {
            carried = MimeFidelity.rebuild(e);
        } catch (ManifestException ex) {
            carried = Optional.empty();
        }
        Optional<byte[]> message = carried.flatMap(bytes -> CarriedRenderer.render(bytes, ctx));
        return message.orElseGet(() -> NativeRenderer.render(ctx, e));
    }
}
