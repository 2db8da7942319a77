package org.ratification.ledger.api.operations;

import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Health component {@code eventProcessors}: DOWN when a processor of this node is stopped or in
 * error (a read model would fall behind), with each processor's state and the segments this node
 * claims. A node that claims no segment while another node works is healthy.
 */
@Component("eventProcessors")
public class EventProcessorsHealthIndicator extends AbstractHealthIndicator {

    private final EventProcessingConfiguration processing;

    public EventProcessorsHealthIndicator(EventProcessingConfiguration processing) {
        super("Event processor health check failed");
        this.processing = processing;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean healthy = true;
        for (EventProcessor processor : processing.eventProcessors().values()) {
            Map<String, Object> details = new LinkedHashMap<>();
            boolean segmentInError = false;
            details.put("running", processor.isRunning());
            details.put("error", processor.isError());
            if (processor instanceof StreamingEventProcessor streaming) {
                Map<Integer, EventTrackerStatus> status = streaming.processingStatus();
                segmentInError = status.values().stream().anyMatch(EventTrackerStatus::isErrorState);
                details.put("claimedSegments", status.keySet());
                details.put("replaying", status.values().stream().anyMatch(EventTrackerStatus::isReplaying));
                status.values().stream()
                        .filter(EventTrackerStatus::isErrorState)
                        .findFirst()
                        .ifPresent(s -> details.put("lastError", String.valueOf(s.getError())));
            }
            boolean up = processor.isRunning() && !processor.isError() && !segmentInError;
            details.put("status", up ? "running" : "error");
            healthy &= up;
            builder.withDetail(processor.getName(), details);
        }
        if (healthy) {
            builder.up();
        } else {
            builder.down();
        }
    }
}
