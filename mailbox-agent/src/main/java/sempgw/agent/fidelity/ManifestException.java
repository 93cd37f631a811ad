package sempgw.agent.fidelity;

/** A fidelity extension that cannot be used: malformed, over a limit, or referring to missing fields. */
public final class ManifestException extends Exception {

    /** A failure described by {@code detail}, which never quotes content. */
    public ManifestException(String detail) {
        super(detail);
    }
}
