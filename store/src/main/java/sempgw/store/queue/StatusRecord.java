package sempgw.store.queue;

import java.time.Instant;
import java.util.Optional;

/**
 * One change of one recipient's state, appended to its queue file as an encrypted record
 * (version 1). Replaying a file's records in order over the envelope's initial states gives
 * the current state; the last record for a recipient wins.
 */
record StatusRecord(int index, RecipientState state, int attempts, Instant nextAttempt, Optional<String> lastReply,
        boolean delayNotified) {
    private static final int VERSION = 1;

    static StatusRecord of(int index, RecipientStatus status) {
        return new StatusRecord(index, status.state(), status.attempts(), status.nextAttempt(), status.lastReply(),
                status.delayNotified());
    }

    RecipientStatus applyTo(Recipient recipient) {
        return new RecipientStatus(recipient, state, attempts, nextAttempt, lastReply, delayNotified);
    }

    byte[] encode() {
        return new Wire.Out().u8(VERSION).i32(index).name(state).i32(attempts).instant(nextAttempt)
                .optString(lastReply).bool(delayNotified).toByteArray();
    }

    static StatusRecord decode(byte[] data) throws CorruptEntryException {
        Wire.In in = new Wire.In(data, "status record");
        if (in.u8() != VERSION) {
            throw new CorruptEntryException("status record: unsupported version");
        }
        StatusRecord record = new StatusRecord(in.i32(), in.name(RecipientState.class), in.i32(), in.instant(),
                in.optString(), in.bool());
        in.end();
        return record;
    }
}
