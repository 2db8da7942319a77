package org.ratification.ledger.api.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Clock;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.Registration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.ratification.ledger.api.operations.ProcessorErrors;
import org.ratification.ledger.api.storage.CaffeineCache;
import org.ratification.ledger.api.storage.EventStoreProperties;
import org.ratification.ledger.core.treaty.StoreCheckedCache;
import org.ratification.ledger.core.treaty.TreatyAggregate;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Axon without Axon Server: the JDBC storage engine on the application's DataSource, with
 * snake_case tables created by Flyway; Jackson for events, messages, tokens and snapshots, with a
 * mapper of its own so that the REST layer's strictness never affects stored events.
 */
@Configuration
public class AxonConfiguration {

    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    public EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    public TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("time_stamp")
                .setOwnerColumn("owner")
                .build();
    }

    /** The mapper of stored messages: ISO dates, tolerant of fields that later revisions add. */
    public static ObjectMapper storageObjectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Bean
    @Primary
    @Qualifier("serializer")
    public Serializer serializer() {
        return JacksonSerializer.builder().objectMapper(storageObjectMapper()).build();
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer(Serializer serializer) {
        return serializer;
    }

    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer(Serializer serializer) {
        return serializer;
    }

    /**
     * A read model that fails on an event must not skip it: the error propagates, the processor
     * releases the segment and retries with back-off, so a read model never silently misses a record.
     */
    @Bean
    public ConfigurerModule propagateHandlerErrors(ProcessorErrors errors) {
        return configurer -> configurer
                .eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())
                .registerDefaultErrorHandler(c -> errors);
    }

    /**
     * The Treaty aggregate, snapshotted every {@code ledger.event-store.snapshot-threshold} events,
     * and cached ({@code ledger.event-store.cached-treaties}): a cached treaty is used without reading
     * the store first, and its decisions are the store's all the same ({@link StoreCheckedCache}): an
     * accepted command's insert is refused by the stream's unique sequence if another node recorded on
     * the treaty since (a lost race, sent again), and a refused one is checked against the store's last
     * sequence of the stream ({@link #refusalsOnStoreState}); otherwise a treaty is loaded from its latest
     * snapshot and the events after it (at most threshold - 1).
     */
    @Bean
    public ConfigurerModule treatyAggregateModule(EventStoreProperties eventStore, JdbcTemplate jdbc) {
        var treaty = TreatyAggregate.configurer()
                .configureSnapshotTrigger(
                        c -> new EventCountSnapshotTriggerDefinition(c.snapshotter(), eventStore.snapshotThreshold()));
        if (eventStore.cachedTreaties() > 0) {
            treaty.configureCache(c -> new StoreCheckedCache(
                    new CaffeineCache(eventStore.cachedTreaties()),
                    // not MAX(sequence_number): H2 reads the whole stream's index for it (10,000 rows for a
                    // treaty of 10,000 events, at every command); this range starts at the version
                    (treatyId, version) -> Long.valueOf(1)
                            .equals(jdbc.queryForObject(
                                    "SELECT COUNT(*) FROM domain_event_entry"
                                            + " WHERE aggregate_identifier = ? AND sequence_number >= ?",
                                    Long.class,
                                    treatyId,
                                    version)),
                    c));
        }
        return configurer -> configurer.configureAggregate(treaty);
    }

    /**
     * A command refused on a cached treaty is answered only if the store's stream still ends where the
     * cached treaty does; otherwise it is decided again on the store's state ({@link StoreCheckedCache}).
     */
    @Bean
    public Registration refusalsOnStoreState(CommandBus commandBus) {
        return commandBus.registerHandlerInterceptor(StoreCheckedCache.refusalsOnStoreState());
    }
}
