package org.ratification.ledger.projections.status;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.LocalDate;
import java.util.Collections;
import java.util.IdentityHashMap;
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

/**
 * Answers status questions from the status read model, for any legal date.
 *
 * <p>A treaty's rows and the statuses computed from them are kept in memory under the treaty's
 * version: the sequence number of its chain head, which the status processing group writes in the
 * same transaction as the rows (see {@link ChainHeadProjection}). Each read asks the database for
 * that version (one indexed row) and computes again only if it moved, so a read never answers from
 * rows older than those committed, whichever node committed them. Treaties without a chain head
 * are never kept. Each treaty keeps its statuses for up to {@value #DATES_PER_TREATY} legal dates.
 * The treaties are kept in Caffeine, weighed by their rows (action rows and participant rows of the
 * statuses) and bounded by {@code ledger.status-cache.rows}; by default (0) as many as a quarter of
 * the heap holds at about {@value #BYTES_PER_ROW} bytes a row, so a 256 MB service keeps about
 * 220,000 rows and a 2 GB one all of a million-event store.
 */
public class StatusQueries {

    /** Legal dates kept per treaty; most reads ask for today. */
    private static final int DATES_PER_TREATY = 4;

    /** What an action row or a participant row costs in memory, estimated (ids, codes, dates, lists). */
    static final int BYTES_PER_ROW = 300;

    private final StatusRepository repository;
    private final StatusCalculator calculator = new StatusCalculator(ParticipantRegistry.standard());
    private final Cache cache;

    /**
     * @param maxRows the bound of the rows kept ({@code ledger.status-cache.rows}); 0: what a quarter
     *     of the heap holds
     */
    public StatusQueries(StatusRepository repository, long maxRows) {
        this.repository = repository;
        this.cache = new Cache(maxRows > 0 ? maxRows : Runtime.getRuntime().maxMemory() / 4 / BYTES_PER_ROW);
    }

    /** The treaty line and participants table on {@code asOf}, if the treaty is known. */
    public Optional<StatusCalculator.Status> status(String treatyId, LocalDate asOf) {
        return treaty(treatyId).map(treaty -> status(treaty, asOf));
    }

    /**
     * The treaty line on {@code asOf} with the head of the treaty's chain, if the treaty is known.
     * For as long as the treaty's version and the date are the same, the same view object is
     * answered, so a rendering of it can be kept by identity.
     */
    public Optional<TreatyStatusView> line(String treatyId, LocalDate asOf) {
        return treaty(treatyId).map(treaty -> line(treaty, asOf));
    }

    /** Every treaty's line on {@code asOf}, without the head of its chain. */
    public List<TreatyStatusView> treaties(LocalDate asOf) {
        return repository.versions().entrySet().stream()
                .map(e -> status(treaty(e.getKey(), e.getValue()), asOf).treaty())
                .toList();
    }

    /** Every treaty's {@link #line}, with the head of its chain. */
    public List<TreatyStatusView> lines(LocalDate asOf) {
        return repository.versions().entrySet().stream()
                .map(e -> line(treaty(e.getKey(), e.getValue()), asOf))
                .toList();
    }

    /**
     * A registered treaty's definition (titles, clauses, opening for signature), as the status read
     * model holds it: written in the transaction that registered the treaty, so it is there as soon
     * as the registration's 201 is.
     */
    public Optional<TreatyDefinition> definition(String treatyId) {
        return treaty(treatyId).map(treaty -> treaty.definition);
    }

    /** Reservations made by {@code asOf}, with the objections to each and whether they were timely. */
    public Optional<List<ReservationView>> reservations(String treatyId, LocalDate asOf) {
        return treaty(treatyId).map(treaty -> calculator.reservations(treaty.actions, asOf));
    }

    /** How many treaties are kept in memory now. */
    int cachedTreaties() {
        return cache.size();
    }

    /** How many rows the treaties kept in memory hold now. */
    long cachedRows() {
        return cache.rows();
    }

    private Optional<Treaty> treaty(String treatyId) {
        return repository.version(treatyId).map(version -> treaty(treatyId, version));
    }

    /**
     * The kept treaty if it is at {@code version}, else the treaty as the read model holds it now
     * (version {@link StatusRepository#NO_VERSION}: never kept).
     */
    private Treaty treaty(String treatyId, StatusRepository.Version version) {
        boolean versioned = version.sequence() != StatusRepository.NO_VERSION;
        Treaty kept = versioned ? cache.get(treatyId) : null;
        if (kept != null && kept.version == version.sequence()) {
            return kept;
        }
        // read after the version: the rows may be newer than it, never older, and a newer version
        // read next time simply loads them again
        Treaty loaded = new Treaty(
                treatyId,
                version.sequence(),
                version.headHash(),
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

    /** The line of {@link #status(Treaty, LocalDate)} with the treaty's head, kept with the status. */
    private TreatyStatusView line(Treaty treaty, LocalDate asOf) {
        StatusCalculator.Status status = status(treaty, asOf);
        return treaty.lines.computeIfAbsent(status, s -> s.treaty().withHeadHash(treaty.headHash));
    }

    private record Key(LocalDate asOf, long parentVersion) {}

    /** One treaty's rows at one version, with the statuses computed from them. */
    private final class Treaty {

        final String id;
        final long version;
        /** The hash of the chain head at {@link #version}; null without a head. */
        final String headHash;

        final TreatyDefinition definition;
        final List<Action> actions;
        final Map<Key, StatusCalculator.Status> statuses = new ConcurrentHashMap<>();
        /** The lines with the head of the statuses kept, by status object (identity). */
        final Map<StatusCalculator.Status, TreatyStatusView> lines =
                Collections.synchronizedMap(new IdentityHashMap<>());
        /** Action and participant rows held, the definition counting as one; guarded by this. */
        long rows;

        Treaty(String id, long version, String headHash, TreatyDefinition definition, List<Action> actions) {
            this.id = id;
            this.version = version;
            this.headHash = headHash;
            this.definition = definition;
            this.actions = actions;
            this.rows = actions.size() + 1L;
        }

        synchronized int weight() {
            return (int) Math.min(Integer.MAX_VALUE, rows);
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

    /**
     * Treaties by id in Caffeine, weighed by the rows they hold. A treaty's weight grows as it keeps
     * statuses; it is weighed again then (a replacement of the entry by itself).
     */
    private static final class Cache {

        private final long maxRows;
        private final com.github.benmanes.caffeine.cache.Cache<String, Treaty> treaties;

        Cache(long maxRows) {
            this.maxRows = maxRows;
            this.treaties = Caffeine.newBuilder()
                    .maximumWeight(maxRows)
                    .<String, Treaty>weigher((id, treaty) -> treaty.weight())
                    // eviction runs on the thread that wrote, not later on a pool
                    .executor(Runnable::run)
                    .build();
        }

        Treaty get(String treatyId) {
            return treaties.getIfPresent(treatyId);
        }

        void put(String treatyId, Treaty treaty) {
            if (treaty.weight() > maxRows) {
                return;
            }
            treaties.put(treatyId, treaty);
        }

        /** Keeps a computed status with its treaty, weighing the treaty again if it is kept. */
        void keep(Treaty treaty, Key key, StatusCalculator.Status status) {
            synchronized (treaty) {
                if (treaty.statuses.size() >= DATES_PER_TREATY) {
                    for (StatusCalculator.Status dropped : treaty.statuses.values()) {
                        treaty.rows -= dropped.participants().size();
                    }
                    treaty.statuses.clear();
                    treaty.lines.clear();
                }
                if (treaty.statuses.put(key, status) == null) {
                    treaty.rows += status.participants().size();
                }
            }
            treaties.asMap().replace(treaty.id, treaty, treaty);
        }

        int size() {
            treaties.cleanUp();
            return (int) treaties.estimatedSize();
        }

        long rows() {
            treaties.cleanUp();
            return treaties.policy().eviction().orElseThrow().weightedSize().orElseThrow();
        }
    }
}
