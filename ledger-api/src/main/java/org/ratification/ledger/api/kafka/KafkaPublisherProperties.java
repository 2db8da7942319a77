package org.ratification.ledger.api.kafka;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Kafka publisher. Other client settings (security, compression) come from Spring
 * Boot's {@code spring.kafka.*} (producer and admin); acknowledgement and idempotence are fixed.
 *
 * @param bootstrapServers the brokers; publishing is off when empty ({@code LEDGER_KAFKA_BOOTSTRAP_SERVERS})
 * @param topic the topic every event goes to
 * @param partitions the partitions of the topic when the publisher creates it
 * @param sendTimeout how long one send may wait for the broker before the batch is retried
 * @param batchSize how many events the publisher handles per transaction of its token
 */
@ConfigurationProperties("ledger.kafka")
public record KafkaPublisherProperties(
        String bootstrapServers,
        @DefaultValue("ledger.events") String topic,
        @DefaultValue("3") int partitions,
        @DefaultValue("30s") Duration sendTimeout,
        @DefaultValue("20") int batchSize) {}
