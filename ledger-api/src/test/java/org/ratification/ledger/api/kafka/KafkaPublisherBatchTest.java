package org.ratification.ledger.api.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.Test;
import org.ratification.ledger.api.stream.EventEnvelopes;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * A batch of the publisher waits for the broker's acknowledgements after its last event, before the
 * batch prepares its commit, where the pooled processor writes its token first: on PostgreSQL that
 * write gives the transaction an id, and a transaction in progress holds the log's horizon back
 * (api/log/LogTail), so a broker that is slow or away must not be waited for while the id is held.
 */
class KafkaPublisherBatchTest {

    @Test
    @SuppressWarnings("unchecked")
    void aBatchAwaitsItsAcknowledgementsAfterItsLastEventAndBeforeTheTokenIsWritten() throws Exception {
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        KafkaTemplate<String, String> template = mock(KafkaTemplate.class);
        when(template.send(any(ProducerRecord.class))).thenAnswer(call -> {
            ProducerRecord<String, String> record = call.getArgument(0);
            order.add("sent " + record.key());
            return new CompletableFuture<SendResult<String, String>>() {
                @Override
                public SendResult<String, String> get(long timeout, TimeUnit unit) {
                    order.add("acknowledged " + record.key());
                    return new SendResult<>(record, null);
                }
            };
        });
        KafkaEventPublisher publisher = new KafkaEventPublisher(
                template,
                mock(KafkaAdmin.class),
                new NewTopic("ledger.events", 1, (short) 1),
                new EventEnvelopes(),
                new KafkaPublisherProperties("broker:9092", "ledger.events", 1, Duration.ofSeconds(1), 20));
        publisher.start();
        List<EventMessage<?>> events = List.of(event("t-1"), event("t-2"), event("t-3"));
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(events);
        // as Axon's pooled processor does before it hands the batch to the handlers
        batch.onPrepareCommit(u -> order.add("token written"));

        batch.executeWithResult(() -> {
            publisher.on(batch.getMessage().getPayload(), batch.getMessage());
            return null;
        });

        assertThat(order)
                .containsExactly(
                        "sent t-1",
                        "sent t-2",
                        "sent t-3",
                        "acknowledged t-1",
                        "acknowledged t-2",
                        "acknowledged t-3",
                        "token written");
    }

    private static EventMessage<?> event(String treatyId) {
        return new GenericDomainEventMessage<>("Treaty", treatyId, 0, "payload of " + treatyId);
    }
}
