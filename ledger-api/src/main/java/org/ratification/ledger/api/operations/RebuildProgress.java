package org.ratification.ledger.api.operations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.ratification.ledger.api.admin.InlineRebuilds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Reports how far each event processor is, above all while a read model is rebuilt: position,
 * head, percentage and events per second. A tracking processor's position comes from token_entry
 * (so any node reports a replay, whichever node does it); an inline read model is at the head by
 * construction, except while this node folds it ({@link InlineRebuilds}). Every
 * {@code ledger.operations.progress-interval} it samples the positions and logs the progress of each
 * read model this node is rebuilding.
 */
@Component
public class RebuildProgress implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RebuildProgress.class);

    private final ProcessorPositions positions;
    private final EventProcessingConfiguration processing;
    private final OperationsProperties properties;
    private final InlineRebuilds inline;
    private final Map<String, Sample> samples = new ConcurrentHashMap<>();
    private final Set<String> replayingHere = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService sampler;

    public RebuildProgress(
            ProcessorPositions positions,
            EventProcessingConfiguration processing,
            OperationsProperties properties,
            InlineRebuilds inline) {
        this.inline = inline;
        this.positions = positions;
        this.processing = processing;
        this.properties = properties;
    }

    /** Every processor of this application and every processor with tokens, as they stand now. */
    public List<ProcessorProgress> current() {
        Set<String> names = new TreeSet<>(processing.eventProcessors().keySet());
        names.addAll(positions.processors());
        long head = positions.head();
        List<ProcessorProgress> all = new ArrayList<>();
        for (String name : names) {
            all.add(of(name, head));
        }
        return all;
    }

    /** One processor as it stands now. */
    public ProcessorProgress of(String processor, long head) {
        if (processing
                .eventProcessor(processor, SubscribingEventProcessor.class)
                .isPresent()) {
            return inline(processor, head);
        }
        List<ProcessorPositions.Segment> segments = positions.segments(processor);
        long position = segments.isEmpty()
                ? 0
                : segments.stream().mapToLong(s -> s.position().orElse(0)).min().orElse(0);
        boolean replaying = segments.stream().anyMatch(ProcessorPositions.Segment::replaying);
        Sample sample = samples.get(processor);
        double rate = sample == null ? 0 : sample.eventsPerSecond();
        double percent = head <= 0 ? 100.0 : Math.round(Math.min(1.0, (double) position / head) * 1000) / 10.0;
        List<String> owners = segments.stream()
                .map(ProcessorPositions.Segment::owner)
                .filter(Objects::nonNull)
                .distinct()
                .sorted()
                .toList();
        return new ProcessorProgress(
                processor,
                replaying,
                position,
                head,
                Math.max(0, head - position),
                percent,
                rate,
                segments.size(),
                owners);
    }

    /** An inline read model: at the head, or where the fold that rebuilds it got to. */
    private ProcessorProgress inline(String processor, long head) {
        boolean folding = inline.folding(processor);
        long position = folding
                ? inline.fold(processor).map(InlineRebuilds.Fold::position).orElse(0L)
                : head;
        double rate = folding
                ? inline.fold(processor)
                        .map(InlineRebuilds.Fold::eventsPerSecond)
                        .orElse(0.0)
                : 0;
        double percent = head <= 0 ? 100.0 : Math.round(Math.min(1.0, (double) position / head) * 1000) / 10.0;
        return new ProcessorProgress(
                processor, folding, position, head, Math.max(0, head - position), percent, rate, 0, List.of());
    }

    /** Whether the processor is tracking (it has tokens and a position of its own). */
    public boolean tracking(String processor) {
        return processing
                .eventProcessor(processor, StreamingEventProcessor.class)
                .isPresent();
    }

    /** Takes a sample of every processor: updates the rates and logs the replays of this node. */
    public synchronized void sample() {
        long now = System.nanoTime();
        for (ProcessorProgress progress : current()) {
            Sample previous = samples.get(progress.processor());
            double rate = previous == null || now == previous.nanos()
                    ? 0
                    : Math.max(0, progress.position() - previous.position()) * 1e9 / (now - previous.nanos());
            samples.put(progress.processor(), new Sample(progress.position(), now, Math.round(rate * 10) / 10.0));
            logReplay(progress, Math.round(rate * 10) / 10.0);
        }
    }

    private void logReplay(ProcessorProgress progress, double rate) {
        String name = progress.processor();
        if (replayingHere(name)) {
            replayingHere.add(name);
            log.info(
                    "Rebuilding read model '{}': {}% ({} of {} events, {} behind), {} events/s",
                    name, progress.percent(), progress.position(), progress.head(), progress.behind(), rate);
        } else if (replayingHere.remove(name)) {
            log.info(
                    "Rebuild of read model '{}' complete at event {} of {}",
                    name,
                    progress.position(),
                    progress.head());
        }
    }

    private boolean replayingHere(String processor) {
        if (inline.folding(processor)) {
            return true;
        }
        return processing
                .eventProcessor(processor, StreamingEventProcessor.class)
                .map(p -> p.processingStatus().values().stream().anyMatch(RebuildProgress::replaying))
                .orElse(false);
    }

    /** Replaying and short of the reset position (Axon keeps replaying until an event past it). */
    private static boolean replaying(EventTrackerStatus status) {
        return status.isReplaying()
                && (status.getResetPosition().isEmpty()
                        || status.getCurrentPosition().orElse(-1)
                                < status.getResetPosition().getAsLong());
    }

    @Override
    public void start() {
        long every = Math.max(100, properties.progressInterval().toMillis());
        sampler = Executors.newSingleThreadScheduledExecutor(new AxonThreadFactory("rebuild-progress"));
        sampler.scheduleWithFixedDelay(this::sampleQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    private void sampleQuietly() {
        try {
            sample();
        } catch (RuntimeException e) {
            log.debug("Could not sample processor positions: {}", e.getMessage());
        }
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

    private record Sample(long position, long nanos, double eventsPerSecond) {}
}
