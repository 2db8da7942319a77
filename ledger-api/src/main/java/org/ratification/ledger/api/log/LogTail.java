package org.ratification.ledger.api.log;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.ratification.ledger.api.operations.ProcessorErrors;
import org.ratification.ledger.api.operations.TrailingReadModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends the committed records to the log after their commits (one appender per node): a recording
 * takes no lock of the log and writes none of its rows, so recordings are not serialised on the log.
 * Each round is one transaction: it locks {@code log_head}, appends up to {@value #BATCH} records that
 * follow the last leaf in leaf order and lie below the horizon of transactions in progress ({@link
 * LogAppender#appendCommitted}), moves the head, signs its checkpoint ({@link
 * LogCheckpoints#signInTransaction}) and commits; a round that appended as many goes on at once. A
 * round runs {@code ledger.log.batch-window} (50 ms) after a commit on this node, for all the commits
 * of the window together ({@value #LOADED_WINDOWS} windows after a round of {@value #LOADED_ROUND}
 * records or more), and every {@code ledger.log.poll-interval}, unless a round is due, for other nodes' records
 * (PostgreSQL) and for records a round held back (H2: a recording still in progress after {@link
 * LogAppender#HORIZON_WAIT}); two nodes take turns on {@code log_head} and check the frontier against it. How far the
 * log is behind and whether the appender fails is processor health's ({@link TrailingReadModel}).
 */
@Component
@ConditionalOnProperty(name = LogProperties.ENABLED, havingValue = "true", matchIfMissing = true)
public class LogTail implements SmartLifecycle, TrailingReadModel {

    private static final Logger log = LoggerFactory.getLogger(LogTail.class);

    /** Records appended in one transaction at most. */
    static final int BATCH = 500;

    /**
     * A round that appended at least this many records finds the node under load: the next round waits
     * {@value #LOADED_WINDOWS} batch windows instead of one (bench/RESULTS.md §0pa).
     */
    static final int LOADED_ROUND = 8;

    /** How many batch windows the round after a loaded one waits. */
    static final int LOADED_WINDOWS = 4;

    /** Records not yet leaves counted at most for health (a bounded count). */
    private static final int BACKLOG_COUNTED = 100_000;

    private final LogAppender appender;
    private final LogStore store;
    private final LogProperties properties;
    private final ProcessorErrors errors;
    private final TransactionTemplate transaction;
    private final AtomicBoolean woken = new AtomicBoolean();
    private volatile ScheduledExecutorService executor;
    private volatile boolean failing;

    /** How many records the last round appended (the last of a run of full batches: fewer than a batch). */
    private volatile int lastAppended;

    public LogTail(
            LogAppender appender,
            LogStore store,
            LogProperties properties,
            ProcessorErrors errors,
            PlatformTransactionManager transactions,
            EventStore eventStore) {
        this.appender = appender;
        this.store = store;
        this.properties = properties;
        this.errors = errors;
        this.transaction = new TransactionTemplate(transactions);
        eventStore.subscribe(events -> {
            if (CurrentUnitOfWork.isStarted()) {
                CurrentUnitOfWork.get().afterCommit(u -> wake());
            } else {
                wake();
            }
        });
    }

    /**
     * Runs a round when the batch window has passed (one at a time: the commits of the window join
     * it, and a wake-up during a round runs one more after it). After a round that appended {@value
     * #LOADED_ROUND} records or more the window is {@value #LOADED_WINDOWS} times as long: under load
     * each round's fixed cost (the lock, a signature, a commit that H2 writes to its file) is shared by
     * more records, and a record becomes a leaf a little later.
     */
    void wake() {
        ScheduledExecutorService running = executor;
        if (running != null && woken.compareAndSet(false, true)) {
            long window = properties.batchWindow().toMillis();
            try {
                running.schedule(
                        this::afterLocalCommits,
                        lastAppended >= LOADED_ROUND ? LOADED_WINDOWS * window : window,
                        TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // stopping
            }
        }
    }

    /** After local commits: their records at least are there to append. */
    private void afterLocalCommits() {
        woken.set(false);
        rounds(true);
    }

    /**
     * The poll, for other nodes' records: a round only if there is something to append, and none while
     * a round for this node's commits is due (it appends every committed record below the horizon,
     * other nodes' too).
     */
    private void polled() {
        if (!woken.get()) {
            rounds(false);
        }
    }

    /** Appends until a round finds fewer than a batch of records; notes a failure for health. */
    private void rounds(boolean committedHere) {
        try {
            // nothing to append after the committed head (read without the lock: a head moved since
            // only has fewer records after it): no transaction, no lock
            if (!committedHere && !store.anyCommittedAfter(store.committedHead().last())) {
                failing = false;
                return;
            }
            Integer appended;
            do {
                appended = transaction.execute(status -> appender.appendCommitted(BATCH));
            } while (appended != null && appended == BATCH && executor != null);
            lastAppended = appended == null ? 0 : appended;
            failing = false;
        } catch (RuntimeException e) {
            if (executor == null || Thread.currentThread().isInterrupted()) {
                log.info("The log's appender was interrupted (stopping)");
                return;
            }
            if (!failing) {
                log.error("The log could not append the committed records; it tries again shortly", e);
            }
            failing = true;
            errors.note(LogProjection.NAME, String.valueOf(e));
        }
    }

    @Override
    public String processor() {
        return LogProjection.NAME;
    }

    @Override
    public Progress progress() {
        LogStore.Backlog backlog = store.backlog(BACKLOG_COUNTED);
        return new Progress(backlog.size(), backlog.size() + backlog.pending());
    }

    @Override
    public boolean failing() {
        return failing;
    }

    @Override
    public void start() {
        ScheduledThreadPoolExecutor started = new ScheduledThreadPoolExecutor(1, new AxonThreadFactory("log-appender"));
        started.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        long every = properties.pollInterval().toMillis();
        started.scheduleWithFixedDelay(this::polled, 0, every, TimeUnit.MILLISECONDS);
        executor = started;
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running != null) {
            running.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
