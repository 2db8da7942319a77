package org.ratification.ledger.api.storage;

import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Treaty aggregates of the most recently written treaties, so that a write does not load and
 * fold the treaty's events (or its snapshot) again. Least recently used treaties are dropped first.
 *
 * <p>Other nodes write to the same store, so a cached treaty may be behind. Before a cached treaty
 * is used, the last sequence number of its stream in the store (one indexed query, in the command's
 * transaction) is compared with the cached one; if they differ the entry is dropped and Axon loads
 * the treaty from the store. A decision, a refusal included, is therefore never taken on stale
 * facts. Axon itself drops an entry when its unit of work rolls back.
 *
 * <p>The cached version is read from Axon's {@link AggregateCacheEntry}, which does not expose it;
 * if a later Axon release renames the field, the cache turns itself off (with a warning) rather than
 * risk serving stale treaties.
 */
public final class TreatyCache implements Cache {

    private static final Logger log = LoggerFactory.getLogger(TreatyCache.class);
    private static final Field VERSION = versionField();

    private final Function<String, Optional<Long>> lastSequenceInStore;
    private final Map<Object, Object> entries;
    private final boolean enabled;

    /**
     * @param maxTreaties how many treaties are kept; 0 turns the cache off
     * @param lastSequenceInStore the last sequence number of a treaty's stream in the event store
     */
    public TreatyCache(int maxTreaties, Function<String, Optional<Long>> lastSequenceInStore) {
        this.lastSequenceInStore = lastSequenceInStore;
        this.enabled = maxTreaties > 0 && VERSION != null;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                return size() > maxTreaties;
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Object value;
        synchronized (entries) {
            value = entries.get(key);
        }
        if (value == null) {
            return null;
        }
        if (!Objects.equals(
                versionOf(value), lastSequenceInStore.apply(key.toString()).orElse(null))) {
            remove(key);
            return null;
        }
        return (V) value;
    }

    @Override
    public void put(Object key, Object value) {
        if (!enabled || value == null) {
            return;
        }
        synchronized (entries) {
            entries.put(key, value);
        }
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        if (!enabled || value == null) {
            return false;
        }
        synchronized (entries) {
            return entries.putIfAbsent(key, value) == null;
        }
    }

    @Override
    public boolean remove(Object key) {
        synchronized (entries) {
            return entries.remove(key) != null;
        }
    }

    @Override
    public void removeAll() {
        synchronized (entries) {
            entries.clear();
        }
    }

    @Override
    public boolean containsKey(Object key) {
        synchronized (entries) {
            return entries.containsKey(key);
        }
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener entryListener) {
        return () -> true; // nothing listens: entries are only read through get
    }

    private static Long versionOf(Object value) {
        if (!(value instanceof AggregateCacheEntry<?>)) {
            return null;
        }
        try {
            return (Long) VERSION.get(value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Field versionField() {
        try {
            Field field = AggregateCacheEntry.class.getDeclaredField("version");
            if (field.getType() != Long.class) {
                throw new NoSuchFieldException("version is a " + field.getType());
            }
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException | RuntimeException e) {
            log.warn(
                    "Treaty cache off: this Axon version's AggregateCacheEntry has no readable version ({})",
                    e.toString());
            return null;
        }
    }
}
