package sempgw.agent.fidelity;

import java.util.Optional;
import sempgw.agent.mime.MimePart;

/** How the native enclosure fields were taken from the MIME tree, as the manifest builder needs it. */
public interface NativeView {

    /** True when {@code part} must be carried verbatim as a whole (signed or encrypted content). */
    boolean opaque(MimePart part);

    /** What leaf {@code part} became, if anything. */
    Optional<PartRole> role(MimePart part);
}
