package org.ratification.ledger.api.kafka;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The producer of the publisher: idempotent, {@code acks=all}, one request in flight, so records
 * reach the partition in the order they were sent. The publisher sends a batch's records without
 * waiting and waits for all acknowledgements before its token moves on. After a failure the producer is closed and a new one is
 * made for the retry, so that a broker that was away is met with a clean session. On first use it
 * creates the topic if it is missing (and the broker lets it). When the service stops, a send still
 * waiting is abandoned at once (its batch is published again after the restart), so that an absent
 * broker never delays shutdown.
 */
class KafkaEventSender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(KafkaEventSender.class);
    private static final long MARGIN_MILLIS = 5_000;
    private static final Pattern CONNECTION_SETTING =
            Pattern.compile("bootstrap\\.servers|client\\.dns\\.lookup|security\\.|ssl\\.|sasl\\.");

    private final KafkaPublisherProperties properties;
    private final Supplier<Map<String, Object>> clientSettings;
    private volatile Producer<String, String> producer;
    private volatile Admin admin;
    private volatile boolean running;
    private boolean topicReady;
    private final AtomicLong failures = new AtomicLong();

    /**
     * @param clientSettings settings shared by producer and admin client (bootstrap servers,
     *     security); asked again each time a client is made, so a test may point it elsewhere
     */
    KafkaEventSender(KafkaPublisherProperties properties, Supplier<Map<String, Object>> clientSettings) {
        this.properties = properties;
        this.clientSettings = clientSettings;
    }

    /** Sends the record and returns once the broker acknowledged it; throws otherwise. */
    RecordMetadata send(ProducerRecord<String, String> record) throws Exception {
        return acknowledged(record, sendAsync(record));
    }

    /**
     * Hands the record to the producer and returns at once; {@link #acknowledged} then waits for
     * the broker. Records sent before a later one are acknowledged (or failed) before it.
     */
    synchronized Future<RecordMetadata> sendAsync(ProducerRecord<String, String> record) throws Exception {
        if (!running) {
            throw new IllegalStateException("The Kafka publisher is stopped; the event is published after restart");
        }
        try {
            ensureTopic();
            return producer().send(record);
        } catch (Exception e) {
            throw failed(record, e);
        }
    }

    /** Waits for the broker's acknowledgement of a record sent with {@link #sendAsync}; throws otherwise. */
    RecordMetadata acknowledged(ProducerRecord<String, String> record, Future<RecordMetadata> sent) throws Exception {
        try {
            return sent.get(properties.sendTimeout().toMillis() + MARGIN_MILLIS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw failedAfterSend(record, e.getCause() instanceof Exception cause ? cause : e);
        } catch (Exception e) {
            throw failedAfterSend(record, e);
        }
    }

    private synchronized Exception failedAfterSend(ProducerRecord<String, String> record, Exception e) {
        return failed(record, e);
    }

    private Exception failed(ProducerRecord<String, String> record, Exception e) {
        failures.incrementAndGet();
        log.warn(
                "Kafka did not acknowledge the event of treaty {} ({}); its batch will be retried",
                record.key(),
                e.toString());
        reset();
        return e;
    }

    /** How many sends have failed since start; a failed send is retried with its batch. */
    long failures() {
        return failures.get();
    }

    private void ensureTopic() throws Exception {
        if (topicReady) {
            return;
        }
        Map<String, Object> settings = new HashMap<>();
        clientSettings.get().forEach((key, value) -> {
            if (CONNECTION_SETTING.matcher(key).lookingAt()) {
                settings.put(key, value);
            }
        });
        int timeout = (int) properties.sendTimeout().toMillis();
        settings.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, timeout);
        settings.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout);
        settings.put(CommonClientConfigs.CLIENT_ID_CONFIG, "ratification-ledger-topic-admin");
        admin = Admin.create(settings);
        try {
            admin.createTopics(List.of(
                            new NewTopic(properties.topic(), Optional.of(properties.partitions()), Optional.empty())))
                    .all()
                    .get(timeout, TimeUnit.MILLISECONDS);
            log.info("Created topic {} with {} partitions", properties.topic(), properties.partitions());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                log.debug("Topic {} exists", properties.topic());
            } else if (e.getCause() instanceof AuthorizationException) {
                log.info("Not allowed to create topic {}; assuming it exists", properties.topic());
            } else {
                throw e;
            }
        } finally {
            admin.close(java.time.Duration.ZERO);
            admin = null;
        }
        topicReady = true;
    }

    private Producer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(producerSettings());
        }
        return producer;
    }

    Map<String, Object> producerSettings() {
        Map<String, Object> settings = new HashMap<>(clientSettings.get());
        int sendTimeout = (int) properties.sendTimeout().toMillis();
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        settings.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, sendTimeout);
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, sendTimeout);
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(500, sendTimeout / 2));
        settings.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "ratification-ledger-publisher");
        return settings;
    }

    private void reset() {
        if (producer != null) {
            try {
                producer.close(java.time.Duration.ZERO);
            } catch (RuntimeException e) {
                log.debug("Closing the failed producer failed", e);
            }
            producer = null;
        }
        topicReady = false;
    }

    @Override
    public void start() {
        running = true;
    }

    /** Abandons a send in progress at once; called from the shutdown thread, so takes no lock. */
    @Override
    public void stop() {
        running = false;
        Admin pendingAdmin = admin;
        if (pendingAdmin != null) {
            pendingAdmin.close(java.time.Duration.ZERO);
        }
        Producer<String, String> open = producer;
        if (open != null) {
            open.close(java.time.Duration.ZERO);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
