package org.ratification.ledger.api.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.ratification.ledger.api.operations.ProcessorErrors;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * On PostgreSQL the log's appender gathers this node's commits of one batch window into one round
 * (one lock of the head, one set of statements, one commit), instead of a round per recording.
 */
class LogTailBatchWindowTest {

    @Test
    void theCommitsOfOneWindowBecomeLeavesInOneRound() throws Exception {
        AtomicInteger rounds = new AtomicInteger();
        LogStore store = store(() -> true);
        LogAppender appender = appender(rounds, 1, () -> {});
        // long enough that five wake-ups 30 ms apart fall in one window even on a loaded machine
        LogProperties properties = properties(Duration.ofMillis(1_500));
        LogTail tail = tail(appender, store, properties);
        tail.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> rounds.get() == 1); // the start's look
            for (int commit = 0; commit < 5; commit++) {
                tail.wake(); // as after each commit on this node, 30 ms apart
                Thread.sleep(30);
            }
            assertThat(rounds.get()).as("none before the window has passed").isEqualTo(1);
            await().atMost(Duration.ofSeconds(10)).until(() -> rounds.get() > 1);
            Thread.sleep(1_700); // another window: nothing more was woken
            assertThat(rounds.get()).as("one round for the five commits").isEqualTo(2);
        } finally {
            tail.stop();
        }
    }

    @Test
    void underLoadTheNextRoundWaitsLonger() throws Exception {
        AtomicInteger rounds = new AtomicInteger();
        LogStore store = store(() -> true);
        LogAppender appender = appender(rounds, LogTail.LOADED_ROUND, () -> {}); // a loaded round each time
        LogTail tail = tail(appender, store, properties(Duration.ofMillis(300)));
        tail.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> rounds.get() == 1); // the start's look
            long woken = System.nanoTime();
            tail.wake();
            Thread.sleep(700); // more than two windows of 300 ms (a late round can only be later)
            assertThat(rounds.get())
                    .as("after a loaded round the next waits " + LogTail.LOADED_WINDOWS + " windows")
                    .isEqualTo(1);
            await().atMost(Duration.ofSeconds(10)).until(() -> rounds.get() == 2);
            assertThat(Duration.ofNanos(System.nanoTime() - woken))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(LogTail.LOADED_WINDOWS * 300L));
        } finally {
            tail.stop();
        }
    }

    @Test
    void thePollRunsNoRoundWhileOneForThisNodesCommitsIsDue() throws Exception {
        AtomicInteger rounds = new AtomicInteger();
        AtomicBoolean committed = new AtomicBoolean();
        LogStore store = store(committed::get);
        LogAppender appender = appender(rounds, 1, () -> committed.set(false));
        LogTail tail = tail(
                appender,
                store,
                new LogProperties(null, null, null, null, Duration.ofMillis(20), Duration.ofMillis(1_500), true));
        tail.start();
        try {
            Thread.sleep(100); // polls every 20 ms: nothing to append
            assertThat(rounds.get()).isZero();
            tail.wake(); // a commit on this node wakes the appender (set first: no poll slips in between)
            committed.set(true);
            Thread.sleep(700);
            assertThat(rounds.get())
                    .as("no poll's round while the window's round is due")
                    .isZero();
            await().atMost(Duration.ofSeconds(10)).until(() -> rounds.get() == 1);
            Thread.sleep(200);
            assertThat(rounds.get()).isEqualTo(1);
        } finally {
            tail.stop();
        }
    }

    @Test
    void theWindowIsBounded() {
        assertThat(properties(Duration.ZERO).batchWindow()).isZero();
        assertThat(properties(null).batchWindow()).isEqualTo(Duration.ofMillis(50));
        assertThatThrownBy(() -> properties(Duration.ofMillis(-1))).hasMessageContaining("ledger.log.batch-window");
        assertThatThrownBy(() -> properties(Duration.ofSeconds(11))).hasMessageContaining("ledger.log.batch-window");
    }

    private static LogProperties properties(Duration batchWindow) {
        // polling every 10 minutes: only the start and this node's commits run a round
        return new LogProperties(null, null, null, null, Duration.ofMinutes(10), batchWindow, true);
    }

    /** A store whose head is one leaf, with records committed after it while {@code committed} says so. */
    private static LogStore store(BooleanSupplier committed) {
        LogStore store = mock(LogStore.class);
        when(store.committedHead()).thenReturn(new LogStore.CommittedHead(1, new LogStore.LastLeaf(1L, 1L)));
        when(store.anyCommittedAfter(any())).thenAnswer(call -> committed.getAsBoolean());
        return store;
    }

    /** An appender whose every round counts itself, runs {@code then} and appends {@code appended} records. */
    private static LogAppender appender(AtomicInteger rounds, int appended, Runnable then) {
        LogAppender appender = mock(LogAppender.class);
        when(appender.appendCommitted(anyInt())).thenAnswer(call -> {
            rounds.incrementAndGet();
            then.run();
            return appended;
        });
        return appender;
    }

    private static LogTail tail(LogAppender appender, LogStore store, LogProperties properties) {
        return new LogTail(
                appender,
                store,
                properties,
                mock(ProcessorErrors.class),
                mock(PlatformTransactionManager.class),
                mock(EventStore.class));
    }
}
