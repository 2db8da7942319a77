package org.ratification.ledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SignallingEventSourceTest {

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine())
            .build();
    private final SignallingEventSource source = new SignallingEventSource(store);

    @AfterEach
    void close() {
        source.destroy();
        store.shutDown();
    }

    @Test
    void aCommitWithNoStreamOpenSchedulesNothing() {
        assertThat(source.scheduledTasks()).as("the periodic look at the head").isEqualTo(1);

        store.publish(GenericEventMessage.asEventMessage("recorded"));

        assertThat(source.scheduledTasks()).isEqualTo(1);
    }

    @Test
    void aCommitSignalsAnOpenStreamAtOnceAndAFewTimesLater() {
        AtomicInteger signals = new AtomicInteger();
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null)) {
            stream.setOnAvailableCallback(signals::incrementAndGet);

            store.publish(GenericEventMessage.asEventMessage("recorded"));

            assertThat(signals).hasValueGreaterThanOrEqualTo(1);
            await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(signals).hasValueGreaterThanOrEqualTo(5));
        }
    }
}
