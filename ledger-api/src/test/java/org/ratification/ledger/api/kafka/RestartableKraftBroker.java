package org.ratification.ledger.api.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import kafka.testkit.KafkaClusterTestKit;
import kafka.testkit.TestKitNodes;

/**
 * A real Kafka broker in KRaft mode, in this JVM, whose broker can be stopped and started again on
 * the same port with its data kept, the way an outage looks to a producer.
 *
 * <p>It is built directly on Kafka's {@code KafkaClusterTestKit} (the class spring-kafka-test's
 * {@code EmbeddedKafkaKraftBroker} wraps) because that wrapper always listens on port 0 in KRaft
 * mode ({@code kafkaPorts} is ignored there): a restarted broker would come back on another port.
 * Here the listener gets a fixed free port, so a broker restarted with
 * {@code BrokerServer.shutdown()}/{@code startup()} answers at the same address.
 */
final class RestartableKraftBroker implements AutoCloseable {

    private final KafkaClusterTestKit cluster;
    private final int port;

    private RestartableKraftBroker(KafkaClusterTestKit cluster, int port) {
        this.cluster = cluster;
        this.port = port;
    }

    static RestartableKraftBroker start() {
        int port = freePort();
        try {
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build();
            KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(nodes)
                    .setConfigProp("listeners", "EXTERNAL://localhost:" + port + ",CONTROLLER://localhost:0")
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new RestartableKraftBroker(cluster, port);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the KRaft broker", e);
        }
    }

    String bootstrapServers() {
        return "localhost:" + port;
    }

    /** Stops the broker (the controller stays up); clients then find nobody at the address. */
    void stopBroker() {
        cluster.brokers().values().forEach(broker -> broker.shutdown());
    }

    /** Starts the stopped broker again at the same address, with the data it had. */
    void startBroker() {
        cluster.brokers().values().forEach(broker -> broker.startup());
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
