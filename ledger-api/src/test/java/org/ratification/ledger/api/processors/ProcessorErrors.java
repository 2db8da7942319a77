package org.ratification.ledger.api.processors;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A Logback appender (declared in {@code logback-test.xml}, so that it survives every reset of the
 * logging system by a starting application context) that keeps each event-handling error an event
 * processor logs: Axon's pooled and tracking processors when a handler throws ("Error while
 * processing batch", a listener that "failed to handle event"), and any WARN or ERROR of the
 * projections. {@link ProcessorErrorsExtension} fails the test during which one was logged.
 */
public class ProcessorErrors extends AppenderBase<ILoggingEvent> {

    private static final Queue<String> LOGGED = new ConcurrentLinkedQueue<>();

    /** Axon's messages when an event handler fails; claim and shutdown messages are not handling errors. */
    private static final List<String> HANDLING_ERRORS = List.of(
            "Error while processing batch",
            "Error while detecting whether event can be handled",
            "failed to handle event",
            "Exception occurred while processing",
            "Releasing claim on token and preparing for retry");

    @Override
    protected void append(ILoggingEvent event) {
        if (isHandlingError(event)) {
            IThrowableProxy thrown = event.getThrowableProxy();
            LOGGED.add("[" + event.getThreadName() + "] " + event.getLoggerName() + ": " + event.getFormattedMessage()
                    + (thrown == null ? "" : " — " + thrown.getClassName() + ": " + thrown.getMessage()));
        }
    }

    static boolean isHandlingError(ILoggingEvent event) {
        if (!event.getLevel().isGreaterOrEqual(Level.WARN)) {
            return false;
        }
        String logger = event.getLoggerName();
        if (logger.startsWith("org.ratification.ledger.projections")) {
            return true;
        }
        if (!logger.startsWith("org.axonframework.eventhandling")) {
            return false;
        }
        String message = event.getMessage() == null ? "" : event.getMessage();
        return HANDLING_ERRORS.stream().anyMatch(message::contains);
    }

    /** The errors logged since the last call, and forgets them. */
    static List<String> drain() {
        List<String> drained = new ArrayList<>();
        for (String logged; (logged = LOGGED.poll()) != null; ) {
            drained.add(logged);
        }
        return drained;
    }
}
