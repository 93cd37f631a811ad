package sempgw.core.envelope.seal;

import java.util.Objects;
import java.util.Optional;
import sempgw.core.SempReason;
import sempgw.core.envelope.FormatError;
import sempgw.core.envelope.ReceivedEnvelope;
import sempgw.core.envelope.brief.Brief;

/** The outcome of the receive pipeline: errors as values, each rejection explicit (ENVELOPE.md §9.2). */
public sealed interface Verdict {

    /**
     * Every check passed: deliver.
     *
     * @param envelope the envelope as received, to store and hand to the recipient client unchanged
     * @param brief the decrypted brief, for routing to local recipients
     * @param canonical the ENVELOPE.md §4.3 canonical bytes the seal verified
     *     ({@code envelope.canonicalBytes()}), which the delivery receipt's {@code envelope_hash}
     *     covers (DELIVERY.md §1.1.1.3); not copied, never modified
     */
    record Accepted(ReceivedEnvelope envelope, Brief brief, byte[] canonical) implements Verdict {
        public Accepted {
            Objects.requireNonNull(envelope, "envelope");
            Objects.requireNonNull(brief, "brief");
            Objects.requireNonNull(canonical, "canonical");
        }

        /** Shows the envelope only. */
        @Override
        public String toString() {
            return "Accepted[" + envelope + "]";
        }
    }

    /**
     * A rejection to send back (ENVELOPE.md §9.2: reason code, description, {@code postmark.id}).
     *
     * @param reason the SEMP reason code
     * @param detail operator text; safe to log, never parsed (ERRORS.md §15.1)
     * @param postmarkId the rejected envelope's {@code postmark.id}
     * @param extension for {@code extension_unsupported}, the key that caused it (EXTENSIONS.md §3.1)
     */
    record Rejected(SempReason reason, String detail, String postmarkId, Optional<String> extension) implements Verdict {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(postmarkId, "postmarkId");
            Objects.requireNonNull(extension, "extension");
        }
    }

    /**
     * Not a parseable envelope: answer at the transport level (HTTP 400, ERRORS.md §12), there is
     * no SEMP reason code for it.
     *
     * @param error what was wrong
     * @param detail operator text naming the field
     */
    record Malformed(FormatError error, String detail) implements Verdict {
        public Malformed {
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
