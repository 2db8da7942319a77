package org.ratification.ledger.api.storage;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.ratification.ledger.core.treaty.TreatyAggregate;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The JDBC storage engine with the ledger's own gap and batch settings, and a snapshot serializer
 * of its own (see {@link SnapshotSerialization}) whose snapshots are only read back while the
 * aggregate still has the shape they were written with (see {@link AggregateShape}).
 */
@Configuration
public class EventStoreConfiguration {

    /** SQLSTATE of a unique-key violation, as H2 and PostgreSQL both report it. */
    static final String UNIQUE_VIOLATION = "23505";

    /**
     * A second event at the same treaty sequence number is a lost race (ConcurrencyException,
     * retried), recognised by its SQLSTATE: Axon's default resolver recognised H2's exception class
     * but not PostgreSQL's, which made a lost race a 500.
     */
    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver(UNIQUE_VIOLATION);
    }

    @Bean
    public EventStorageEngine eventStorageEngine(
            @Qualifier("eventSerializer") Serializer eventSerializer,
            PersistenceExceptionResolver persistenceExceptionResolver,
            ConnectionProvider connectionProvider,
            TransactionManager transactionManager,
            EventSchema eventSchema,
            org.axonframework.config.Configuration axon,
            EventStoreProperties properties) {
        return JdbcEventStorageEngine.builder()
                .schema(eventSchema)
                .eventSerializer(eventSerializer)
                .snapshotSerializer(SnapshotSerialization.serializer())
                // instead of Axon's @Revision filter: the revision of a snapshot is the aggregate's shape
                .snapshotFilter(AggregateShape::isCurrent)
                .upcasterChain(axon.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .batchSize(properties.batchSize())
                .gapTimeout(Math.toIntExact(properties.gapTimeout().toMillis()))
                .gapCleaningThreshold(properties.gapCleaningThreshold())
                .maxGapOffset(properties.maxGapOffset())
                .build();
    }

    /**
     * Axon's Spring snapshotter, but taking snapshots on a thread of its own. By default it takes
     * them on the writing thread after the commit, while that thread still holds the treaty's lock:
     * with more concurrent writers on one treaty than pooled connections, the writers waiting for the
     * lock held every connection and the snapshot waited for one, so all of them stalled until the
     * pool's 30 s timeout (found by bench/ scenario 2, bench/RESULTS.md §3).
     */
    @Bean
    public SpringAggregateSnapshotter aggregateSnapshotter(
            org.axonframework.config.Configuration axon,
            HandlerDefinition handlerDefinition,
            ParameterResolverFactory parameterResolverFactory,
            EventStore eventStore,
            TransactionManager transactionManager,
            SnapshotterSpanFactory spanFactory,
            @Qualifier("snapshotExecutor") Executor snapshotExecutor) {
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(axon::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .spanFactory(spanFactory)
                .executor(snapshotExecutor)
                .build();
    }

    @Bean(destroyMethod = "shutdown")
    public ExecutorService snapshotExecutor() {
        return Executors.newSingleThreadExecutor(new AxonThreadFactory("snapshotter"));
    }

    /**
     * How the snapshotter (Spring's, which looks for aggregate factories among the beans) creates
     * a Treaty to fold events into; the aggregate itself is registered in AxonConfiguration.
     */
    @Bean
    public AggregateFactory<?> treatyAggregateFactory(org.axonframework.config.Configuration axon) {
        return SnapshotAggregateFactory.of(TreatyAggregate.type(), axon);
    }
}
