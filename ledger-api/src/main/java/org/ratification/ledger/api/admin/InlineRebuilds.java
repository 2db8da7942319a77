package org.ratification.ledger.api.admin;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.ratification.ledger.projections.DatabaseProduct;
import org.ratification.ledger.projections.FoldWrites;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds an inline read model by a direct fold: in one transaction, clears its tables (its
 * {@code @ResetHandler}s) and feeds every event of the store, in global order, through the same
 * handlers that write it inline, with no token and no processor in between. Recordings wait
 * meanwhile: on this node a command waits before it starts; on another node (PostgreSQL) its
 * transaction waits on the read model's tables, locked here against writes (reads go on, and see the
 * old rows until the rebuild commits), and writes its rows after the rebuild, so nothing is missed.
 */
@Component
public class InlineRebuilds {

    private static final Logger log = LoggerFactory.getLogger(InlineRebuilds.class);

    private final EventStorageEngine storage;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;
    /** PostgreSQL: the tables are locked during a fold and analyzed after it. */
    private final boolean postgresql;
    /** Commands hold it shared while they run; a fold holds it exclusively. */
    private final ReadWriteLock recordings = new ReentrantReadWriteLock(true);

    private final Map<String, Fold> folds = new ConcurrentHashMap<>();

    public InlineRebuilds(
            EventStorageEngine storage,
            PlatformTransactionManager transactions,
            DataSource dataSource,
            CommandBus commandBus) {
        this.storage = storage;
        this.transaction = new TransactionTemplate(transactions);
        this.jdbc = new JdbcTemplate(dataSource);
        this.postgresql = DatabaseProduct.isPostgreSql(dataSource);
        commandBus.registerHandlerInterceptor((unitOfWork, chain) -> {
            recordings.readLock().lock();
            unitOfWork.onCleanup(u -> recordings.readLock().unlock());
            return chain.proceed();
        });
    }

    /** A fold under way or finished: how far it got (global index) of how many. */
    public static final class Fold {
        private final long startedNanos = System.nanoTime();
        private volatile long position;
        private volatile long head;
        private volatile boolean done;

        public long position() {
            return position;
        }

        public long head() {
            return head;
        }

        public boolean done() {
            return done;
        }

        public double eventsPerSecond() {
            double seconds = (System.nanoTime() - startedNanos) / 1e9;
            return seconds <= 0 ? 0 : Math.round(position / seconds * 10) / 10.0;
        }
    }

    /** The latest fold of a read model on this node, if any. */
    public Optional<Fold> fold(String readModel) {
        return Optional.ofNullable(folds.get(readModel));
    }

    /** Whether a fold of this read model is under way on this node. */
    public boolean folding(String readModel) {
        Fold fold = folds.get(readModel);
        return fold != null && !fold.done;
    }

    /** Folds the whole store into the read model of {@code processor}; returns the events folded. */
    public long rebuild(SubscribingEventProcessor processor, List<String> tables) {
        return rebuild(processor.getName(), processor.eventHandlerInvoker(), tables);
    }

    /** As {@link #rebuild(SubscribingEventProcessor, List)}, with the handlers given (a test's failing ones). */
    long rebuild(String name, EventHandlerInvoker handlers, List<String> tables) {
        Fold fold = new Fold();
        folds.put(name, fold);
        recordings.writeLock().lock();
        try {
            Long head = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
            fold.head = head == null ? 0 : head;
            log.info("Rebuilding read model '{}' by a direct fold of {} events", name, fold.head);
            Long folded = transaction.execute(status -> {
                if (postgresql && !tables.isEmpty()) {
                    jdbc.execute("LOCK TABLE " + String.join(", ", tables) + " IN EXCLUSIVE MODE");
                }
                return FoldWrites.during(jdbc, () -> fold(name, handlers, fold));
            });
            fold.position = Math.max(fold.position, fold.head);
            if (postgresql && !tables.isEmpty()) {
                // fresh statistics for the refilled tables: before autovacuum's, PostgreSQL estimated a
                // primary-key lookup of the log's nodes at 31 rows and planned proofs in parallel workers
                // (50 ms instead of 1 on a log of 1,000,000 leaves, bench/RESULTS.md §0)
                jdbc.execute("ANALYZE " + String.join(", ", tables));
            }
            log.info(
                    "Rebuild of read model '{}' complete: {} events, {} events/s",
                    name,
                    folded,
                    fold.eventsPerSecond());
            return folded == null ? 0 : folded;
        } finally {
            fold.done = true;
            recordings.writeLock().unlock();
        }
    }

    /** Clears the read model and feeds it every event of the store, in global order. */
    private long fold(String name, EventHandlerInvoker handlers, Fold fold) {
        handlers.performReset();
        long count = 0;
        try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents((TrackingToken) null, false)) {
            var iterator = events.iterator();
            while (iterator.hasNext()) {
                TrackedEventMessage<?> event = iterator.next();
                if (handlers.canHandle(event, Segment.ROOT_SEGMENT)) {
                    handlers.handle(event, Segment.ROOT_SEGMENT);
                }
                event.trackingToken().position().ifPresent(p -> fold.position = p);
                count++;
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Rebuilding " + name + " failed", e);
        }
        return count;
    }
}
