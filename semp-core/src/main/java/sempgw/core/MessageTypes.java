package sempgw.core;

import java.util.Set;

/**
 * The message {@code type} values SEMP 1.x defines, the revision this gateway implements: the
 * line between a known type arriving where it does not belong, which keeps its refusal, and an
 * unknown optional message type (CONFORMANCE.md §9.1.4), which a receiver drops silently unless
 * the sender marked it critical. The spec defines no such mark for a message type (EXTENSIONS.md
 * §3 marks extension entries only), so every unknown type is dropped (docs/interop.md).
 *
 * <p>The list is every {@code "type"} value the spec documents show: HANDSHAKE.md §1.4,
 * ENVELOPE.md §2.1, CLIENT.md §5.4, §6.1, DELIVERY.md §1.1.1, §1.6.5, §7.1, TRANSPORT.md §4.2.4,
 * DISCOVERY.md §3, §3.3, §3.5.4, §4.1, §5.4, and KEY.md, REPUTATION.md, CLOSURE.md, RECOVERY.md and
 * MIGRATION.md.
 */
public final class MessageTypes {
    static final Set<String> DEFINED = Set.of(
            "SEMP_HANDSHAKE", "SEMP_REKEY", "SEMP_ENVELOPE", "SEMP_SUBMISSION", "SEMP_DELIVERY_RECEIPT",
            "SEMP_DELIVERY_EVENT", "SEMP_STATUS", "SEMP_USER_POLICY", "SEMP_CONFIGURATION", "SEMP_CONFIGURATION_UPDATE",
            "SEMP_DISCOVERY", "SEMP_INTERNAL_ROUTE", "SEMP_DOMAIN_KEYS", "SEMP_KEYS", "SEMP_KEY_REVOCATION", "SEMP_KEY_STORE",
            "SEMP_DEVICE", "SEMP_DEVICE_CERTIFICATE", "SEMP_DEVICE_CERTIFICATE_REVOCATION", "SEMP_DEVICE_DIRECTORY",
            "SEMP_DEVICE_REVOCATION", "SEMP_ABUSE_REPORT", "SEMP_ABUSE_EVIDENCE", "SEMP_TRUST_OBSERVATION",
            "SEMP_TRUST_TRANSFER", "SEMP_REPUTATION_REFERENCES", "SEMP_ACCOUNT_CLOSURE", "SEMP_BACKUP_BUNDLE",
            "SEMP_RECOVERY_SET_MANIFEST", "SEMP_RECOVERY_SHARE", "SEMP_SUCCESSOR", "SEMP_MIGRATION");

    private MessageTypes() {
    }

    /** Whether SEMP 1.x defines {@code type}; matching is exact, as for reason codes (ERRORS.md §15.3). */
    public static boolean defined(String type) {
        return DEFINED.contains(type);
    }
}
