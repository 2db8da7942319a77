package org.ratification.ledger.api.config;

import java.time.Duration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The source of the tracking processor {@code notifications} (application.yml): the event store as
 * {@link SignallingEventSource} offers it, woken {@code ledger.notifications.batch-window} after a
 * local commit rather than at once. Nothing waits for a notification, so under load the processor
 * handles the commits of a window as one batch (one transaction and one token update, the
 * projection's statements sent as JDBC batches), which costs far less CPU per event than one
 * transaction per commit (bench/RESULTS.md).
 */
@Configuration(proxyBeanMethods = false)
public class NotificationsProcessorConfiguration {

    /** The name application.yml gives as the {@code source} of the processor {@code notifications}. */
    public static final String SOURCE = "notificationsEventSource";

    /**
     * Settings of the notifications processor.
     *
     * @param batchWindow how long after a local commit the processor is woken (zero: at once)
     */
    @ConfigurationProperties("ledger.notifications")
    public record NotificationsProcessorProperties(@DefaultValue("100ms") Duration batchWindow) {}

    @Bean(SOURCE)
    SignallingEventSource notificationsEventSource(EventStore eventStore, NotificationsProcessorProperties properties) {
        return new SignallingEventSource(eventStore, properties.batchWindow());
    }
}
