package org.ratification.ledger.api.imports;

import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.ratification.ledger.core.api.RecordingMetadata;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code source} metadata of a command (an imported table's SHA-256) is copied onto the event
 * it records, by Axon's correlation data, so the aggregate need not know of imports. Declaring a
 * provider replaces Axon's default one, so the default ({@code traceId}, {@code correlationId}) is
 * declared here too.
 */
@Configuration
class ImportConfiguration {

    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }

    @Bean
    CorrelationDataProvider recordSource() {
        return new SimpleCorrelationDataProvider(RecordingMetadata.SOURCE);
    }
}
