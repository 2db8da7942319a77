package org.ratification.ledger.api.storage;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;

/**
 * The factory through which Spring's snapshotter creates an aggregate to fold events into. Built
 * on first use from the aggregate model as Axon's configuration inspects it (its parameter
 * resolvers, Spring beans included, and handler definitions), so that handler parameters the
 * application resolves are resolved here too, and nothing is inspected before Axon is configured.
 */
final class SnapshotAggregateFactory<T> implements AggregateFactory<T> {

    private final Class<T> type;
    private final org.axonframework.config.Configuration axon;
    private volatile AggregateFactory<T> delegate;

    SnapshotAggregateFactory(Class<T> type, org.axonframework.config.Configuration axon) {
        this.type = type;
        this.axon = axon;
    }

    static AggregateFactory<?> of(Class<?> type, org.axonframework.config.Configuration axon) {
        return new SnapshotAggregateFactory<>(type, axon);
    }

    @Override
    public T createAggregateRoot(String aggregateIdentifier, DomainEventMessage<?> firstEvent) {
        return delegate().createAggregateRoot(aggregateIdentifier, firstEvent);
    }

    @Override
    public Class<T> getAggregateType() {
        return type;
    }

    private AggregateFactory<T> delegate() {
        AggregateFactory<T> factory = delegate;
        if (factory == null) {
            factory = new GenericAggregateFactory<>(AnnotatedAggregateMetaModelFactory.inspectAggregate(
                    type, axon.parameterResolverFactory(), axon.handlerDefinition(type)));
            delegate = factory;
        }
        return factory;
    }
}
