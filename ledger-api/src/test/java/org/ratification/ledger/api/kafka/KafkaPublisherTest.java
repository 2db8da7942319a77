package org.ratification.ledger.api.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.ratification.ledger.api.ApiTestSupport;
import org.ratification.ledger.api.processors.ProvokesProcessorErrors;
import org.ratification.ledger.api.stream.EnvelopeSchema;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Kafka publisher against a real KRaft broker in this JVM: what it publishes, and that an
 * outage of the broker loses nothing and reorders nothing within a treaty.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ProvokesProcessorErrors("stops the broker: the Kafka publisher's processor fails and retries until it returns")
class KafkaPublisherTest extends ApiTestSupport {

    private static final String TOPIC = "ledger.events.test";
    private static RestartableKraftBroker broker;

    @Autowired
    KafkaEventPublisher publisher;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("ledger.kafka.bootstrap-servers", () -> broker().bootstrapServers());
        registry.add("ledger.kafka.topic", () -> TOPIC);
        registry.add("ledger.kafka.send-timeout", () -> "3s");
    }

    private static synchronized RestartableKraftBroker broker() {
        if (broker == null) {
            broker = RestartableKraftBroker.start();
        }
        return broker;
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void everyEventIsPublishedKeyedByTreatyInOrderWithHeadersAndAnEnvelopeTheSchemaAccepts() throws Exception {
        String treaty = registerTreaty(40, 90, 30, false);
        ratify(treaty, "FRA", "2025-10-25", "2026-01-10");

        List<ConsumerRecord<String, String>> records =
                consumeUntil(all -> ofTreaty(all, treaty).size() >= 3);
        List<ConsumerRecord<String, String>> mine = ofTreaty(records, treaty);
        assertThat(mine).hasSize(3);
        assertThat(mine)
                .extracting(r -> header(r, "type"))
                .containsExactly("TREATY_REGISTERED", "SIGNATURE", "INSTRUMENT");
        assertThat(mine).extracting(r -> header(r, "revision")).containsOnly("1");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerSettings())) {
            assertThat(consumer.partitionsFor(TOPIC))
                    .as("created by the publisher with ledger.kafka.partitions, not the broker's default of 1")
                    .hasSize(3);
        }
        assertThat(mine)
                .extracting(ConsumerRecord::partition)
                .as("one partition per treaty")
                .containsOnly(mine.get(0).partition());
        for (int i = 0; i < mine.size(); i++) {
            ConsumerRecord<String, String> record = mine.get(i);
            assertThat(EnvelopeSchema.validate(record.value()))
                    .as(record.value())
                    .isEmpty();
            JsonNode envelope = JSON.readTree(record.value());
            assertThat(envelope.path("sequence").asLong()).isEqualTo(i);
            assertThat(envelope.path("treatyId").asText()).isEqualTo(treaty);
            assertThat(header(record, "eventId"))
                    .isEqualTo(envelope.path("eventId").asText());
            Long globalIndex = jdbc.queryForObject(
                    "SELECT global_index FROM domain_event_entry WHERE event_identifier = ?",
                    Long.class,
                    envelope.path("eventId").asText());
            assertThat(envelope.path("globalPosition").asLong()).isEqualTo(globalIndex);
        }
        JsonNode deposit = JSON.readTree(mine.get(2).value());
        assertThat(deposit.path("legalDate").asText()).isEqualTo("2026-01-10");
        assertThat(deposit.path("payload").path("participant").asText()).isEqualTo("FRA");
        assertThat(deposit.path("recordedBy").asText()).isEqualTo("depositary");
    }

    @Test
    void eventsRecordedWhileTheBrokerIsDownArePublishedWhenItReturnsNothingLostNoneReordered() throws Exception {
        String before = registerTreaty(40, 90, 30, false);
        consumeUntil(all -> !ofTreaty(all, before).isEmpty());

        long failuresBefore = publisher.failures();
        broker().stopBroker();
        List<String> treaties = new ArrayList<>();
        try {
            treaties.add(registerTreaty(40, 90, 30, false));
            treaties.add(registerTreaty(40, 90, 30, false));
            String[] participants = {"FRA", "DEU", "ITA", "ESP", "NLD", "BEL"};
            for (String participant : participants) {
                for (String treaty : treaties) {
                    assertThat(sign(treaty, participant, "2025-10-25").status())
                            .as("recording works while the broker is down")
                            .isEqualTo(201);
                }
            }
            assertThat(deposit(treaties.get(0), "FRA", "RATIFICATION", "2026-01-10")
                            .status())
                    .isEqualTo(201);
            await("the publisher tried, failed, and will retry")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> publisher.failures() > failuresBefore);
        } finally {
            broker().startBroker();
        }

        Map<String, List<String>> stored = new LinkedHashMap<>();
        for (String treaty : treaties) {
            stored.put(
                    treaty,
                    jdbc.queryForList(
                            "SELECT event_identifier FROM domain_event_entry WHERE aggregate_identifier = ?"
                                    + " ORDER BY sequence_number",
                            String.class,
                            treaty));
        }
        assertThat(stored.get(treaties.get(0))).hasSize(8);

        List<ConsumerRecord<String, String>> records = consumeUntil(all -> treaties.stream()
                .allMatch(t -> firstOccurrences(ofTreaty(all, t)).size()
                        == stored.get(t).size()));
        for (String treaty : treaties) {
            List<JsonNode> published = firstOccurrences(ofTreaty(records, treaty));
            assertThat(published)
                    .extracting(e -> e.path("eventId").asText())
                    .as("every event of %s, each once after deduplication, in the order recorded", treaty)
                    .containsExactlyElementsOf(stored.get(treaty));
            assertThat(published)
                    .extracting(e -> e.path("sequence").asLong())
                    .isSorted()
                    .doesNotHaveDuplicates();
        }
    }

    /** The envelopes of these records, keeping the first of each eventId (consumers deduplicate). */
    private static List<JsonNode> firstOccurrences(List<ConsumerRecord<String, String>> records) {
        Map<String, JsonNode> first = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                JsonNode envelope = JSON.readTree(record.value());
                first.putIfAbsent(envelope.path("eventId").asText(), envelope);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        return new ArrayList<>(first.values());
    }

    private static List<ConsumerRecord<String, String>> ofTreaty(
            List<ConsumerRecord<String, String>> records, String treaty) {
        return records.stream().filter(r -> treaty.equals(r.key())).collect(Collectors.toList());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Reads the whole topic from the beginning until the records satisfy the condition. */
    private static List<ConsumerRecord<String, String>> consumeUntil(
            Predicate<List<ConsumerRecord<String, String>>> condition) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerSettings())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> !consumer.partitionsFor(TOPIC, Duration.ofSeconds(5))
                    .isEmpty());
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                    .map(p -> new TopicPartition(TOPIC, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ZERO).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
                return condition.test(records);
            });
        }
        return records;
    }

    private static Map<String, Object> consumerSettings() {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "test-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class);
    }
}
