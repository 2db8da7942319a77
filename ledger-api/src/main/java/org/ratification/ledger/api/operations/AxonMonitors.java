package org.ratification.ledger.api.operations;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.micrometer.reservoir.SlidingTimeWindowReservoir;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitorCallback;
import org.axonframework.queryhandling.QueryMessage;

/**
 * Axon's monitors (axon-micrometer) for the command bus, the query bus and each event processor, as
 * {@link GlobalMetricRegistry} builds them, but with the gauges registered once per component and
 * tag set. Axon's {@code CapacityMonitor} and {@code EventProcessorLatencyMonitor} register their gauge
 * again with every message, which Micrometer answers with a WARN ("This Gauge has been already
 * registered (MeterId{name='commandBus.capacity'…})", then the same at DEBUG) and a lookup on every
 * command and event. The gauges mean the same: {@code <name>.capacity} the share of the last 10 seconds
 * the component spent handling messages of that type (1 = one thread busy all the time, on Axon's
 * {@code SlidingTimeWindowReservoir}), {@code eventProcessor.latency} the milliseconds between the last
 * event's timestamp and its handling. Timers and counters are Axon's own.
 */
class AxonMonitors extends GlobalMetricRegistry {

    AxonMonitors(MeterRegistry registry) {
        super(registry);
    }

    @Override
    public MessageMonitor<? super CommandMessage<?>> registerCommandBus(
            String name, Function<Message<?>, Iterable<Tag>> tags) {
        return handlers(name, tags);
    }

    @Override
    public MessageMonitor<? super QueryMessage<?, ?>> registerQueryBus(
            String name, Function<Message<?>, Iterable<Tag>> tags) {
        return handlers(name, tags);
    }

    @Override
    public MessageMonitor<? super EventMessage<?>> registerEventProcessor(
            String name, Function<Message<?>, Iterable<Tag>> tags, Function<Message<?>, Iterable<Tag>> latencyTags) {
        MeterRegistry registry = getRegistry();
        return new MultiMessageMonitor<>(List.of(
                MessageTimerMonitor.buildMonitor(name, registry, tags),
                new Latency(name, registry, latencyTags),
                new Capacity(name, registry, tags),
                MessageCountingMonitor.buildMonitor(name, registry, tags)));
    }

    private MessageMonitor<Message<?>> handlers(String name, Function<Message<?>, Iterable<Tag>> tags) {
        MeterRegistry registry = getRegistry();
        return new MultiMessageMonitor<>(List.of(
                MessageTimerMonitor.buildMonitor(name, registry, tags),
                new Capacity(name, registry, tags),
                MessageCountingMonitor.buildMonitor(name, registry, tags)));
    }

    /** {@code <name>.capacity}: handling time within a sliding window of 10 seconds, per tag set. */
    static final class Capacity implements MessageMonitor<Message<?>> {

        private static final long WINDOW_SECONDS = 10;

        private final String name;
        private final MeterRegistry registry;
        private final Function<Message<?>, Iterable<Tag>> tags;
        private final Clock clock;
        private final Map<Tags, SlidingTimeWindowReservoir> windows = new ConcurrentHashMap<>();

        Capacity(String name, MeterRegistry registry, Function<Message<?>, Iterable<Tag>> tags) {
            this.name = name;
            this.registry = registry;
            this.tags = tags;
            this.clock = registry.config().clock();
        }

        @Override
        public MonitorCallback onMessageIngested(Message<?> message) {
            SlidingTimeWindowReservoir window = windows.computeIfAbsent(Tags.of(tags.apply(message)), this::register);
            long start = clock.monotonicTime();
            return new MonitorCallback() {
                @Override
                public void reportSuccess() {
                    window.update(clock.monotonicTime() - start);
                }

                @Override
                public void reportFailure(Throwable cause) {
                    window.update(clock.monotonicTime() - start);
                }

                @Override
                public void reportIgnored() {
                    window.update(clock.monotonicTime() - start);
                }
            };
        }

        /** The window of one tag set and its gauge, registered here only, once. */
        private SlidingTimeWindowReservoir register(Tags tagged) {
            SlidingTimeWindowReservoir window = new SlidingTimeWindowReservoir(WINDOW_SECONDS, TimeUnit.SECONDS, clock);
            Gauge.builder(name + ".capacity", window, Capacity::busy)
                    .tags(tagged)
                    .register(registry);
            return window;
        }

        private static double busy(SlidingTimeWindowReservoir window) {
            long nanos =
                    window.getMeasurements().stream().mapToLong(Long::longValue).sum();
            return nanos / (double) TimeUnit.SECONDS.toNanos(WINDOW_SECONDS);
        }
    }

    /** {@code <name>.latency}: milliseconds from the last event's timestamp to its ingestion, per tag set. */
    static final class Latency implements MessageMonitor<EventMessage<?>> {

        private final String name;
        private final MeterRegistry registry;
        private final Function<Message<?>, Iterable<Tag>> tags;
        private final Clock clock;
        private final Map<Tags, AtomicLong> latest = new ConcurrentHashMap<>();

        Latency(String name, MeterRegistry registry, Function<Message<?>, Iterable<Tag>> tags) {
            this.name = name;
            this.registry = registry;
            this.tags = tags;
            this.clock = registry.config().clock();
        }

        @Override
        public MonitorCallback onMessageIngested(EventMessage<?> message) {
            latest.computeIfAbsent(Tags.of(tags.apply(message)), this::register)
                    .set(clock.wallTime() - message.getTimestamp().toEpochMilli());
            return NoOpMessageMonitorCallback.INSTANCE;
        }

        /** The value of one tag set and its gauge, registered here only, once. */
        private AtomicLong register(Tags tagged) {
            AtomicLong millis = new AtomicLong();
            Gauge.builder(name + ".latency", millis::get).tags(tagged).register(registry);
            return millis;
        }
    }
}
