package sempgw.app.demo;

import java.util.Objects;

/**
 * One step of the message's way that the demo observed, as one short human line.
 *
 * @param kind what happened
 * @param text the line printed after the kind, e.g. {@code beta.test speaks SEMP (...)}
 */
record Hop(Kind kind, String text) {
    Hop {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }

    /** The hops in the order a message normally meets them, and {@link #PROBLEM} for anything that went wrong on the way. */
    enum Kind {
        SMTP("smtp"),
        DISCOVERY("discovery"),
        HANDSHAKE("handshake"),
        SEALED("sealed"),
        OPENED("opened"),
        RECEIPT("receipt"),
        MAILBOX("mailbox"),
        PROBLEM("problem");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }
}
