package sempgw.app.mailbox;

import java.util.List;

/** What a {@link MailboxAdmin} operation did, as lines for the operator. */
public sealed interface Outcome {

    /** The lines to show. */
    List<String> lines();

    /** Done. */
    record Done(List<String> lines) implements Outcome {
        public Done {
            lines = List.copyOf(lines);
        }
    }

    /** Refused, nothing changed: the lines say why. */
    record Refused(List<String> lines) implements Outcome {
        public Refused {
            lines = List.copyOf(lines);
        }
    }

    /** A local failure (I/O, keys); what was done before it stays done. */
    record Failed(List<String> lines) implements Outcome {
        public Failed {
            lines = List.copyOf(lines);
        }
    }
}
