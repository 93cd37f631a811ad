package sempgw.store.queue;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Queue ids: 10 base-62 digits of microseconds since the epoch, then 4 random base-62 digits
 * (14 characters of {@code [0-9A-Za-z]}). The digits are in ASCII order, so ids sort by time as
 * plain strings, and they are safe as file names and in log lines. The time part is strictly
 * increasing within a process and starts above every id recovered from the queue, so a new id
 * never names an existing file even if the clock stepped back; the random part keeps log lines
 * of different runs apart.
 */
final class QueueIds {
    private static final String DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int TIME_DIGITS = 10;
    private static final int RANDOM_DIGITS = 4;

    private final Clock clock;
    private long last;

    QueueIds(Clock clock, long floorMicros) {
        this.clock = clock;
        this.last = floorMicros;
    }

    synchronized QueueId next() {
        last = Math.max(micros(clock.instant()), last + 1);
        char[] id = new char[TIME_DIGITS + RANDOM_DIGITS];
        long time = last;
        for (int i = TIME_DIGITS - 1; i >= 0; i--) {
            id[i] = DIGITS.charAt((int) (time % 62));
            time /= 62;
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = TIME_DIGITS; i < id.length; i++) {
            id[i] = DIGITS.charAt(random.nextInt(62));
        }
        return new QueueId(new String(id));
    }

    /** The time part of an id made here, in microseconds; 0 for an id of another form. */
    static long micros(QueueId id) {
        String value = id.value();
        if (value.length() != TIME_DIGITS + RANDOM_DIGITS) {
            return 0;
        }
        long time = 0;
        for (int i = 0; i < TIME_DIGITS; i++) {
            time = time * 62 + DIGITS.indexOf(value.charAt(i));
        }
        return time;
    }

    private static long micros(Instant instant) {
        return Math.max(0, instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000);
    }
}
