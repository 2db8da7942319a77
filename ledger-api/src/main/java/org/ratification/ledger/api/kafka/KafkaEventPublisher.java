package org.ratification.ledger.api.kafka;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.ratification.ledger.api.stream.EventEnvelope;
import org.ratification.ledger.api.stream.EventEnvelopes;

/**
 * Publishes every event of the store to the topic, keyed by treaty id so that one treaty's events
 * stay in order on one partition. Runs in its own event processor: the events of a batch are handed
 * to the producer as they come and their acknowledgements awaited before the batch commits; a send
 * that the broker does not acknowledge throws, the batch is rolled back with its token and retried
 * later, so every event is published at least once and in order per treaty.
 */
@ProcessingGroup(KafkaEventPublisher.PROCESSING_GROUP)
public class KafkaEventPublisher {

    public static final String PROCESSING_GROUP = "kafka-publisher";
    public static final String TYPE_HEADER = "type";
    public static final String REVISION_HEADER = "revision";
    public static final String EVENT_ID_HEADER = "eventId";
    public static final String CONTENT_TYPE_HEADER = "contentType";

    private static final String SENT = KafkaEventPublisher.class.getName() + ".sent";

    private final KafkaEventSender sender;
    private final EventEnvelopes envelopes;
    private final String topic;

    KafkaEventPublisher(KafkaEventSender sender, EventEnvelopes envelopes, KafkaPublisherProperties properties) {
        this.sender = sender;
        this.envelopes = envelopes;
        this.topic = properties.topic();
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message) throws Exception {
        EventEnvelope envelope = envelopes.envelope(message);
        ProducerRecord<String, String> record =
                new ProducerRecord<>(topic, envelope.treatyId(), envelopes.toJson(envelope));
        header(record, TYPE_HEADER, envelope.type());
        header(record, REVISION_HEADER, envelope.revision());
        header(record, EVENT_ID_HEADER, envelope.eventId());
        header(record, CONTENT_TYPE_HEADER, "application/json");
        if (!CurrentUnitOfWork.isStarted()) {
            sender.send(record);
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        Sent sent = batch.getOrComputeResource(SENT, key -> {
            Sent pending = new Sent();
            batch.onPrepareCommit(u -> pending.awaitAcknowledgements());
            return pending;
        });
        sent.add(record, sender.sendAsync(record));
    }

    /** The records of one batch handed to the producer; all acknowledged before the token moves on. */
    private final class Sent {

        private final List<ProducerRecord<String, String>> records = new ArrayList<>();
        private final List<Future<RecordMetadata>> acknowledgements = new ArrayList<>();

        void add(ProducerRecord<String, String> record, Future<RecordMetadata> acknowledgement) {
            records.add(record);
            acknowledgements.add(acknowledgement);
        }

        void awaitAcknowledgements() {
            for (int i = 0; i < records.size(); i++) {
                try {
                    sender.acknowledged(records.get(i), acknowledgements.get(i));
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException("Kafka did not acknowledge the batch; it is published again", e);
                }
            }
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        if (value != null) {
            record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
        }
    }
}
