package org.ratification.ledger.bench;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Kafka on the broker of LEDGER_KAFKA_BOOTSTRAP_SERVERS: a consumer of the ledger's topic
 * (LEDGER_KAFKA_TOPIC, default ledger.events) from its end, and the raw baseline: a producer with
 * the ledger publisher's guarantees (acks=all, idempotent) to a consumer, on a topic of the run.
 */
final class KafkaProbe {

    private KafkaProbe() {}

    private static volatile String bootstrap = Database.env("LEDGER_KAFKA_BOOTSTRAP_SERVERS", "");

    static String bootstrap() {
        return bootstrap;
    }

    /**
     * Starts a single-node KRaft broker in this JVM (the one the service's tests use) unless
     * LEDGER_KAFKA_BOOTSTRAP_SERVERS names one; answers what to close after the run.
     */
    static AutoCloseable embeddedBrokerUnlessGiven() {
        if (!bootstrap.isBlank()) {
            return () -> {};
        }
        EmbeddedKafkaBroker broker =
                new EmbeddedKafkaKraftBroker(1, 1, topic()).brokerProperty("group.initial.rebalance.delay.ms", "0");
        broker.afterPropertiesSet();
        bootstrap = broker.getBrokersAsString();
        Log.info("Kafka: KRaft broker started in this JVM at %s", bootstrap);
        return broker::destroy;
    }

    static String topic() {
        return Database.env("LEDGER_KAFKA_TOPIC", "ledger.events");
    }

    /** A consumer thread handing each received value and its arrival time to {@code onRecord}. */
    static final class Listener implements AutoCloseable {

        private final KafkaConsumer<String, byte[]> consumer;
        private final Thread thread;
        private volatile boolean running = true;
        private final CompletableFuture<Void> assigned = new CompletableFuture<>();

        Listener(String topic, BiConsumer<ConsumerRecord<String, byte[]>, Long> onRecord) {
            Properties p = new Properties();
            p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
            p.put(ConsumerConfig.GROUP_ID_CONFIG, "ledger-bench-" + UUID.randomUUID());
            p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
            p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "5");
            p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
            consumer = new KafkaConsumer<>(p);
            consumer.subscribe(List.of(topic));
            thread = new Thread(
                    () -> {
                        try {
                            while (running) {
                                var records = consumer.poll(Duration.ofMillis(5));
                                long now = System.nanoTime();
                                if (!consumer.assignment().isEmpty()) {
                                    assigned.complete(null);
                                }
                                for (var r : records) {
                                    onRecord.accept(r, now);
                                }
                            }
                        } catch (org.apache.kafka.common.errors.WakeupException e) {
                            // closing
                        } finally {
                            consumer.close(Duration.ofSeconds(5));
                        }
                    },
                    "kafka-listener-" + topic);
            thread.setDaemon(true);
            thread.start();
        }

        /** Waits until the consumer has its partitions (and so reads from their end). */
        boolean awaitAssignment(Duration timeout) {
            try {
                assigned.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                return true;
            } catch (Exception e) {
                return false;
            }
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            consumer.wakeup();
            thread.join(10_000);
        }
    }

    /** Baseline: raw producer-to-consumer latency at {@code rate} on a fresh topic, one repetition. */
    static final class Raw implements AutoCloseable {

        private final String topic =
                "ledger-bench-raw-" + UUID.randomUUID().toString().substring(0, 8);
        private final KafkaProducer<String, byte[]> producer;
        private final Admin admin;
        private volatile Latency current = new Latency();
        private final Listener listener;

        Raw() throws Exception {
            Properties a = new Properties();
            a.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
            admin = Admin.create(a);
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            producer = new KafkaProducer<>(p);
            listener = new Listener(topic, (r, now) -> {
                long sent = ByteBuffer.wrap(r.value(), 0, Long.BYTES).getLong();
                current.recordNanos(now - sent);
            });
            if (!listener.awaitAssignment(Duration.ofSeconds(30))) {
                throw new IllegalStateException("no partition assigned on " + topic);
            }
        }

        /** Sends at {@code rate} for {@code duration} (open loop); answers the latencies. */
        Latency run(double rate, Duration duration, byte[] envelope) throws InterruptedException {
            Latency latency = new Latency();
            current = latency;
            Load.openLoop(rate, duration, 1024, i -> {
                byte[] value = new byte[Long.BYTES + envelope.length];
                ByteBuffer.wrap(value).putLong(System.nanoTime()).put(envelope);
                CompletableFuture<Boolean> sent = new CompletableFuture<>();
                producer.send(new ProducerRecord<>(topic, "bench", value), (m, e) -> sent.complete(e == null));
                return sent;
            });
            TimeUnit.SECONDS.sleep(1);
            return latency;
        }

        @Override
        public void close() throws Exception {
            listener.close();
            producer.close(Duration.ofSeconds(5));
            try {
                admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            } finally {
                admin.close(Duration.ofSeconds(5));
            }
        }
    }
}
