package org.ratification.ledger.api.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.ratification.ledger.api.ApiTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Without {@code ledger.kafka.bootstrap-servers} the service has no publisher and no Kafka client. */
class WithoutKafkaTest extends ApiTestSupport {

    @Autowired
    ApplicationContext context;

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void noPublisherNoProcessorAndNoKafkaClientExist() {
        assertThat(context.getBeanNamesForType(KafkaEventPublisher.class)).isEmpty();
        assertThat(context.getBeanNamesForType(org.apache.kafka.clients.admin.NewTopic.class))
                .isEmpty();
        assertThat(processing.eventProcessor(KafkaEventPublisher.PROCESSING_GROUP))
                .isEmpty();
        assertThat(context.getBeanNamesForType(org.apache.kafka.clients.producer.Producer.class))
                .isEmpty();

        String treaty = registerTreaty(40, 90, 30, false);
        assertThat(sign(treaty, "FRA", "2025-10-25").status()).isEqualTo(201);
        assertThat(Thread.getAllStackTraces().keySet())
                .extracting(Thread::getName)
                .noneMatch(name -> name.startsWith("kafka-producer-network-thread")
                        || name.startsWith("kafka-admin-client-thread"));
    }
}
