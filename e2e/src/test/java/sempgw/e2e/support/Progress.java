package sempgw.e2e.support;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/** Progress lines on standard output, so a long end-to-end run shows where it is. */
public final class Progress {
    private final String test;
    private final Instant started = Instant.now();

    public Progress(String test) {
        this.test = test;
    }

    public void line(String format, Object... args) {
        long ms = Duration.between(started, Instant.now()).toMillis();
        System.out.printf("[e2e %s +%5.1fs %s] %s%n",
                LocalTime.now().truncatedTo(ChronoUnit.SECONDS), ms / 1000.0, test, String.format(format, args));
        System.out.flush();
    }
}
