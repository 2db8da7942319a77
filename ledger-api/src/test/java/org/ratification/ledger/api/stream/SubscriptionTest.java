package org.ratification.ledger.api.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One subscriber's queue: filtering, no duplicates across catch-up and live, dropping the slow. */
class SubscriptionTest {

    private final ExecutorService senders = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        senders.shutdownNow();
    }

    /** A sink that records what it is sent, and can be made to hang like a stalled client. */
    static final class RecordingSink implements Subscription.Sink {
        final List<Object> frames = new CopyOnWriteArrayList<>();
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicBoolean closed = new AtomicBoolean();
        volatile boolean stalled;

        @Override
        public void event(LiveEvent event) throws java.io.IOException {
            if (stalled) {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            frames.add(event.position());
        }

        @Override
        public void comment(String text) {
            frames.add(text);
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }

    private static LiveEvent event(long position, String treaty) {
        return new LiveEvent(
                GapAwareTrackingToken.newInstance(position, Collections.emptySet()),
                position,
                treaty,
                "SIGNATURE",
                "{}",
                "{}");
    }

    @Test
    void aSlowSubscriberIsDroppedWithoutEverBlockingTheReader() {
        RecordingSink sink = new RecordingSink();
        sink.stalled = true;
        AtomicBoolean removed = new AtomicBoolean();
        Subscription slow =
                new Subscription(null, Subscription.LIVE_ONLY, sink, 3, senders, s -> {}, () -> removed.set(true));
        slow.start();

        long started = System.nanoTime();
        for (int position = 1; position <= 50; position++) {
            slow.offer(event(position, "t"));
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        assertThat(slow.isDropped()).isTrue();

        sink.release.countDown();
        await().atMost(Duration.ofSeconds(5)).until(sink.closed::get);
        assertThat(removed).isTrue();
        assertThat(sink.frames.stream().filter(Long.class::isInstance).count())
                .as("at most the queue and the one in flight were written")
                .isLessThanOrEqualTo(4);
    }

    @Test
    void liveEventsAlreadyCoveredByTheJoinPositionOrOtherTreatiesAreNotQueued() {
        RecordingSink sink = new RecordingSink();
        List<Long> caughtUp = new CopyOnWriteArrayList<>();
        Subscription subscription = new Subscription("t", 3, sink, 100, senders, s -> caughtUp.add(-1L), () -> {});
        subscription.joinedAt(GapAwareTrackingToken.newInstance(10, java.util.Set.of(7L)));
        subscription.start();

        subscription.offer(event(7, "t")); // a gap the reader filled after the subscriber joined
        subscription.offer(event(9, "t")); // covered: the catch-up from the store sends it
        subscription.offer(event(11, "u")); // another treaty
        subscription.offer(event(12, "t"));

        await().atMost(Duration.ofSeconds(5)).until(() -> sink.frames.contains(12L));
        assertThat(sink.frames).containsExactly("connected", 7L, 12L);
        assertThat(caughtUp).containsExactly(-1L);
    }

    @Test
    void nothingIsWrittenBeforeTheSubscriptionIsStarted() throws Exception {
        RecordingSink sink = new RecordingSink();
        Subscription subscription =
                new Subscription(null, Subscription.LIVE_ONLY, sink, 10, senders, s -> {}, () -> {});

        // its response's headers are still being committed on the request's thread
        subscription.offer(event(1, "t"));
        subscription.heartbeat();
        subscription.offer(event(2, "t"));
        senders.submit(() -> {}).get(5, TimeUnit.SECONDS);
        Thread.sleep(100);
        assertThat(sink.frames).isEmpty();

        subscription.start();

        await().atMost(Duration.ofSeconds(5)).until(() -> sink.frames.contains(2L));
        assertThat(sink.frames).containsExactly("connected", 1L, "heartbeat", 2L);
    }
}
