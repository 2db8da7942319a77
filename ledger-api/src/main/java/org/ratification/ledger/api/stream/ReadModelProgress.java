package org.ratification.ledger.api.stream;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.springframework.stereotype.Component;

/**
 * Lets the stream hold an event back until this node's read models have applied it, so that a
 * dashboard that re-fetches on an event reads data that already include it. Waits at most {@link
 * StreamProperties#readModelWait()}; a read model processed by another node, or not at all, never
 * holds the stream longer than that.
 */
@Component
class ReadModelProgress {

    private final EventProcessingConfiguration processing;
    private final List<String> processors;
    private final Duration maxWait;

    ReadModelProgress(EventProcessingConfiguration processing, StreamProperties properties) {
        this.processing = processing;
        this.processors = properties.readModels();
        this.maxWait = properties.readModelWait();
    }

    /** Returns once every read model has applied the event at this position, or after the wait. */
    void awaitApplied(long position) throws InterruptedException {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (!applied(position) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    boolean applied(long position) {
        for (String name : processors) {
            Optional<StreamingEventProcessor> processor =
                    processing.eventProcessor(name, StreamingEventProcessor.class);
            if (processor.isEmpty() || !processor.get().isRunning()) {
                continue;
            }
            Map<Integer, EventTrackerStatus> segments = processor.get().processingStatus();
            if (!segments.isEmpty() && !allPassed(segments.values(), position)) {
                return false;
            }
        }
        return true;
    }

    private static boolean allPassed(Collection<EventTrackerStatus> segments, long position) {
        for (EventTrackerStatus segment : segments) {
            if (segment.isErrorState()) {
                continue;
            }
            TrackingToken token = WrappedToken.unwrapLowerBound(segment.getTrackingToken());
            if (token == null || !passed(token, position)) {
                return false;
            }
        }
        return true;
    }

    private static boolean passed(TrackingToken token, long position) {
        if (token instanceof GapAwareTrackingToken gapAware) {
            return position <= gapAware.getIndex() && !gapAware.getGaps().contains(position);
        }
        return position <= token.position().orElse(-1);
    }
}
