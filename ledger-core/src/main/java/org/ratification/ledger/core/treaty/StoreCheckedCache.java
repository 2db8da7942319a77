package org.ratification.ledger.core.treaty;

import java.util.function.BiPredicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;

/**
 * The cache of loaded treaties, checked against the event store before each use: a cached treaty is
 * used only while its version (the sequence of its last event) is still the last sequence of its
 * stream in the store, one indexed lookup of at most a few rows instead of a snapshot and up to
 * threshold - 1 events to read and fold. A treaty another node recorded on since is dropped and
 * loaded again, so a decision is always taken on what the store holds. Built on Axon's public API only: the version is read from
 * the aggregate that the cache entry recreates.
 */
public final class StoreCheckedCache implements Cache {

    private final Cache entries;
    private final BiPredicate<String, Long> endsAt;
    private final Configuration configuration;
    private volatile AggregateModel<Treaty> model;

    /**
     * @param entries where the entries are kept (bounded by its owner)
     * @param endsAt whether a treaty's stream in the store ends at this sequence number (holds it and
     *     none after it: a range of the stream's index from that number, not the whole stream, which
     *     H2 would scan for a maximum)
     * @param configuration Axon's configuration: the treaty's model and the event store the recreated
     *     aggregate is bound to (only its version is read)
     */
    public StoreCheckedCache(Cache entries, BiPredicate<String, Long> endsAt, Configuration configuration) {
        this.entries = entries;
        this.endsAt = endsAt;
        this.configuration = configuration;
    }

    private AggregateModel<Treaty> model() {
        AggregateModel<Treaty> known = model;
        if (known == null) {
            known = AnnotatedAggregateMetaModelFactory.inspectAggregate(
                    Treaty.class,
                    configuration.parameterResolverFactory(),
                    configuration.handlerDefinition(Treaty.class));
            model = known;
        }
        return known;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Object entry = entries.get(key);
        if (!(entry instanceof AggregateCacheEntry<?> cached)) {
            return (V) entry;
        }
        Long version = ((AggregateCacheEntry<Treaty>) cached)
                .recreateAggregate(model(), configuration.eventStore(), NoSnapshotTriggerDefinition.INSTANCE)
                .version();
        if (version == null || !endsAt.test(key.toString(), version)) {
            entries.remove(key);
            return null;
        }
        return (V) entry;
    }

    @Override
    public void put(Object key, Object value) {
        entries.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return entries.putIfAbsent(key, value);
    }

    @Override
    public boolean remove(Object key) {
        return entries.remove(key);
    }

    @Override
    public void removeAll() {
        entries.removeAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        T value = get(key);
        if (value == null) {
            value = valueSupplier.get();
            entries.put(key, value);
        }
        return value;
    }

    @Override
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        V value = get(key);
        if (value != null) {
            entries.put(key, update.apply(value));
        }
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        return entries.registerCacheEntryListener(cacheEntryListener);
    }
}
