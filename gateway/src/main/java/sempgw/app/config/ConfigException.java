package sempgw.app.config;

/**
 * A configuration value the gateway refuses to start with. The message names the key, the
 * value found and what is allowed, so an operator can fix the file without reading code.
 */
public final class ConfigException extends RuntimeException {
    private final String key;

    public ConfigException(String key, String value, String allowed) {
        super(key + " = " + value + " is not allowed: " + allowed);
        this.key = key;
    }

    /** A problem with the file as a whole (unreadable, not TOML). */
    public ConfigException(String message, Throwable cause) {
        super(message, cause);
        this.key = "";
    }

    /** The fully qualified key, for example {@code smtp.max_recipients}; empty for file-level errors. */
    public String key() {
        return key;
    }
}
