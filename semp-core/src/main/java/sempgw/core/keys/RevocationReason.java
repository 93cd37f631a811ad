package sempgw.core.keys;

import java.util.Optional;

/** Why a key was revoked (KEY.md §8.2, ERRORS.md §9). */
public enum RevocationReason {
    KEY_COMPROMISE("key_compromise"),
    SUPERSEDED("superseded"),
    CESSATION_OF_OPERATION("cessation_of_operation"),
    TEMPORARY_HOLD("temporary_hold");

    private final String wireName;

    RevocationReason(String wireName) {
        this.wireName = wireName;
    }

    /** The wire form. */
    public String wireName() {
        return wireName;
    }

    /** The reason named {@code wireName}, if known (case-sensitive). */
    public static Optional<RevocationReason> parse(String wireName) {
        for (RevocationReason r : values()) {
            if (r.wireName.equals(wireName)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
