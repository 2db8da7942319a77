package org.ratification.ledger.api.operations;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.ErrorContext;
import org.axonframework.eventhandling.ErrorHandler;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.stereotype.Component;

/**
 * Every event processor's error handler: notes the processor's last error, then propagates it as
 * before (a tracking processor releases its segment and retries with back-off, an inline read model
 * refuses the write), so that health can show it.
 */
@Component
public class ProcessorErrors implements ErrorHandler {

    /** A processor's last error and when it happened. */
    public record LastError(String error, Instant at) {}

    private final Map<String, LastError> errors = new ConcurrentHashMap<>();

    @Override
    public void handleError(ErrorContext context) throws Exception {
        note(context.eventProcessor(), String.valueOf(context.error()));
        PropagatingErrorHandler.instance().handleError(context);
    }

    /** Notes a processor's error (also one its handlers did not raise: a trailing read model's appender). */
    public void note(String processor, String error) {
        errors.put(processor, new LastError(error, Instant.now()));
    }

    public Optional<LastError> last(String processor) {
        return Optional.ofNullable(errors.get(processor));
    }
}
