package sempgw.semp.egress.discovery;

import java.util.Objects;

/** A configuration document was rejected; {@link #error()} says why, the message gives detail for the operator. */
public final class ConfigurationException extends Exception {

    private static final long serialVersionUID = 1L;

    private final ConfigError error;

    public ConfigurationException(ConfigError error, String message) {
        super(message);
        this.error = Objects.requireNonNull(error, "error");
    }

    public ConfigError error() {
        return error;
    }
}
