package sempgw.semp.ingress.http;

/** What one conversation turn produced, handed back to the channel's event loop. */
sealed interface TurnOutcome {

    /** The conversation answered; {@code finished} asks the transport to close after sending it. */
    record Reply(byte[] body, boolean finished) implements TurnOutcome {}

    /** The conversation chose to send nothing ({@code silent}, DELIVERY.md §1.3). */
    record Silent(boolean finished) implements TurnOutcome {}

    /**
     * The message is not a SEMP message the conversation can answer; the transport answers below
     * SEMP: h2 400, ws close 1007 (ERRORS.md §12, TRANSPORT.md §4.2.2).
     */
    record Malformed(boolean finished) implements TurnOutcome {}

    /** The conversation failed unexpectedly; the transport answers with a temporary failure. */
    record Failed(RuntimeException cause) implements TurnOutcome {}
}
