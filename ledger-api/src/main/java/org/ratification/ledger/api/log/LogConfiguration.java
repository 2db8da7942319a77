package org.ratification.ledger.api.log;

import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;

/**
 * The log's processor, registered here so that it stands alone: a pooled streaming processor over
 * the event store with ONE segment (leaves are appended in the order of the stream) and batches of
 * {@code ledger.log.batch-size} records, one signed checkpoint per batch.
 */
@org.springframework.context.annotation.Configuration
public class LogConfiguration {

    @Bean
    public ConfigurerModule logProcessor(LogProperties properties) {
        return configurer -> configurer
                .eventProcessing()
                .registerPooledStreamingEventProcessor(
                        LogProjection.NAME, Configuration::eventStore, (config, builder) -> builder.initialSegmentCount(
                                        1)
                                .maxClaimedSegments(1)
                                .batchSize(properties.batchSize()));
    }
}
