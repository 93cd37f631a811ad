package sempgw.core.envelope.seal;

import java.util.Optional;
import sempgw.core.SempReason;

/** A failed pipeline step, turned into {@link Verdict.Rejected} at the pipeline's boundary. */
final class Rejection extends Exception {
    private final SempReason reason;
    private final String extension;

    Rejection(SempReason reason, String detail) {
        this(reason, detail, null);
    }

    Rejection(SempReason reason, String detail, String extension) {
        super(detail, null, false, false);
        this.reason = reason;
        this.extension = extension;
    }

    Verdict.Rejected toVerdict(String postmarkId) {
        return new Verdict.Rejected(reason, getMessage(), postmarkId, Optional.ofNullable(extension));
    }
}
