package sempgw.store.queue;

import java.time.Instant;
import java.util.Optional;

/**
 * One change of one recipient's state, appended to its queue file as an encrypted record.
 * Replaying a file's records in order over the envelope's initial states gives the current
 * state; the last record for a recipient wins.
 *
 * <p>Version 2 (written) adds the reply's reason code, detail and RFC 3463 status after the
 * version 1 fields; version 1 records (no reason) are still read, so a queue written by an
 * earlier release replays unchanged.
 */
record StatusRecord(int index, RecipientState state, int attempts, Instant nextAttempt, Optional<String> lastReply,
        boolean delayNotified, Optional<DeliveryResult.Reason> lastReason) {
    private static final int VERSION_1 = 1;
    private static final int VERSION = 2;

    static StatusRecord of(int index, RecipientStatus status) {
        return new StatusRecord(index, status.state(), status.attempts(), status.nextAttempt(), status.lastReply(),
                status.delayNotified(), status.lastReason());
    }

    RecipientStatus applyTo(Recipient recipient) {
        return new RecipientStatus(recipient, state, attempts, nextAttempt, lastReply, delayNotified, lastReason);
    }

    byte[] encode() {
        Wire.Out out = new Wire.Out().u8(VERSION).i32(index).name(state).i32(attempts).instant(nextAttempt)
                .optString(lastReply).bool(delayNotified).bool(lastReason.isPresent());
        lastReason.ifPresent(r -> out.string(r.code()).string(r.detail()).optString(r.status()));
        return out.toByteArray();
    }

    static StatusRecord decode(byte[] data) throws CorruptEntryException {
        Wire.In in = new Wire.In(data, "status record");
        int version = in.u8();
        if (version != VERSION && version != VERSION_1) {
            throw new CorruptEntryException("status record: unsupported version");
        }
        int index = in.i32();
        RecipientState state = in.name(RecipientState.class);
        int attempts = in.i32();
        Instant nextAttempt = in.instant();
        Optional<String> lastReply = in.optString();
        boolean delayNotified = in.bool();
        Optional<DeliveryResult.Reason> reason = version == VERSION_1 || !in.bool() ? Optional.empty() : Optional.of(reason(in));
        in.end();
        return new StatusRecord(index, state, attempts, nextAttempt, lastReply, delayNotified, reason);
    }

    private static DeliveryResult.Reason reason(Wire.In in) throws CorruptEntryException {
        String code = in.string();
        String detail = in.string();
        Optional<String> status = in.optString();
        try {
            return new DeliveryResult.Reason(code, detail, status);
        } catch (IllegalArgumentException e) {
            throw new CorruptEntryException("status record: bad reason");
        }
    }
}
