package sempgw.app.mailbox;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sempgw.core.envelope.InvalidAddressException;
import sempgw.core.envelope.SempAddress;

/**
 * The operator's mailbox commands ({@code semp-gateway mailbox ...}), over a {@link MailboxStore}:
 * the one implementation behind the running gateway's control socket and the command line
 * working on the data directory. Operator text in, {@link Outcome} out; never throws. Each change
 * is logged at INFO with the address and public key ids, which is what an operator needs to
 * audit it; nothing else about keys is ever logged.
 */
public final class MailboxAdmin {
    private static final Logger LOG = LoggerFactory.getLogger(MailboxAdmin.class);

    private final MailboxStore store;
    private final Clock clock;

    public MailboxAdmin(MailboxStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Provisions a mailbox at our domain; refused if it is elsewhere or already provisioned. */
    public Outcome add(String address) {
        return change(address, a -> {
            Mailbox m = store.add(a);
            LOG.info("mailbox agent: provisioned {}", a);
            List<String> lines = new ArrayList<>(List.of("added " + a + ", keys published:"));
            lines.addAll(MailboxListing.currentKeys(m));
            return lines;
        });
    }

    /** Revokes every key of a mailbox (published forever) and deletes its private keys. */
    public Outcome remove(String address) {
        return change(address, a -> {
            Mailbox tombstone = store.remove(a);
            LOG.info("mailbox agent: removed {}", a);
            return List.of("removed " + a + ": " + tombstone.keys().size() + " keys revoked, private keys deleted");
        });
    }

    /** Every mailbox with its keys and states. */
    public Outcome list() {
        return new Outcome.Done(MailboxListing.list(store.list(), clock.instant()));
    }

    /** New keys for a mailbox; old encryption keys keep decrypting for the policy's window. */
    public Outcome rotate(String address) {
        return change(address, a -> {
            Mailbox m = store.rotate(a);
            LOG.info("mailbox agent: rotated the keys of {}", a);
            List<String> lines = new ArrayList<>(List.of("rotated " + a + ", new keys published:"));
            lines.addAll(MailboxListing.currentKeys(m));
            lines.add("the old identity key is revoked (superseded); the old encryption keys still decrypt until "
                    + m.keys().stream().flatMap(k -> k.state() instanceof KeyState.Retired r ? Stream.of(r.decryptUntil()) : Stream.empty())
                    .max(Comparator.naturalOrder()).map(Instant::toString).orElse("now"));
            return lines;
        });
    }

    /** Turns the upgrade-signal headers of a mailbox's SMTP mail on or off (CLIENT.md §6.4.3). */
    public Outcome advertise(String address, boolean on) {
        return change(address, a -> {
            store.advertise(a, on);
            LOG.info("mailbox agent: upgrade-signal headers {} for {}", on ? "on" : "off", a);
            return List.of(a + ": upgrade-signal headers " + (on ? "on" : "off"));
        });
    }

    /**
     * Provisions every address of {@code file} not yet provisioned and reports the others. The
     * whole file is checked first: one bad line and nothing is added. An I/O failure midway keeps
     * the mailboxes added before it.
     */
    public Outcome importFile(Path file) {
        ImportFile.Parsed parsed;
        try {
            parsed = ImportFile.read(file, store.domain());
        } catch (IOException e) {
            return new Outcome.Refused(List.of("cannot import " + file + ": " + e.getMessage()));
        }
        return switch (parsed) {
            case ImportFile.Invalid(List<String> problems) -> {
                List<String> lines = new ArrayList<>(List.of(file + ": nothing imported, fix these lines first:"));
                lines.addAll(problems);
                yield new Outcome.Refused(lines);
            }
            case ImportFile.Valid(var addresses) -> importAll(file, List.copyOf(addresses));
        };
    }

    private Outcome importAll(Path file, List<SempAddress> addresses) {
        List<String> lines = new ArrayList<>();
        int added = 0;
        for (SempAddress a : addresses) {
            try {
                store.add(a);
                lines.add("added " + a);
                added++;
            } catch (MailboxRefused e) {
                lines.add("exists " + a);
            } catch (IOException | RuntimeException e) {
                LOG.error("mailbox agent: import of {} stopped at {}: {}", file, a, e.toString());
                lines.add("failed at " + a + ": " + e.getMessage() + "; " + added + " added before it");
                return new Outcome.Failed(lines);
            }
        }
        LOG.info("mailbox agent: imported {}: {} added, {} already provisioned", file, added, addresses.size() - added);
        lines.add(file + ": " + added + " added, " + (addresses.size() - added) + " already provisioned");
        return new Outcome.Done(lines);
    }

    private Outcome change(String address, Change change) {
        SempAddress a;
        try {
            a = MailboxAddresses.parse(address);
        } catch (InvalidAddressException e) {
            return new Outcome.Refused(List.of("not a mailbox address: " + e.getMessage()));
        }
        try {
            return new Outcome.Done(change.apply(a));
        } catch (MailboxRefused e) {
            return new Outcome.Refused(List.of(e.getMessage()));
        } catch (IOException | RuntimeException e) {
            LOG.error("mailbox agent: change to {} failed: {}", a, e.toString());
            return new Outcome.Failed(List.of(a + ": " + e.getMessage()));
        }
    }

    /** One change to one mailbox. */
    @FunctionalInterface
    private interface Change {
        List<String> apply(SempAddress address) throws MailboxRefused, IOException;
    }
}
