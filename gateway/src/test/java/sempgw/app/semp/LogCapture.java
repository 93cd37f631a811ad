package sempgw.app.semp;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.slf4j.LoggerFactory;

/**
 * The gateway's log lines ({@code sempgw.*} at INFO and above) while open, formatted as
 * {@code time LEVEL logger message}, for tests that assert on logged events. The test configuration
 * logs WARN and above only: the captured WARN and ERROR lines still go to the console.
 */
public final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Logger root;
    private final Logger sempgw;
    private final Level previousLevel;
    private final boolean previousAdditive;

    public LogCapture() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        sempgw = context.getLogger("sempgw");
        previousLevel = sempgw.getLevel();
        previousAdditive = sempgw.isAdditive();
        setContext(context);
        start();
        sempgw.addAppender(this);
        sempgw.setAdditive(false);
        sempgw.setLevel(Level.INFO);
    }

    @Override
    protected void append(ILoggingEvent event) {
        lines.add(java.time.Instant.ofEpochMilli(event.getTimeStamp()) + " " + event.getLevel() + " " + event.getLoggerName() + " " + event.getFormattedMessage());
        if (event.getLevel().isGreaterOrEqual(Level.WARN)) {
            root.iteratorForAppenders().forEachRemaining(a -> a.doAppend(event));
        }
    }

    /** The lines so far that contain every one of {@code parts}. */
    public List<String> matching(String... parts) {
        return lines.stream().filter(l -> List.of(parts).stream().allMatch(l::contains)).toList();
    }

    /** Waits up to {@code max} for a line containing every one of {@code parts}; returns the first such line. */
    public String await(Duration max, String... parts) {
        Awaitility.await().atMost(max).pollInterval(Duration.ofMillis(20)).until(() -> !matching(parts).isEmpty());
        return matching(parts).getFirst();
    }

    /** Every line so far (for failure messages). */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        sempgw.detachAppender(this);
        sempgw.setAdditive(previousAdditive);
        sempgw.setLevel(previousLevel);
        stop();
    }
}
