package org.ratification.ledger.api.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gauges of the event store and of each event processor: {@code ledger.events.head} (newest global
 * index), {@code ledger.processor.position} and {@code ledger.processor.lag} (events behind the
 * head), read from token_entry when scraped, so that they hold whichever node does the work; a
 * {@link TrailingReadModel} (the log on PostgreSQL) has its lag too: the events committed that it has
 * yet to take in.
 */
@Component
class EventProcessorMetrics {

    private final MeterRegistry meters;
    private final EventProcessingConfiguration processing;
    private final ProcessorPositions positions;
    private final RebuildProgress progress;
    private final ObjectProvider<TrailingReadModel> trailing;

    EventProcessorMetrics(
            MeterRegistry meters,
            EventProcessingConfiguration processing,
            ProcessorPositions positions,
            RebuildProgress progress,
            ObjectProvider<TrailingReadModel> trailing) {
        this.meters = meters;
        this.trailing = trailing;
        this.processing = processing;
        this.positions = positions;
        this.progress = progress;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        Gauge.builder("ledger.events.head", positions, ProcessorPositions::head)
                .description("Global index of the newest event in the store")
                .register(meters);
        // the tracking processors: an inline read model commits with the event and has no lag
        for (String name : processing.eventProcessors().keySet()) {
            if (!progress.tracking(name)) {
                continue;
            }
            Gauge.builder("ledger.processor.lag", progress, p -> p.of(name, positions.head())
                            .behind())
                    .description("Events the processor has yet to handle")
                    .tag("processor", name)
                    .register(meters);
            Gauge.builder("ledger.processor.position", progress, p -> p.of(name, positions.head())
                            .position())
                    .description("Global index up to which the processor has handled the stream")
                    .tag("processor", name)
                    .register(meters);
        }
        trailing.orderedStream().forEach(model -> Gauge.builder("ledger.processor.lag", model, m -> {
                    TrailingReadModel.Progress at = m.progress();
                    return at.head() - at.position();
                })
                .description("Events the processor has yet to handle")
                .tag("processor", model.processor())
                .register(meters));
    }
}
