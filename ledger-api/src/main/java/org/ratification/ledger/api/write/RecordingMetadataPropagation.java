package org.ratification.ledger.api.write;

import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.ratification.ledger.core.api.RecordingMetadata;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Copies the recording metadata of each command ({@code recordedAt}, {@code recordedBy}) onto the
 * events it causes, so that every stored event says when and by whom it was recorded. Declaring a
 * provider replaces Axon's default, so the message-origin provider (correlation and trace ids) is
 * declared here too.
 */
@Configuration(proxyBeanMethods = false)
class RecordingMetadataPropagation {

    @Bean
    CorrelationDataProvider recordingMetadataProvider() {
        return new SimpleCorrelationDataProvider(RecordingMetadata.RECORDED_AT, RecordingMetadata.RECORDED_BY);
    }

    @Bean
    CorrelationDataProvider ledgerMessageOriginProvider() {
        return new MessageOriginProvider();
    }
}
