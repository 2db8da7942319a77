package org.ratification.ledger.api.stream;

import java.io.IOException;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The one reader of the event store that every SSE subscriber shares. It tails the store from the
 * head it finds at start, builds each event's envelope once and offers it to every subscription's
 * bounded queue (the status read model committed with the event, so a dashboard re-fetching on it
 * sees it); it never waits for a subscriber, so many or slow subscribers never
 * slow recording (recording never waits for this reader at all).
 *
 * <p>A slow or stuck subscriber only ever hurts itself: each subscriber is written to by a thread of
 * its own while it has frames waiting (threads are pooled, at most one per subscriber), so a socket
 * that does not read blocks that one thread until the server's write timeout ends the subscription;
 * its queue is bounded (a subscriber that falls too far behind is dropped); the number of
 * subscribers and of anonymous subscribers catching up from the store at once are capped.
 */
@Component
public class LiveEvents implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveEvents.class);

    /** Threads beyond one per subscriber, for drains of subscribers that are just ending. */
    private static final int SPARE_SENDERS = 16;

    private static final long SHUTDOWN_WAIT_MILLIS = 2_000;

    /** A subscription refused because a cap is reached; answered with {@code status} and {@code code}. */
    public static final class Refused extends RuntimeException {
        private final int status;
        private final String code;

        Refused(int status, String code, String message) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
        }

        public int status() {
            return status;
        }

        public String code() {
            return code;
        }
    }

    private final EventStore eventStore;
    private final EventEnvelopes envelopes;
    private final StreamProperties properties;
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final Object dispatchLock = new Object();
    private final AtomicInteger anonymousReplays = new AtomicInteger();
    private final ExecutorService senders;
    private final ScheduledExecutorService heartbeats;
    private volatile TrackingToken position;
    private volatile boolean running;
    private Thread reader;

    public LiveEvents(EventStore eventStore, EventEnvelopes envelopes, StreamProperties properties) {
        this.eventStore = eventStore;
        this.envelopes = envelopes;
        this.properties = properties;
        // a hand-off queue: each drain gets a thread at once, never waits behind a blocked one
        this.senders = new ThreadPoolExecutor(
                Math.min(properties.senderThreads(), properties.maxSubscribers()),
                properties.maxSubscribers() + SPARE_SENDERS,
                60,
                TimeUnit.SECONDS,
                new SynchronousQueue<>(),
                daemon("sse-sender-"));
        this.heartbeats = Executors.newSingleThreadScheduledExecutor(daemon("sse-heartbeat-"));
    }

    /**
     * Subscribes to the events of one treaty ({@code null}: all), live only or, with {@code after}
     * set, resuming after that global position; an {@code anonymous} subscriber that resumes takes
     * one of the few anonymous replay places until it has caught up.
     *
     * <p>The subscription queues what it is offered but writes nothing until the caller {@link
     * Subscription#start starts} it (once its response is committed), or {@link Subscription#cancel
     * cancels} it.
     *
     * @throws Refused if too many subscribers are connected, or too many anonymous ones replay
     */
    public Subscription subscribe(String treatyId, long after, Subscription.Sink sink, boolean anonymous) {
        if (subscribers() >= properties.maxSubscribers()) {
            throw new Refused(
                    503,
                    "TOO_MANY_SUBSCRIBERS",
                    "The event stream has as many subscribers as it serves at once; try again shortly.");
        }
        Subscription.CatchUp catchUp = this::catchUp;
        Runnable release = () -> {};
        if (anonymous && after != Subscription.LIVE_ONLY) {
            if (anonymousReplays.incrementAndGet() > properties.maxAnonymousReplays()) {
                anonymousReplays.decrementAndGet();
                throw new Refused(
                        429,
                        "TOO_MANY_REPLAYS",
                        "Too many subscribers without credentials are catching up from the store now;"
                                + " try again shortly, or subscribe live (without lastEventId).");
            }
            AtomicBoolean released = new AtomicBoolean();
            Runnable releaseOnce = () -> {
                if (released.compareAndSet(false, true)) {
                    anonymousReplays.decrementAndGet();
                }
            };
            release = releaseOnce;
            catchUp = s -> {
                try {
                    catchUp(s);
                } finally {
                    releaseOnce.run();
                }
            };
        }
        Runnable releaseOnEnd = release;
        Subscription subscription =
                new Subscription(treatyId, after, sink, properties.subscriberQueue(), senders, catchUp, () -> {
                    releaseOnEnd.run();
                    subscriptions.removeIf(Subscription::isEnded);
                });
        if (after == Subscription.LIVE_ONLY) {
            // live means recorded from now on, not what this reader has yet to pass
            subscription.liveFrom(EventEnvelopes.position(eventStore.createHeadToken()));
        }
        synchronized (dispatchLock) {
            subscription.joinedAt(position);
            subscriptions.add(subscription);
        }
        return subscription;
    }

    /** How many subscribers are connected now. */
    public int subscribers() {
        return (int) subscriptions.stream().filter(s -> !s.isEnded()).count();
    }

    /**
     * Sends a reconnecting subscriber, from the store, the events after its last id that this reader
     * had passed when it joined. Runs on a sender thread before any live event of that subscriber.
     */
    private void catchUp(Subscription subscription) throws IOException {
        TrackingToken joinedAt = subscription.joinedAt();
        long target = EventEnvelopes.position(joinedAt);
        if (joinedAt == null || target <= subscription.after()) {
            return;
        }
        long start = Math.max(subscription.after(), -1);
        Instant deadline = Instant.now().plus(properties.catchUpTimeout());
        try (BlockingStream<TrackedEventMessage<?>> stream =
                eventStore.openStream(GapAwareTrackingToken.newInstance(start, Collections.emptySet()))) {
            while (true) {
                long wait = Math.max(1, deadline.toEpochMilli() - System.currentTimeMillis());
                if (!stream.hasNextAvailable((int) Math.min(wait, Integer.MAX_VALUE), TimeUnit.MILLISECONDS)) {
                    throw new IOException("The store did not deliver the missed events in time");
                }
                TrackedEventMessage<?> message = stream.nextAvailable();
                long at = EventEnvelopes.position(message.trackingToken());
                if (subscription.passedWhenJoined(at)) {
                    LiveEvent event = live(message);
                    if (event != null && subscription.wants(event)) {
                        subscription.send(event);
                    }
                }
                if (at >= target) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while catching up", e);
        }
    }

    private void read() {
        while (running) {
            try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(position)) {
                while (running) {
                    if (stream.hasNextAvailable(1, TimeUnit.SECONDS)) {
                        dispatch(stream.nextAvailable());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Reading the event store for subscribers failed; retrying in a second", e);
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void dispatch(TrackedEventMessage<?> message) {
        LiveEvent event = live(message);
        synchronized (dispatchLock) {
            position = message.trackingToken();
            if (event != null) {
                for (Subscription subscription : subscriptions) {
                    subscription.offer(event);
                }
            }
        }
        subscriptions.removeIf(s -> s.isDropped() || s.isEnded());
    }

    private LiveEvent live(TrackedEventMessage<?> message) {
        try {
            EventEnvelope envelope = envelopes.envelope(message);
            return new LiveEvent(
                    message.trackingToken(),
                    envelope.globalPosition(),
                    envelope.treatyId(),
                    envelope.type(),
                    envelopes.toJson(envelope),
                    envelopes.toPublicJson(envelope));
        } catch (RuntimeException e) {
            log.warn("Event {} cannot be sent to subscribers and is skipped", message.getIdentifier(), e);
            return null;
        }
    }

    private void beat() {
        for (Subscription subscription : subscriptions) {
            subscription.heartbeat();
        }
    }

    @Override
    public void start() {
        position = eventStore.createHeadToken();
        running = true;
        reader = new Thread(this::read, "sse-event-reader");
        reader.setDaemon(true);
        reader.start();
        long every = properties.heartbeat().toMillis();
        heartbeats.scheduleAtFixedRate(this::beat, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        if (reader != null) {
            reader.interrupt();
        }
        heartbeats.shutdownNow();
        senders.shutdownNow();
        // ending a response waits for a write in progress; one stuck subscriber must not hold the
        // shutdown, so they are ended from a thread of their own, waited for a short while
        Thread closer = new Thread(() -> subscriptions.forEach(Subscription::shutdown), "sse-shutdown");
        closer.setDaemon(true);
        closer.start();
        try {
            closer.join(SHUTDOWN_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private static java.util.concurrent.ThreadFactory daemon(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
