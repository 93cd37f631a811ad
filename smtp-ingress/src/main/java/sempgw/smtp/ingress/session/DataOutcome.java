package sempgw.smtp.ingress.session;

import java.io.IOException;
import java.util.Objects;
import sempgw.smtp.ingress.data.DataViolation;

/** How the DATA phase of one message ended. */
public sealed interface DataOutcome {

    /** The whole message arrived within every limit and was written to the submission. */
    record Received(long size, boolean eightBit) implements DataOutcome {
    }

    /** The message arrived but breaks a limit; it was read to its end and nothing kept. */
    record Refused(DataViolation violation) implements DataOutcome {
        public Refused {
            Objects.requireNonNull(violation, "violation");
        }
    }

    /** Writing to the queue failed; the message was read to its end. */
    record WriteFailed(IOException cause) implements DataOutcome {
        public WriteFailed {
            Objects.requireNonNull(cause, "cause");
        }
    }

    /** The client went away before the end of data. */
    record ClientGone() implements DataOutcome {
    }
}
