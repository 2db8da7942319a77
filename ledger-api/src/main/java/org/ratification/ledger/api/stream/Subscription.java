package org.ratification.ledger.api.stream;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subscriber: a bounded queue that the single reader of the store fills without ever waiting,
 * drained by one sender thread at a time from a pool that never makes a drain wait behind another
 * subscriber's (a subscriber whose socket does not read blocks only its own drain). A subscriber
 * whose queue is full is dropped; it reconnects with the id of the last event it received and
 * catches up from the store.
 *
 * <p>A reconnecting subscriber first receives, from the store, the events after its last id that
 * the reader had already passed when the subscriber joined ({@link #passedWhenJoined}), then
 * the live events the reader dispatched since (which that position does not cover): the two sets
 * are disjoint and together complete, so nothing is missed or sent twice.
 */
final class Subscription {

    /** Where a subscriber's frames go: an SSE response, or a list in tests. */
    interface Sink {
        void event(LiveEvent event) throws IOException;

        void comment(String text) throws IOException;

        /** Ends the response; called once, from a sender thread. */
        void close();
    }

    /** Reads from the store the events a reconnecting subscriber missed and sends them first. */
    interface CatchUp {
        void replay(Subscription subscription) throws IOException;
    }

    /** {@link #after} when the subscriber asked for live events only. */
    static final long LIVE_ONLY = Long.MIN_VALUE;

    private static final Logger log = LoggerFactory.getLogger(Subscription.class);

    private static final Object HEARTBEAT = new Object();

    private final String treatyId;
    private final long after;

    /** For a live-only subscriber: the head of the store when it subscribed; it wants what comes after. */
    private volatile long liveFrom = Long.MIN_VALUE;

    private final Sink sink;
    private final BlockingQueue<Object> queue;
    private final Executor senders;
    private final CatchUp catchUp;
    private final Runnable onEnd;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile TrackingToken joinedAt;
    private volatile boolean dropped;
    /** Set by {@link #start}: nothing is written to the sink before (see {@link LiveEvents#subscribe}). */
    private volatile boolean opened;

    private boolean started;

    Subscription(
            String treatyId, long after, Sink sink, int capacity, Executor senders, CatchUp catchUp, Runnable onEnd) {
        this.treatyId = treatyId;
        this.after = after;
        this.sink = sink;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.senders = senders;
        this.catchUp = catchUp;
        this.onEnd = onEnd;
    }

    /** Called by the reader, under its lock, when the subscription joins at the reader's position. */
    void joinedAt(TrackingToken position) {
        this.joinedAt = position;
    }

    TrackingToken joinedAt() {
        return joinedAt;
    }

    /**
     * Whether the reader had already dispatched the event at this position when the subscriber
     * joined: below the reader's position and not one of the gaps it was still waiting for. Those
     * events come from the store while catching up; all others come live.
     */
    boolean passedWhenJoined(long position) {
        TrackingToken joined = joinedAt;
        if (joined == null) {
            return false;
        }
        if (joined instanceof GapAwareTrackingToken gapAware) {
            return position <= gapAware.getIndex() && !gapAware.getGaps().contains(position);
        }
        return position <= joined.position().orElse(-1);
    }

    long after() {
        return after;
    }

    boolean resumes() {
        return after != LIVE_ONLY;
    }

    boolean isEnded() {
        return ended.get();
    }

    boolean isDropped() {
        return dropped;
    }

    /** Whether the subscriber wants this event, whichever way (store or live) it comes. */
    boolean wants(LiveEvent event) {
        return (treatyId == null || treatyId.equals(event.treatyId()))
                && (!resumes() || event.position() > after)
                && event.position() > liveFrom;
    }

    void liveFrom(long head) {
        this.liveFrom = head;
    }

    /** Called by the reader for each live event; never blocks. */
    void offer(LiveEvent event) {
        if (ended.get() || dropped || !wants(event)) {
            return;
        }
        if (passedWhenJoined(event.position())) {
            return;
        }
        if (!queue.offer(event)) {
            dropped = true;
        }
        schedule();
    }

    /** Called periodically; a full queue needs no heartbeat. */
    void heartbeat() {
        if (!ended.get() && queue.offer(HEARTBEAT)) {
            schedule();
        }
    }

    /** Sends one event straight to the sink: used while catching up, on the sender thread. */
    void send(LiveEvent event) throws IOException {
        sink.event(event);
    }

    /**
     * Starts the first drain, which greets the subscriber and catches up if asked to. Until then,
     * live events and heartbeats only queue: the caller commits its response first, on its own
     * thread, so that no sender thread writes to a response whose headers are still being set.
     */
    void start() {
        opened = true;
        schedule();
    }

    /** The subscriber went away (completion, timeout or error of its response). */
    void cancel() {
        if (ended.compareAndSet(false, true)) {
            queue.clear();
            onEnd.run();
        }
    }

    /** The service is stopping: ends the response at once, so that shutdown need not wait for it. */
    void shutdown() {
        end();
    }

    private void schedule() {
        if (opened && !ended.get() && scheduled.compareAndSet(false, true)) {
            try {
                senders.execute(this::drain);
            } catch (RejectedExecutionException e) {
                // no writer thread left (the service is stopping, or the cap was raced past)
                scheduled.set(false);
                end();
            }
        }
    }

    private void drain() {
        try {
            if (!started) {
                started = true;
                sink.comment("connected");
                if (resumes()) {
                    catchUp.replay(this);
                }
            }
            Object item;
            while (!ended.get() && !dropped && (item = queue.poll()) != null) {
                if (item == HEARTBEAT) {
                    sink.comment("heartbeat");
                } else {
                    sink.event((LiveEvent) item);
                }
            }
            if (dropped) {
                end();
            }
        } catch (IOException | RuntimeException e) {
            end();
        } finally {
            scheduled.set(false);
        }
        if (!ended.get() && (dropped || !queue.isEmpty())) {
            schedule();
        }
    }

    private void end() {
        if (ended.compareAndSet(false, true)) {
            queue.clear();
            onEnd.run();
            try {
                sink.close();
            } catch (RuntimeException e) {
                // the response is gone either way; a sender thread must not die of it unseen
                log.warn("Ending a subscriber's response failed", e);
            }
        }
    }
}
