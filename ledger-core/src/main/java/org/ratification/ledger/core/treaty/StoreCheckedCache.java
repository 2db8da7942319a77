package org.ratification.ledger.core.treaty;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;

/**
 * The cache of loaded treaties, whose decisions are always those the store's state gives, whichever node
 * recorded it, without reading the store before each use. A cached treaty is used as it is, and what it
 * decides is checked against the store only where that costs nothing or is needed:
 * <ul>
 *   <li>a command it accepts appends the event at the sequence after the cached version, which the
 *       store's unique (aggregate, sequence) refuses if another node recorded on the treaty since: the
 *       command lost a race and is sent again ({@code ConcurrencyException}), on the treaty loaded from
 *       the store (Axon drops the entry when the unit of work rolls back);</li>
 *   <li>a command it refuses is checked by {@link #refusalsOnStoreState()}: if the store's stream no
 *       longer ends at the cached version (one indexed lookup of at most a few rows), the refusal is
 *       turned into that same lost race, so the command is decided again on what the store holds.</li>
 * </ul>
 * A recording on a cached treaty therefore sends no statement before its insert (bench/RESULTS.md
 * §0nb: one round trip of six on PostgreSQL). Built on Axon's public API only: the version is read from
 * the aggregate that the cache entry recreates, and only for a refusal.
 */
public final class StoreCheckedCache implements Cache {

    private static final String SERVED = StoreCheckedCache.class.getName() + ".served";

    private final Cache entries;
    private final BiPredicate<String, Long> endsAt;
    private final Configuration configuration;
    private volatile AggregateModel<Treaty> model;

    /**
     * @param entries where the entries are kept (bounded by its owner)
     * @param endsAt whether a treaty's stream in the store ends at this sequence number (holds it and
     *     none after it: a range of the stream's index from that number, not the whole stream, which
     *     H2 would scan for a maximum); asked only when a command on a cached treaty is refused
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
        if (entry instanceof AggregateCacheEntry<?> cached && CurrentUnitOfWork.isStarted()) {
            // what the unit of work decides on: checked against the store if the command is refused
            CurrentUnitOfWork.get()
                    .getOrComputeResource(SERVED, k -> new ArrayList<Served>())
                    .add(new Served(this, key.toString(), (AggregateCacheEntry<Treaty>) cached));
        }
        return (V) entry;
    }

    /** A treaty this cache handed to a unit of work, as it was cached. */
    private record Served(StoreCheckedCache cache, String treatyId, AggregateCacheEntry<Treaty> entry) {

        /** Whether the store's stream of the treaty still ends at the version it was cached at. */
        boolean current() {
            Long version = entry.recreateAggregate(
                            cache.model(), cache.configuration.eventStore(), NoSnapshotTriggerDefinition.INSTANCE)
                    .version();
            return version != null && cache.endsAt.test(treatyId, version);
        }
    }

    /**
     * The command bus's handler interceptor that keeps refusals to what the store holds: a command that
     * fails on a treaty served from a cache is answered as it is only if the store's stream still ends at
     * the cached version; otherwise the entry is dropped and the failure becomes a lost race
     * ({@link ConcurrencyException}, which the ledger's gateway sends again, on the treaty loaded from the
     * store). Runs in the command's unit of work and transaction, before its rollback.
     */
    public static MessageHandlerInterceptor<CommandMessage<?>> refusalsOnStoreState() {
        return (unitOfWork, chain) -> {
            try {
                return chain.proceed();
            } catch (Exception failure) {
                List<Served> served = unitOfWork.getResource(SERVED);
                if (served != null) {
                    for (Served treaty : served) {
                        if (!treaty.current()) {
                            treaty.cache().entries.remove(treaty.treatyId());
                            throw new ConcurrencyException(
                                    "Treaty '" + treaty.treatyId()
                                            + "' was recorded on elsewhere since it was cached; decided again",
                                    failure);
                        }
                    }
                }
                throw failure;
            }
        };
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
        return entries.containsKey(key);
    }

    @Override
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        return entries.computeIfAbsent(key, valueSupplier);
    }

    @Override
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        entries.computeIfPresent(key, update);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        return entries.registerCacheEntryListener(cacheEntryListener);
    }
}
