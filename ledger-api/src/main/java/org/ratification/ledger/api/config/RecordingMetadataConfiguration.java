package org.ratification.ledger.api.config;

import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.ratification.ledger.core.api.RecordingMetadata;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Copies the recording metadata of each command (recordedAt, recordedBy) onto the events it
 * produces, so that every stored event says when and by whom it was recorded: the audit history,
 * notifications and time travel read it there. Declaring a provider replaces Axon's default one,
 * so the default (correlation and trace ids) is declared here too.
 */
@Configuration
public class RecordingMetadataConfiguration {

    @Bean
    public CorrelationDataProvider recordingMetadataProvider() {
        return new SimpleCorrelationDataProvider(RecordingMetadata.RECORDED_AT, RecordingMetadata.RECORDED_BY);
    }

    @Bean
    public CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }
}
