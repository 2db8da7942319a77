package org.ratification.ledger.api.log;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.axonframework.commandhandling.CommandBus;

/**
 * The horizon of the log on H2: which recordings of this node have a transaction in progress. H2 is
 * embedded (one process holds the store's file), so every recording is one of this JVM's commands, and
 * each takes a ticket just before its events are inserted (the unit of work's prepare-commit, before
 * the event store's own) and returns it once its transaction has ended, committed or rolled back.
 *
 * <p>A record whose global index is at most the largest committed one read at some moment, and which is
 * not committed yet, was inserted by a transaction that held a ticket then: its index was drawn before
 * that largest one was, and its ticket before its insert. So once every ticket held after that read
 * has been returned ({@link #awaitThoseOpenNow}), the records up to that index are all the records up
 * to it there will ever be, in global order; an index left unused by a rolled-back insert stays a gap.
 * PostgreSQL needs none of this: its transaction ids give the horizon ({@link LogStore#committedAfter}).
 */
final class OpenRecordings {

    private final AtomicLong tickets = new AtomicLong();
    private final ConcurrentSkipListSet<Long> open = new ConcurrentSkipListSet<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition ended = lock.newCondition();

    /** Takes a ticket for every command's transaction from just before its events are inserted to its end. */
    OpenRecordings(CommandBus commandBus) {
        commandBus.registerHandlerInterceptor((unitOfWork, chain) -> {
            long[] ticket = {0};
            // registered before the command runs, so it runs before the event store's own prepare-commit
            // handler (registered when the first event is applied), which inserts the events
            unitOfWork.onPrepareCommit(u -> ticket[0] = begin());
            unitOfWork.onCleanup(u -> end(ticket[0]));
            return chain.proceed();
        });
    }

    /**
     * Whether an H2 URL keeps the store in this process alone, which the horizon needs: not a server's
     * ({@code tcp:}, {@code ssl:}), and not shared through {@code AUTO_SERVER=TRUE} with other processes,
     * whose recordings this JVM would not see.
     */
    static boolean embeddedAlone(String url) {
        String lower = url.toLowerCase(Locale.ROOT).replace(" ", "");
        return lower.startsWith("jdbc:h2:")
                && !lower.startsWith("jdbc:h2:tcp:")
                && !lower.startsWith("jdbc:h2:ssl:")
                && !lower.contains(";auto_server=true");
    }

    /** A ticket for a transaction about to insert records. */
    long begin() {
        long ticket = tickets.incrementAndGet();
        open.add(ticket);
        return ticket;
    }

    /** Returns a ticket (0: none was taken) once its transaction has ended. */
    void end(long ticket) {
        if (ticket != 0 && open.remove(ticket)) {
            lock.lock();
            try {
                ended.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * Waits until every transaction that holds a ticket now has ended; false if one is still in
     * progress after {@code atMost}.
     */
    boolean awaitThoseOpenNow(Duration atMost) {
        long last = tickets.get();
        long deadline = System.nanoTime() + atMost.toNanos();
        lock.lock();
        try {
            while (!open.isEmpty() && open.first() <= last) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                ended.awaitNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(10)));
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for recordings in progress", e);
        } finally {
            lock.unlock();
        }
    }
}
