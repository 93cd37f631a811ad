package sempgw.app.bench;

import java.util.Locale;
import sempgw.core.crypto.SuiteId;

/**
 * One configuration's figures, one table row.
 *
 * @param what       {@code handshakes}; {@code envelopes} (the delivery agent called directly,
 *                   to the receiver's inbox); {@code queued} (sender queue and queue manager, to
 *                   the receiver's inbox); {@code gateways} (two whole gateways, outbox to inbox)
 * @param sessions   concurrent sessions, one per sending domain
 * @param stored     envelopes the receiver committed to its inbox during the whole configuration
 *                   (warm-up included), against {@code delivered}, the sender's count of
 *                   {@code delivered} acknowledgments with a verified receipt: equal, or mail was lost
 */
record Result(String what, SuiteId suite, Transport transport, int sessions, LoadRun.Window window, long delivered, long stored) {

    static String suiteName(SuiteId suite) {
        return suite == SuiteId.PQ_KYBER768_X25519 ? "PQ (kyber768-x25519)" : "baseline (x25519)";
    }

    String key() {
        return (what + " " + suite.wireName() + " " + transport.label + " " + sessions).toLowerCase(Locale.ROOT);
    }

    /** The row's label. */
    String label() {
        return switch (what) {
            case "envelopes" -> "envelopes, agent -> inbox";
            case "queued" -> "envelopes, queue -> inbox";
            case "gateways" -> "envelopes, gateway a -> gateway b";
            default -> what;
        };
    }

    /** Envelope runs lost nothing when the inbox holds exactly what was acknowledged (submitted, for {@code gateways}). */
    String durability() {
        if (what.equals("handshakes")) {
            return "-";
        }
        return stored == delivered ? "stored = acked (" + stored + ")" : "MISMATCH stored " + stored + " acked " + delivered;
    }
}
