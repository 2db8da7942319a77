package org.ratification.ledger.api.config;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The event store as the tracking processors' source (notifications, kafka-publisher), telling them
 * when events are committed. Axon's pooled processor polls a source that cannot signal every 500 ms
 * (fixed), so a notification or a Kafka message would wait up to half a second after its commit
 * (time to dashboard, bench scenario 3). This source signals right after a commit on
 * this node (and a few times in the next 30 ms, in case the store's own reader had not fetched the event yet),
 * and, for events recorded by other nodes, whenever the head of the store has moved (looked at every
 * 500 ms), so idle processors stay idle.
 *
 * <p>A source made with a batch window ({@link #SignallingEventSource(EventStore, Duration)}) signals
 * a local commit only once the window has passed since the first commit it has not yet signalled, so
 * that a processor nothing waits for (notifications) finds the commits of the window together and
 * handles them as one batch: one transaction, one token update, one set of statements, instead of one
 * of each per event.
 */
@Primary
@Component(SignallingEventSource.BEAN)
public class SignallingEventSource implements StreamableMessageSource<TrackedEventMessage<?>>, DisposableBean {

    /** The name application.yml gives as the {@code source} of the tracking processors. */
    public static final String BEAN = "signallingEventSource";

    /**
     * Signals after a local commit, in milliseconds. The store's reader fetches the committed events
     * on its own thread, usually within a few milliseconds; a processor woken before that finds
     * nothing and sleeps until the next signal, so a lone write waited for the 30 ms one (bench/
     * RESULTS.md §3). A wake-up that finds nothing costs one look at the reader's buffer.
     */
    private static final long[] LATER_SIGNALS = {2, 5, 10, 30};

    private static final Duration TICK = Duration.ofMillis(500);

    private final EventStore eventStore;
    private final long windowMillis;
    private final AtomicBoolean windowOpen = new AtomicBoolean();
    private final Set<Runnable> callbacks = ConcurrentHashMap.newKeySet();
    private volatile long lastHead = Long.MIN_VALUE;
    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
        Thread thread = new Thread(r, "event-source-signal");
        thread.setDaemon(true);
        return thread;
    });

    @Autowired
    public SignallingEventSource(EventStore eventStore) {
        this(eventStore, Duration.ZERO);
    }

    /** A source that signals a local commit {@code batchWindow} after it (all commits of the window at once). */
    public SignallingEventSource(EventStore eventStore, Duration batchWindow) {
        this.eventStore = eventStore;
        this.windowMillis = batchWindow.toMillis();
        eventStore.subscribe(events -> {
            if (CurrentUnitOfWork.isStarted()) {
                CurrentUnitOfWork.get().afterCommit(uow -> committed());
            } else {
                committed();
            }
        });
        timer.scheduleWithFixedDelay(this::signalIfHeadMoved, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Events of other nodes: one look at the head of the store, and a signal only if it moved. */
    private void signalIfHeadMoved() {
        try {
            var token = eventStore.createHeadToken();
            long head = token == null ? -1 : token.position().orElse(-1);
            if (head != lastHead) {
                lastHead = head;
                signal();
            }
        } catch (RuntimeException e) {
            signal(); // the store could not be asked: let the processors look for themselves
        }
    }

    /**
     * A commit on this node. With no stream open on this source (the kafka-publisher's, when Kafka is
     * not configured) there is no one to tell, and nothing is scheduled: the five wake-ups of the timer
     * thread per recording were a third of a recording's context switches on a 2-core machine (bench/
     * RESULTS.md §0pb). A stream opened later reads what is there when it starts.
     */
    private void committed() {
        if (callbacks.isEmpty()) {
            return;
        }
        if (windowMillis <= 0) {
            signalNowAndLater();
        } else if (windowOpen.compareAndSet(false, true)) {
            timer.schedule(
                    () -> {
                        windowOpen.set(false);
                        signalNowAndLater();
                    },
                    windowMillis,
                    TimeUnit.MILLISECONDS);
        }
    }

    private void signalNowAndLater() {
        signal();
        for (long later : LATER_SIGNALS) {
            timer.schedule(this::signal, later, TimeUnit.MILLISECONDS);
        }
    }

    private void signal() {
        callbacks.forEach(Runnable::run);
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new SignalledStream(eventStore.openStream(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return eventStore.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return eventStore.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return eventStore.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return eventStore.createTokenSince(duration);
    }

    /** Tasks waiting on the timer thread (the periodic look at the head is one); for tests. */
    int scheduledTasks() {
        return timer.getQueue().size();
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
        callbacks.clear();
    }

    /** The store's stream, with the one thing it lacks: a callback when events are available. */
    private final class SignalledStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> delegate;
        private volatile Runnable callback;

        SignalledStream(BlockingStream<TrackedEventMessage<?>> delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            Runnable previous = this.callback;
            if (previous != null) {
                callbacks.remove(previous);
            }
            this.callback = callback;
            callbacks.add(callback);
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public boolean hasNextAvailable() {
            return delegate.hasNextAvailable();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            Runnable current = callback;
            if (current != null) {
                callbacks.remove(current);
            }
            delegate.close();
        }
    }
}
