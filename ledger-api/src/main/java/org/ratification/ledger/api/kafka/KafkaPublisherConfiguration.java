package org.ratification.ledger.api.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.ratification.ledger.api.config.SignallingEventSource;
import org.ratification.ledger.api.stream.EventEnvelopes;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

/**
 * Wires the publisher when {@code ledger.kafka.bootstrap-servers} is set (and only then: without
 * it no Kafka client is made and nothing connects). Spring Kafka's producer factory, template and
 * admin are the ledger's own beans (Spring Boot's back off), made from {@code spring.kafka.*} (security,
 * compression, other client settings) with the brokers of {@code ledger.kafka.bootstrap-servers} and
 * the producer settings the at-least-once design needs fixed. The processor {@code kafka-publisher} is
 * a pooled streaming processor with one segment, starting at the first event, over the event store as
 * {@link SignallingEventSource} offers it (woken by each commit instead of polling every 500 ms);
 * its handler errors propagate, so a failed batch is retried with back-off instead of skipped.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${ledger.kafka.bootstrap-servers:}'.trim().isEmpty()")
class KafkaPublisherConfiguration {

    /**
     * Idempotent, {@code acks=all}, so records reach the partition in the order they were sent, also with
     * up to five requests in flight (the idempotent producer's sequence numbers keep them in order and
     * retries never reorder them): a batch's records go out without waiting for each other's
     * acknowledgement, which the publisher awaits all together before its token moves. A send gives up
     * after {@code send-timeout}. A producer the factory closes (after a failure, at shutdown) is
     * abandoned at once.
     */
    @Bean
    ProducerFactory<String, String> kafkaProducerFactory(
            KafkaPublisherProperties properties,
            ObjectProvider<KafkaProperties> springKafka,
            ObjectProvider<SslBundles> sslBundles) {
        Map<String, Object> settings = clientSettings(
                properties, springKafka, spring -> spring.buildProducerProperties(sslBundles.getIfAvailable()));
        int sendTimeout = (int) properties.sendTimeout().toMillis();
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        settings.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, sendTimeout);
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, sendTimeout);
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(500, sendTimeout / 2));
        settings.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "ratification-ledger-publisher");
        DefaultKafkaProducerFactory<String, String> factory =
                new DefaultKafkaProducerFactory<>(settings, new StringSerializer(), new StringSerializer());
        factory.setPhysicalCloseTimeout(0);
        return factory;
    }

    /**
     * Without the template's logging listener: it would log every record of a failed batch at ERROR
     * with its payload; the publisher logs the failure once, as a retry to come.
     */
    @Bean
    KafkaTemplate<String, String> kafkaTemplate(ProducerFactory<String, String> kafkaProducerFactory) {
        KafkaTemplate<String, String> template = new KafkaTemplate<>(kafkaProducerFactory);
        template.setProducerListener(null);
        return template;
    }

    /** The topic with {@code ledger.kafka.partitions} partitions and the broker's replication factor. */
    @Bean
    NewTopic ledgerTopic(KafkaPublisherProperties properties) {
        return TopicBuilder.name(properties.topic())
                .partitions(properties.partitions())
                .build();
    }

    /**
     * Creates the topic when the publisher first sends, not at start-up (where an absent broker would
     * hold the start for the operation timeout).
     */
    @Bean
    KafkaAdmin kafkaAdmin(
            KafkaPublisherProperties properties,
            ObjectProvider<KafkaProperties> springKafka,
            ObjectProvider<SslBundles> sslBundles) {
        Map<String, Object> settings = clientSettings(
                properties, springKafka, spring -> spring.buildAdminProperties(sslBundles.getIfAvailable()));
        int timeout = (int) properties.sendTimeout().toMillis();
        settings.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, timeout);
        settings.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout);
        settings.put(CommonClientConfigs.CLIENT_ID_CONFIG, "ratification-ledger-topic-admin");
        KafkaAdmin admin = new KafkaAdmin(settings);
        admin.setAutoCreate(false);
        admin.setOperationTimeout((int) Math.max(1, properties.sendTimeout().toSeconds()));
        admin.setCloseTimeout(0);
        return admin;
    }

    private static Map<String, Object> clientSettings(
            KafkaPublisherProperties properties,
            ObjectProvider<KafkaProperties> springKafka,
            Function<KafkaProperties, Map<String, Object>> build) {
        KafkaProperties spring = springKafka.getIfAvailable();
        Map<String, Object> settings = spring == null ? new HashMap<>() : new HashMap<>(build.apply(spring));
        settings.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers());
        return settings;
    }

    @Bean
    KafkaEventPublisher kafkaEventPublisher(
            KafkaTemplate<String, String> kafkaTemplate,
            KafkaAdmin kafkaAdmin,
            NewTopic ledgerTopic,
            EventEnvelopes envelopes,
            KafkaPublisherProperties properties) {
        return new KafkaEventPublisher(kafkaTemplate, kafkaAdmin, ledgerTopic, envelopes, properties);
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
