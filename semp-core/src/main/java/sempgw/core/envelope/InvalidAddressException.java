package sempgw.core.envelope;

/**
 * An address that is not, or cannot be made, a canonical SEMP address (ENVELOPE.md §2.3). The
 * message says which rule failed and never echoes the address.
 */
public final class InvalidAddressException extends Exception {

    /** A failure described by {@code rule}. */
    public InvalidAddressException(String rule) {
        super(rule);
    }
}
