package org.ratification.ledger.api.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The publisher's topic against a real KRaft broker: created from the {@link NewTopic} when missing,
 * left as it is when it exists (KafkaAdmin alone would add partitions to a smaller topic, moving
 * treaties to other partitions).
 */
class KafkaTopicTest {

    private static RestartableKraftBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = RestartableKraftBroker.start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    private static KafkaEventPublisher publisher(NewTopic topic) {
        Map<String, Object> settings = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        KafkaAdmin admin = new KafkaAdmin(settings);
        admin.setOperationTimeout(10);
        KafkaTemplate<String, String> template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(settings));
        return new KafkaEventPublisher(
                template,
                admin,
                topic,
                null,
                new KafkaPublisherProperties(broker.bootstrapServers(), topic.name(), 3, Duration.ofSeconds(10), 20));
    }

    private static int partitions(String topic) throws Exception {
        try (Admin admin =
                Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            TopicDescription description =
                    admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            return description.partitions().size();
        }
    }

    @Test
    void aMissingTopicIsCreatedWithTheConfiguredPartitions() throws Exception {
        publisher(TopicBuilder.name("missing.events").partitions(3).build()).ensureTopic();

        assertThat(partitions("missing.events")).isEqualTo(3);
    }

    @Test
    void anExistingTopicKeepsItsPartitions() throws Exception {
        try (Admin admin =
                Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("existing.events", 1, (short) 1)))
                    .all()
                    .get();
        }

        publisher(TopicBuilder.name("existing.events").partitions(3).build()).ensureTopic();

        assertThat(partitions("existing.events")).isEqualTo(1);
    }
}
