package sempgw.store.queue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The envelope stored with a message: everything of a {@link QueueEntry} except per-recipient
 * state, which starts as {@link RecipientState#QUEUED} and changes through status records.
 * Encoded with {@link Wire} as version 1 of the envelope record.
 */
record QueuedEnvelope(Sender sender, Origin origin, Instant arrivedAt, long size, List<Recipient> recipients) {
    private static final int VERSION = 1;

    QueuedEnvelope {
        recipients = List.copyOf(recipients);
    }

    QueueEntry toEntry(QueueId id) {
        List<RecipientStatus> statuses = recipients.stream()
                .map(r -> new RecipientStatus(r, RecipientState.QUEUED, 0, arrivedAt, Optional.empty(), false))
                .toList();
        return new QueueEntry(id, sender, origin, statuses, arrivedAt, size);
    }

    byte[] encode() {
        Wire.Out out = new Wire.Out().u8(VERSION);
        out.string(sender.reversePath()).optString(sender.ret().map(Enum::name)).optString(sender.envId())
                .name(sender.body()).bool(sender.smtpUtf8());
        out.octets(origin.clientAddress().getAddress()).string(origin.heloName()).string(origin.protocol())
                .optString(origin.authenticatedUser());
        out.instant(arrivedAt).i64(size).i32(recipients.size());
        for (Recipient r : recipients) {
            out.string(r.address()).i32(r.notifyOn().size());
            r.notifyOn().stream().sorted().forEach(out::name);
            out.optString(r.orcpt());
        }
        return out.toByteArray();
    }

    static QueuedEnvelope decode(byte[] data) throws CorruptEntryException {
        Wire.In in = new Wire.In(data, "envelope");
        if (in.u8() != VERSION) {
            throw new CorruptEntryException("envelope: unsupported version");
        }
        Sender sender = new Sender(in.string(), ret(in.optString()), in.optString(), in.name(Sender.BodyType.class), in.bool());
        Origin origin = new Origin(address(in.octets()), in.string(), in.string(), in.optString());
        Instant arrivedAt = in.instant();
        long size = in.i64();
        int count = in.i32();
        if (count < 1 || count > data.length) {
            throw new CorruptEntryException("envelope: bad recipient count");
        }
        List<Recipient> recipients = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String address = in.string();
            int notifyCount = in.i32();
            if (notifyCount < 0 || notifyCount > Recipient.Notify.values().length) {
                throw new CorruptEntryException("envelope: bad NOTIFY count");
            }
            Set<Recipient.Notify> notify = EnumSet.noneOf(Recipient.Notify.class);
            for (int n = 0; n < notifyCount; n++) {
                notify.add(in.name(Recipient.Notify.class));
            }
            recipients.add(recipient(address, notify, in.optString()));
        }
        in.end();
        return new QueuedEnvelope(sender, origin, arrivedAt, size, recipients);
    }

    private static Optional<Sender.DsnRet> ret(Optional<String> name) throws CorruptEntryException {
        try {
            return name.map(Sender.DsnRet::valueOf);
        } catch (IllegalArgumentException e) {
            throw new CorruptEntryException("envelope: unknown RET");
        }
    }

    private static InetAddress address(byte[] raw) throws CorruptEntryException {
        try {
            return InetAddress.getByAddress(raw);
        } catch (UnknownHostException e) {
            throw new CorruptEntryException("envelope: bad client address");
        }
    }

    private static Recipient recipient(String address, Set<Recipient.Notify> notify, Optional<String> orcpt)
            throws CorruptEntryException {
        try {
            return new Recipient(address, notify, orcpt);
        } catch (IllegalArgumentException e) {
            throw new CorruptEntryException("envelope: invalid recipient");
        }
    }
}
