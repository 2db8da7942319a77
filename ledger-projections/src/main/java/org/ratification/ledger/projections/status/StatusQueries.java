package org.ratification.ledger.projections.status;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.ratification.ledger.core.api.ReservationView;
import org.ratification.ledger.core.api.TreatyDefinition;
import org.ratification.ledger.core.api.TreatyStatusView;
import org.ratification.ledger.core.participants.ParticipantRegistry;
import org.ratification.ledger.core.rules.Action;
import org.ratification.ledger.core.rules.StatusCalculator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Answers status questions from the status read model, for any legal date.
 *
 * <p>A treaty's rows and the statuses computed from them are kept in memory under the treaty's
 * version: the sequence number of its chain head, which the status processing group writes in the
 * same transaction as the rows (see {@link ChainHeadProjection}). Each read asks the database for
 * that version (one indexed row) and computes again only if it moved, so a read never answers from
 * rows older than those committed, whichever node committed them. Treaties without a chain head
 * are never kept. Each treaty keeps its statuses for up to {@value #DATES_PER_TREATY} legal dates.
 * The least recently read treaties are dropped once the rows kept (action rows and participant rows
 * of the statuses) exceed {@code ledger.status-cache.rows}; by default (0) as many as a quarter of
 * the heap holds at about {@value #BYTES_PER_ROW} bytes a row, so a 256 MB service keeps about
 * 220,000 rows and a 2 GB one all of a million-event store.
 */
@Service
public class StatusQueries {

    /** Legal dates kept per treaty; most reads ask for today. */
    private static final int DATES_PER_TREATY = 4;

    /** What an action row or a participant row costs in memory, estimated (ids, codes, dates, lists). */
    static final int BYTES_PER_ROW = 300;

    private final StatusRepository repository;
    private final StatusCalculator calculator = new StatusCalculator(ParticipantRegistry.standard());
    private final Cache cache;

    public StatusQueries(StatusRepository repository, @Value("${ledger.status-cache.rows:0}") long maxRows) {
        this.repository = repository;
        this.cache = new Cache(maxRows > 0 ? maxRows : Runtime.getRuntime().maxMemory() / 4 / BYTES_PER_ROW);
    }

    /** The treaty line and participants table on {@code asOf}, if the treaty is known. */
    public Optional<StatusCalculator.Status> status(String treatyId, LocalDate asOf) {
        return treaty(treatyId).map(treaty -> status(treaty, asOf));
    }

    public List<TreatyStatusView> treaties(LocalDate asOf) {
        return repository.versions().entrySet().stream()
                .map(e -> status(treaty(e.getKey(), e.getValue()), asOf).treaty())
                .toList();
    }

    /** Reservations made by {@code asOf}, with the objections to each and whether they were timely. */
    public Optional<List<ReservationView>> reservations(String treatyId, LocalDate asOf) {
        return treaty(treatyId).map(treaty -> calculator.reservations(treaty.actions, asOf));
    }

    /** How many treaties are kept in memory now. */
    int cachedTreaties() {
        return cache.size();
    }

    private Optional<Treaty> treaty(String treatyId) {
        return repository.version(treatyId).map(version -> treaty(treatyId, version));
    }

    /**
     * The kept treaty if it is at {@code version}, else the treaty as the read model holds it now
     * (version {@link StatusRepository#NO_VERSION}: never kept).
     */
    private Treaty treaty(String treatyId, long version) {
        boolean versioned = version != StatusRepository.NO_VERSION;
        Treaty kept = versioned ? cache.get(treatyId) : null;
        if (kept != null && kept.version == version) {
            return kept;
        }
        // read after the version: the rows may be newer than it, never older, and a newer version
        // read next time simply loads them again
        Treaty loaded = new Treaty(
                treatyId,
                version,
                repository.treaty(treatyId).orElseThrow(),
                List.copyOf(repository.actions(treatyId)));
        if (versioned) {
            cache.put(treatyId, loaded);
        }
        return loaded;
    }

    /** A protocol's status depends on its parent's status on the same date, and on its version. */
    private StatusCalculator.Status status(Treaty treaty, LocalDate asOf) {
        String parentId = treaty.definition.parentTreatyId();
        if (parentId == null) {
            return treaty.statusOn(
                    new Key(asOf, StatusRepository.NO_VERSION),
                    () -> calculator.asOf(treaty.definition, treaty.actions, asOf));
        }
        Optional<Treaty> parentTreaty = treaty(parentId);
        StatusCalculator.Status parent = parentTreaty.map(p -> status(p, asOf)).orElse(null);
        long parentVersion = parentTreaty.map(p -> p.version).orElse(-2L); // -2: no parent (yet)
        return treaty.statusOn(
                new Key(asOf, parentVersion), () -> calculator.asOf(treaty.definition, treaty.actions, asOf, parent));
    }

    private record Key(LocalDate asOf, long parentVersion) {}

    /** One treaty's rows at one version, with the statuses computed from them. */
    private final class Treaty {

        final String id;
        final long version;
        final TreatyDefinition definition;
        final List<Action> actions;
        final Map<Key, StatusCalculator.Status> statuses = new ConcurrentHashMap<>();
        /** Action and participant rows held, the definition counting as one; guarded by the cache. */
        long rows;

        Treaty(String id, long version, TreatyDefinition definition, List<Action> actions) {
            this.id = id;
            this.version = version;
            this.definition = definition;
            this.actions = actions;
            this.rows = actions.size() + 1L;
        }

        StatusCalculator.Status statusOn(Key key, Supplier<StatusCalculator.Status> compute) {
            StatusCalculator.Status known = statuses.get(key);
            if (known != null) {
                return known;
            }
            StatusCalculator.Status computed = compute.get();
            cache.keep(this, key, computed);
            return computed;
        }
    }

    /** Treaties by id, least recently read first, bounded by the rows they hold. */
    private static final class Cache {

        private final long maxRows;
        private final LinkedHashMap<String, Treaty> treaties = new LinkedHashMap<>(16, 0.75f, true);
        private long rows;

        Cache(long maxRows) {
            this.maxRows = maxRows;
        }

        synchronized Treaty get(String treatyId) {
            return treaties.get(treatyId);
        }

        synchronized void put(String treatyId, Treaty treaty) {
            if (treaty.rows > maxRows) {
                return;
            }
            Treaty previous = treaties.put(treatyId, treaty);
            rows += treaty.rows - (previous == null ? 0 : previous.rows);
            trim();
        }

        /** Keeps a computed status with its treaty, counting its rows if the treaty is kept. */
        synchronized void keep(Treaty treaty, Key key, StatusCalculator.Status status) {
            long before = treaty.rows;
            if (treaty.statuses.size() >= DATES_PER_TREATY) {
                for (StatusCalculator.Status dropped : treaty.statuses.values()) {
                    treaty.rows -= dropped.participants().size();
                }
                treaty.statuses.clear();
            }
            if (treaty.statuses.put(key, status) == null) {
                treaty.rows += status.participants().size();
            }
            if (treaties.get(treaty.id) == treaty) {
                rows += treaty.rows - before;
                trim();
            }
        }

        private void trim() {
            var eldest = treaties.values().iterator();
            while (rows > maxRows && eldest.hasNext()) {
                rows -= eldest.next().rows;
                eldest.remove();
            }
        }

        synchronized int size() {
            return treaties.size();
        }
    }
}
