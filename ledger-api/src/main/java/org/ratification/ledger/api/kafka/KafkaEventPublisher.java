package org.ratification.ledger.api.kafka;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.ratification.ledger.api.stream.EventEnvelope;
import org.ratification.ledger.api.stream.EventEnvelopes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.SendResult;

/**
 * Publishes every event of the store to the topic, keyed by treaty id so that one treaty's events
 * stay in order on one partition. Runs in its own event processor: the events of a batch are handed
 * to the {@link KafkaTemplate} as they come and their acknowledgements awaited after the batch's last
 * event, before the batch prepares its commit and writes its token (on PostgreSQL a transaction that
 * has written holds the log's horizon back, so it must not wait for the broker); a send that the broker does not acknowledge throws, the batch is rolled back with its
 * token and retried later, so every event is published at least once and in order per treaty.
 *
 * <p>After a failure the producer is closed ({@link ProducerFactory#reset()}) and a new one is made
 * for the retry, so that a broker that was away is met with a clean session. Before the first send
 * of each session the topic is created with {@link KafkaAdmin} from the {@link NewTopic} if it is
 * missing (an existing topic is left as it is: more partitions would move treaties to other
 * partitions). When the service stops, a send still waiting is abandoned at once (its batch is
 * published again after the restart), so that an absent broker does not hold up the shutdown.
 */
@ProcessingGroup(KafkaEventPublisher.PROCESSING_GROUP)
public class KafkaEventPublisher implements SmartLifecycle {

    public static final String PROCESSING_GROUP = "kafka-publisher";
    public static final String TYPE_HEADER = "type";
    public static final String REVISION_HEADER = "revision";
    public static final String EVENT_ID_HEADER = "eventId";
    public static final String CONTENT_TYPE_HEADER = "contentType";

    private static final Logger log = LoggerFactory.getLogger(KafkaEventPublisher.class);
    private static final String SENT = KafkaEventPublisher.class.getName() + ".sent";
    private static final long MARGIN_MILLIS = 5_000;

    private final KafkaTemplate<String, String> template;
    private final KafkaAdmin admin;
    private final NewTopic topic;
    private final EventEnvelopes envelopes;
    private final long acknowledgementTimeoutMillis;
    private final AtomicLong failures = new AtomicLong();
    private volatile boolean running;
    private volatile boolean topicChecked;

    KafkaEventPublisher(
            KafkaTemplate<String, String> template,
            KafkaAdmin admin,
            NewTopic topic,
            EventEnvelopes envelopes,
            KafkaPublisherProperties properties) {
        this.template = template;
        this.admin = admin;
        this.topic = topic;
        this.envelopes = envelopes;
        this.acknowledgementTimeoutMillis = properties.sendTimeout().toMillis() + MARGIN_MILLIS;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message) throws Exception {
        EventEnvelope envelope = envelopes.envelope(message);
        ProducerRecord<String, String> record =
                new ProducerRecord<>(topic.name(), envelope.treatyId(), envelopes.toJson(envelope));
        header(record, TYPE_HEADER, envelope.type());
        header(record, REVISION_HEADER, envelope.revision());
        header(record, EVENT_ID_HEADER, envelope.eventId());
        header(record, CONTENT_TYPE_HEADER, "application/json");
        CompletableFuture<SendResult<String, String>> sent = send(record);
        if (!CurrentUnitOfWork.isStarted()) {
            acknowledged(record, sent);
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        Batch pending = batch.getOrComputeResource(SENT, key -> {
            Batch records = new Batch();
            batch.onPrepareCommit(u -> records.awaitAcknowledgements());
            return records;
        });
        pending.add(record, sent);
        if (batch instanceof BatchingUnitOfWork<?> events && events.isLastMessage()) {
            // before the batch prepares its commit, where the processor first writes its token: on
            // PostgreSQL that write gives the transaction an id, and a transaction in progress holds the
            // log's horizon back (api/log/LogTail), so the wait for the broker must come before it
            pending.awaitAcknowledgements();
        }
    }

    /** Hands the record to the producer and returns at once; records sent earlier are acknowledged first. */
    private CompletableFuture<SendResult<String, String>> send(ProducerRecord<String, String> record) {
        if (!running) {
            throw new IllegalStateException("The Kafka publisher is stopped; the event is published after restart");
        }
        try {
            ensureTopic();
            return template.send(record);
        } catch (RuntimeException e) {
            throw failed(record, e);
        }
    }

    /** Waits for the broker's acknowledgement of the record; throws otherwise. */
    private void acknowledged(
            ProducerRecord<String, String> record, CompletableFuture<SendResult<String, String>> sent) {
        try {
            sent.get(acknowledgementTimeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(record, e);
        } catch (ExecutionException e) {
            throw failed(record, e.getCause() instanceof Exception cause ? cause : e);
        } catch (Exception e) {
            throw failed(record, e);
        }
    }

    private RuntimeException failed(ProducerRecord<String, String> record, Exception e) {
        failures.incrementAndGet();
        log.warn(
                "Kafka did not acknowledge the event of treaty {} ({}); its batch will be retried",
                record.key(),
                rootCause(e));
        template.getProducerFactory().reset();
        topicChecked = false;
        return e instanceof RuntimeException runtime
                ? runtime
                : new IllegalStateException("Kafka did not acknowledge the batch; it is published again", e);
    }

    /** How many sends have failed since start; a failed send is retried with its batch. */
    long failures() {
        return failures.get();
    }

    /**
     * Creates the topic if it is missing. Whatever else goes wrong (the broker is away, creating
     * topics is not allowed) is left to the send, which fails if the topic cannot be written to.
     */
    void ensureTopic() {
        if (topicChecked) {
            return;
        }
        try {
            admin.describeTopics(topic.name());
            log.debug("Topic {} exists", topic.name());
        } catch (RuntimeException e) {
            if (causedBy(e, UnknownTopicOrPartitionException.class)) {
                create();
            } else {
                log.info("Could not look up topic {} ({}); sending anyway", topic.name(), rootCause(e));
            }
        }
        topicChecked = true;
    }

    private void create() {
        try {
            admin.createOrModifyTopics(topic);
            log.info("Created topic {} with {} partitions", topic.name(), topic.numPartitions());
        } catch (RuntimeException e) {
            log.info("Could not create topic {} ({}); sending anyway", topic.name(), rootCause(e));
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.toString();
    }

    /** The records of one batch handed to the producer; all acknowledged before the token moves on. */
    private final class Batch {

        private final List<ProducerRecord<String, String>> records = new ArrayList<>();
        private final List<CompletableFuture<SendResult<String, String>>> acknowledgements = new ArrayList<>();

        void add(ProducerRecord<String, String> record, CompletableFuture<SendResult<String, String>> sent) {
            records.add(record);
            acknowledgements.add(sent);
        }

        /** Waits for every record sent since the last wait (once each). */
        void awaitAcknowledgements() {
            for (int i = 0; i < records.size(); i++) {
                acknowledged(records.get(i), acknowledgements.get(i));
            }
            records.clear();
            acknowledgements.clear();
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        if (value != null) {
            record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * Abandons a send in progress at once: the producer factory closes its producer without waiting
     * (physical close timeout 0), which fails the send the processor waits on. Stops before the event
     * processors (default phase, the last to start and first to stop); called from the shutdown thread.
     */
    @Override
    public void stop() {
        running = false;
        template.getProducerFactory().reset();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
