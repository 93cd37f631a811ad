package sempgw.semp.ingress;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sempgw.core.ClockState;

/**
 * Keeps the verdict of {@link ClockState} on this machine's clock, from a reading taken every
 * {@link ClockState#MIN_SPAN} by the server, for the federation listener to consult before it
 * admits a message (CONFORMANCE.md §9.3.5). While the state is unknown, no handshake or envelope
 * is admitted and so no acknowledgment is issued; the operator is told once at ERROR when it
 * becomes unknown and once at INFO when it is known again. Thread-safe: {@link #refusal()} is a
 * volatile read.
 */
public final class ClockWatch {
    private static final Logger LOG = LoggerFactory.getLogger(ClockWatch.class);

    private final Clock clock;
    private final LongSupplier monotonic;
    private ClockState.Reading last;
    private volatile Optional<String> unknown;

    /** Takes a first reading of {@code clock} and {@code monotonic} at once. */
    public ClockWatch(Clock clock, LongSupplier monotonic) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.monotonic = Objects.requireNonNull(monotonic, "monotonic");
        this.unknown = Optional.empty();
        sample();
    }

    /** On the system's clocks. */
    public static ClockWatch system(Clock clock) {
        return new ClockWatch(clock, System::nanoTime);
    }

    /** Takes a reading and judges it against the previous one. */
    public synchronized void sample() {
        ClockState.Reading now = new ClockState.Reading(clock.instant(), monotonic.getAsLong());
        Optional<String> verdict = ClockState.unknownBecause(Optional.ofNullable(last), now);
        if (verdict.isPresent() && unknown.isEmpty()) {
            LOG.error("clock state unknown: {}; refusing SEMP handshakes and envelopes until it is right (CONFORMANCE.md §9.3.5). "
                    + "Check the machine's time synchronisation", verdict.get());
        } else if (verdict.isEmpty() && unknown.isPresent()) {
            LOG.info("clock state known again; admitting SEMP handshakes and envelopes");
        }
        unknown = verdict;
        last = now;
    }

    /** Why no message may be admitted now; empty when the clock can be trusted. */
    public Optional<String> refusal() {
        return unknown;
    }
}
