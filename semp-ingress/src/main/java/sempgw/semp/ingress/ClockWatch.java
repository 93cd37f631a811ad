package sempgw.semp.ingress;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sempgw.core.ClockState;

/**
 * Keeps the verdict of {@link ClockState} on this machine's clock, from readings the server
 * takes every {@link ClockState#MIN_SPAN}, for the federation listener to consult before it
 * admits a message (CONFORMANCE.md §9.3.5). The state is unknown while the wall clock reads an
 * implausible date, or once it has looked stopped over {@link ClockState#STOPPED_SPANS} spans in
 * a row (one such span may be a step back); a reading too close to the last judged one changes
 * nothing but the date check. While the state is unknown, no handshake or envelope is admitted and
 * so no acknowledgment is issued; the operator is told once at ERROR when it becomes unknown and
 * once at INFO when it is known again. Thread-safe: {@link #refusal()} is a volatile read.
 */
public final class ClockWatch {
    private static final Logger LOG = LoggerFactory.getLogger(ClockWatch.class);

    private final Clock clock;
    private final LongSupplier monotonic;
    private ClockState.Reading judged;
    private int stoppedSpans;
    private String stoppedWhy;
    private volatile Optional<String> unknown = Optional.empty();

    /** Takes a first reading of {@code clock} and {@code monotonic} at once. */
    public ClockWatch(Clock clock, LongSupplier monotonic) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.monotonic = Objects.requireNonNull(monotonic, "monotonic");
        sample();
    }

    /** On the system's clocks. */
    public static ClockWatch system(Clock clock) {
        return new ClockWatch(clock, System::nanoTime);
    }

    /** Takes a reading and judges it against the last judged one. */
    public synchronized void sample() {
        ClockState.Reading now = new ClockState.Reading(clock.instant(), monotonic.getAsLong());
        if (judged == null) {
            judged = now;
        } else if (judged.spanTo(now)) {
            Optional<String> stopped = ClockState.stopped(judged, now);
            stoppedSpans = stopped.isPresent() ? stoppedSpans + 1 : 0;
            stoppedWhy = stopped.orElse(null);
            judged = now;
        }
        Optional<String> verdict = ClockState.implausible(now.wall())
                .or(() -> stoppedSpans >= ClockState.STOPPED_SPANS ? Optional.of(stoppedWhy) : Optional.empty());
        if (verdict.isPresent() && unknown.isEmpty()) {
            LOG.error("clock state unknown: {}; refusing SEMP handshakes and envelopes until it is right (CONFORMANCE.md §9.3.5). "
                    + "Check the machine's time synchronisation", verdict.get());
        } else if (verdict.isEmpty() && unknown.isPresent()) {
            LOG.info("clock state known again; admitting SEMP handshakes and envelopes");
        }
        unknown = verdict;
    }

    /** Why no message may be admitted now; empty when the clock can be trusted. */
    public Optional<String> refusal() {
        return unknown;
    }
}
