package sempgw.app.demo;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/**
 * A Logback appender on the loggers of {@link HopRecognizer#LOGGERS}, installed for the demo's
 * run: it raises them to INFO, hands every event the recognizer knows to {@code hops} as it
 * happens, and passes WARN and ERROR (everything, when {@code verbose}) on to the root appenders
 * so that problems stay visible. Unless {@code verbose}, the rest of the gateways' INFO logging
 * ({@code sempgw}) is lowered to WARN meanwhile. {@link #close()} puts every level, additivity
 * flag and appender back as it was.
 */
final class HopPrinter extends AppenderBase<ILoggingEvent> implements AutoCloseable {
    private static final String GATEWAY_ROOT = "sempgw";

    private record Saved(Logger logger, Level level, boolean additive) {
        void restore() {
            logger.setLevel(level);
            logger.setAdditive(additive);
        }
    }

    private final HopRecognizer recognizer;
    private final Consumer<Hop> hops;
    private final boolean verbose;
    private final Logger root;
    private final List<Saved> saved = new ArrayList<>();
    private final List<Logger> attached = new ArrayList<>();

    private HopPrinter(HopRecognizer recognizer, Consumer<Hop> hops, boolean verbose, LoggerContext context) {
        this.recognizer = recognizer;
        this.hops = hops;
        this.verbose = verbose;
        this.root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        setContext(context);
        setName("semp-demo-hops");
    }

    /**
     * Installs the appender; {@code hops} is called on the logging thread, once per recognised event.
     *
     * @throws IllegalStateException if SLF4J is not bound to Logback
     */
    static HopPrinter install(HopRecognizer recognizer, Consumer<Hop> hops, boolean verbose) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            throw new IllegalStateException("the demo needs Logback as the SLF4J binding to observe the gateways' events");
        }
        HopPrinter printer = new HopPrinter(recognizer, hops, verbose, context);
        printer.start();
        if (!verbose) {
            Logger gateway = context.getLogger(GATEWAY_ROOT);
            printer.saved.add(new Saved(gateway, gateway.getLevel(), gateway.isAdditive()));
            gateway.setLevel(Level.WARN);
        }
        for (String name : HopRecognizer.LOGGERS) {
            Logger logger = context.getLogger(name);
            printer.saved.add(new Saved(logger, logger.getLevel(), logger.isAdditive()));
            logger.setLevel(Level.INFO);
            logger.setAdditive(false);
            logger.addAppender(printer);
            printer.attached.add(logger);
        }
        return printer;
    }

    @Override
    protected void append(ILoggingEvent event) {
        try {
            recognizer.recognise(event.getLoggerName(), event.getFormattedMessage()).ifPresent(hops);
        } finally {
            if (verbose || event.getLevel().isGreaterOrEqual(Level.WARN)) {
                root.iteratorForAppenders().forEachRemaining(a -> a.doAppend(event));
            }
        }
    }

    @Override
    public void close() {
        attached.forEach(l -> l.detachAppender(this));
        saved.reversed().forEach(Saved::restore);
        stop();
    }
}
