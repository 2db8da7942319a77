package org.ratification.ledger.api.kafka;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.ratification.ledger.api.config.SignallingEventSource;
import org.ratification.ledger.api.stream.EventEnvelopes;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;

/**
 * Wires the publisher when {@code ledger.kafka.bootstrap-servers} is set (and only then: without
 * it no Kafka client is made and nothing connects). The processor {@code kafka-publisher} is a
 * pooled streaming processor with one segment, starting at the first event, over the event store as
 * {@link SignallingEventSource} offers it (woken by each commit instead of polling every 500 ms);
 * its handler errors propagate, so a failed batch is retried with back-off instead of skipped.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${ledger.kafka.bootstrap-servers:}'.trim().isEmpty()")
class KafkaPublisherConfiguration {

    @Bean
    KafkaEventSender kafkaEventSender(
            KafkaPublisherProperties properties,
            ObjectProvider<KafkaProperties> springKafka,
            ObjectProvider<SslBundles> sslBundles) {
        return new KafkaEventSender(properties, () -> {
            KafkaProperties spring = springKafka.getIfAvailable();
            Map<String, Object> settings = spring == null
                    ? new HashMap<>()
                    : new HashMap<>(spring.buildProducerProperties(sslBundles.getIfAvailable()));
            settings.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers());
            return settings;
        });
    }

    @Bean
    KafkaEventPublisher kafkaEventPublisher(
            KafkaEventSender sender, EventEnvelopes envelopes, KafkaPublisherProperties properties) {
        return new KafkaEventPublisher(sender, envelopes, properties);
    }

    @Bean
    ConfigurerModule kafkaPublisherProcessor(
            KafkaPublisherProperties properties, ObjectProvider<SignallingEventSource> source) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerPooledStreamingEventProcessor(
                        KafkaEventPublisher.PROCESSING_GROUP,
                        configuration -> source.getObject(), // looked up late: the source needs the event store
                        (config, builder) -> builder.initialSegmentCount(1).batchSize(properties.batchSize()))
                .registerListenerInvocationErrorHandler(
                        KafkaEventPublisher.PROCESSING_GROUP, config -> PropagatingErrorHandler.instance()));
    }
}
