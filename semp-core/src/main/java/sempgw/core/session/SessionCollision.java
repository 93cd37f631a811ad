package sempgw.core.session;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The federation collision rule (SESSION.md §2.5.2): when two servers open handshakes to each
 * other at the same time, both compare the two {@code session_id}s at the confirm step and the
 * session whose id sorts lower is abandoned. Ids are compared by their UTF-8 bytes, so both
 * sides agree whatever characters the ids hold.
 */
public final class SessionCollision {
    private SessionCollision() {
    }

    /** The id of the session that proceeds (SESSION.md §2.5.2). */
    public static String survivor(String sessionIdA, String sessionIdB) {
        return compare(sessionIdA, sessionIdB) >= 0 ? sessionIdA : sessionIdB;
    }

    /** True when the session {@code mine} must be abandoned in favour of {@code other}. */
    public static boolean abandons(String mine, String other) {
        return compare(mine, other) < 0;
    }

    private static int compare(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
