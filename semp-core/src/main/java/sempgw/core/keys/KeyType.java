package sempgw.core.keys;

import java.util.Optional;

/** The {@code key_type} of a key record (KEY.md §4.4). */
public enum KeyType {
    IDENTITY("identity"),
    ENCRYPTION("encryption"),
    DEVICE("device"),
    DOMAIN("domain");

    private final String wireName;

    KeyType(String wireName) {
        this.wireName = wireName;
    }

    /** The wire form. */
    public String wireName() {
        return wireName;
    }

    /** The type named {@code wireName}, if known (case-sensitive). */
    public static Optional<KeyType> parse(String wireName) {
        for (KeyType t : values()) {
            if (t.wireName.equals(wireName)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
