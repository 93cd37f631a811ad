package sempgw.app.mailbox;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import sempgw.core.keys.KeyType;

/**
 * Formats mailboxes for {@code mailbox list}: one line per mailbox (address, upgrade-signal flag)
 * and one per key (type, algorithm, key id, created, expires, state), current keys first.
 * Public keys' fingerprints only: never private material.
 */
final class MailboxListing {
    private MailboxListing() {
    }

    static List<String> list(List<Mailbox> mailboxes, Instant now) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%-40s %s", "MAILBOX", "ADVERTISE"));
        for (Mailbox m : mailboxes) {
            lines.add(String.format(Locale.ROOT, "%-40s %s", m.address(), m.advertise() ? "yes" : "no"));
            m.keys().reversed().stream().sorted(Comparator.comparingInt(MailboxListing::rank).thenComparing(MailboxKey::type))
                    .forEach(k -> lines.add(String.format(Locale.ROOT, "    %-10s %-24s %s  created %s  expires %s  %s",
                            k.type().wireName(), k.algorithm(), k.keyId(), time(k.created()), time(k.expires()), state(k, now))));
        }
        lines.add(mailboxes.size() + (mailboxes.size() == 1 ? " mailbox" : " mailboxes"));
        return lines;
    }

    /** The new keys of {@code m}, one line each, as {@code add} and {@code rotate} report them. */
    static List<String> currentKeys(Mailbox m) {
        return m.keys().stream().filter(MailboxKey::isCurrent)
                .map(k -> "    " + k.type().wireName() + " " + (k.type() == KeyType.IDENTITY ? k.algorithm() + ":" + k.keyId() : k.algorithm() + " " + k.keyId()))
                .toList();
    }

    private static String state(MailboxKey k, Instant now) {
        return switch (k.state()) {
            case KeyState.Current c -> k.expires().isAfter(now) ? "current" : "current, EXPIRED: rotate";
            case KeyState.Retired r -> "retired " + time(r.at()) + ", decrypts until " + time(r.decryptUntil());
            case KeyState.Revoked r -> "revoked " + time(r.at()) + " (" + r.reason().wireName() + ")";
        };
    }

    private static int rank(MailboxKey k) {
        return switch (k.state()) {
            case KeyState.Current c -> 0;
            case KeyState.Retired r -> 1;
            case KeyState.Revoked r -> 2;
        };
    }

    private static String time(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
