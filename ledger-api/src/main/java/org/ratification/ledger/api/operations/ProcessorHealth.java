package org.ratification.ledger.api.operations;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Health component {@code eventProcessors} (also in the readiness group): DOWN when a tracking
 * processor (notifications, kafka-publisher, any other) is stopped on this node, or has left an
 * event of the store unhandled for longer than {@code ledger.operations.max-processor-lag}, whether
 * it fails and retries or merely falls behind. Its details give each processor's position, the
 * head of the store, the events behind, since when, and its last error. The position is read from
 * token_entry, so a node whose partner holds the segment reports the processor too. Inline read
 * models commit with the event and are UP while their processor runs; a {@link TrailingReadModel}
 * (the log on PostgreSQL, appended after commit) is judged like a tracking processor, by its own
 * position and what it has yet to take in, and is DOWN as soon as its appender fails.
 */
@Component("eventProcessors")
public class ProcessorHealth extends AbstractHealthIndicator implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProcessorHealth.class);

    private final EventProcessingConfiguration processing;
    private final ProcessorPositions positions;
    private final RebuildProgress progress;
    private final Duration maxLag;
    /** Per tracking processor: the head it had yet to reach, and since when. */
    private final Map<String, Behind> behind = new ConcurrentHashMap<>();

    private final ProcessorErrors errors;
    private final ObjectProvider<TrailingReadModel> trailingReadModels;
    private ScheduledExecutorService sampler;

    public ProcessorHealth(
            EventProcessingConfiguration processing,
            ProcessorPositions positions,
            RebuildProgress progress,
            ProcessorErrors errors,
            OperationsProperties properties,
            ObjectProvider<TrailingReadModel> trailingReadModels) {
        super("Event processor health check failed");
        this.errors = errors;
        this.trailingReadModels = trailingReadModels;
        this.processing = processing;
        this.positions = positions;
        this.progress = progress;
        this.maxLag = properties.maxProcessorLag();
    }

    private record Behind(long head, Instant since) {}

    /** Looks at every tracking processor: moves or starts its "behind since" mark. */
    public synchronized void sample() {
        long head = positions.head();
        for (EventProcessor processor : processing.eventProcessors().values()) {
            if (!(processor instanceof StreamingEventProcessor streaming)) {
                continue;
            }
            String name = processor.getName();
            streaming.processingStatus().values().stream()
                    .filter(EventTrackerStatus::isErrorState)
                    .findFirst()
                    .ifPresent(s -> errors.note(name, String.valueOf(s.getError())));
            mark(name, progress.of(name, head).position(), head);
        }
        trailing().forEach((name, model) -> {
            TrailingReadModel.Progress at = model.progress();
            mark(name, at.position(), at.head());
        });
    }

    /** The read models written after commit, by processor name. */
    private Map<String, TrailingReadModel> trailing() {
        Map<String, TrailingReadModel> trailing = new LinkedHashMap<>();
        trailingReadModels.orderedStream().forEach(model -> trailing.put(model.processor(), model));
        return trailing;
    }

    /** Removes the processor's mark once it reached the head, starts a new one once it passed the marked head. */
    private void mark(String name, long position, long head) {
        Behind mark = behind.get(name);
        if (position >= head) {
            behind.remove(name);
        } else if (mark == null || position >= mark.head()) {
            behind.put(name, new Behind(head, Instant.now()));
        }
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        sample();
        boolean healthy = true;
        long head = positions.head();
        Instant now = Instant.now();
        Map<String, TrailingReadModel> trailing = trailing();
        for (EventProcessor processor : processing.eventProcessors().values()) {
            String name = processor.getName();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("running", processor.isRunning());
            boolean up = processor.isRunning() && !processor.isError();
            if (processor instanceof StreamingEventProcessor streaming) {
                details.put("mode", "tracking");
                Map<Integer, EventTrackerStatus> status = streaming.processingStatus();
                details.put("claimedSegments", status.keySet());
                details.put("replaying", status.values().stream().anyMatch(EventTrackerStatus::isReplaying));
                ProcessorProgress at = progress.of(name, head);
                details.put("position", at.position());
                details.put("head", head);
                details.put("behind", at.behind());
                up &= inTime(name, now, details);
                errors.last(name).ifPresent(error -> {
                    details.put("lastError", error.error());
                    details.put("lastErrorAt", error.at().toString());
                });
            } else if (trailing.containsKey(name)) {
                TrailingReadModel model = trailing.get(name);
                details.put("mode", "after-commit");
                TrailingReadModel.Progress at = model.progress();
                details.put("position", at.position());
                details.put("head", at.head());
                details.put("behind", at.head() - at.position());
                up &= inTime(name, now, details);
                if (model.failing()) {
                    up = false;
                    details.put("reason", "its appender fails (lastError)");
                }
                errors.last(name).ifPresent(error -> {
                    details.put("lastError", error.error());
                    details.put("lastErrorAt", error.at().toString());
                });
            } else {
                details.put("mode", "inline");
            }
            details.put("status", up ? "running" : "error");
            healthy &= up;
            builder.withDetail(name, details);
        }
        if (healthy) {
            builder.up();
        } else {
            builder.down();
        }
    }

    /** Whether no event has waited longer than the lag allowed since the processor's mark (else the reason is noted). */
    private boolean inTime(String name, Instant now, Map<String, Object> details) {
        Behind mark = behind.get(name);
        if (mark == null) {
            return true;
        }
        Duration late = Duration.between(mark.since(), now);
        details.put("behindSince", mark.since().toString());
        if (late.compareTo(maxLag) > 0) {
            details.put("reason", "an event has waited longer than " + maxLag + " (" + late.toSeconds() + " s)");
            return false;
        }
        return true;
    }

    @Override
    public void start() {
        long every = Math.max(100, Math.min(1000, maxLag.toMillis() / 4));
        sampler = Executors.newSingleThreadScheduledExecutor(new AxonThreadFactory("processor-health"));
        sampler.scheduleWithFixedDelay(
                () -> {
                    try {
                        sample();
                    } catch (RuntimeException e) {
                        log.debug("Could not sample the processors: {}", e.getMessage());
                    }
                },
                every,
                every,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (sampler != null) {
            sampler.shutdownNow();
            sampler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return sampler != null;
    }

    /** The tracking processors' names (for tests and the metrics). */
    List<String> tracking() {
        return processing.eventProcessors().values().stream()
                .filter(p -> p instanceof StreamingEventProcessor)
                .map(EventProcessor::getName)
                .toList();
    }
}
