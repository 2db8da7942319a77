package org.ratification.ledger.api.cluster;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.ExponentialBackOffIntervalRetryScheduler;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What lets two or more nodes run on one database: the tracking processors are pooled streaming
 * processors whose segment is claimed in token_entry under this node's id, and a command that
 * loses a race for its treaty (the unique aggregate_identifier + sequence_number) is sent again.
 * The inline read models need nothing here: they commit with the event, on whichever node.
 */
@Configuration
public class ClusterConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ClusterConfiguration.class);

    @Bean
    public TokenStore tokenStore(
            ConnectionProvider connectionProvider,
            Serializer serializer,
            TokenSchema tokenSchema,
            ClusterProperties properties) {
        log.info("Event processor claims are made as node '{}'", properties.nodeId());
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .schema(tokenSchema)
                .serializer(serializer)
                .claimTimeout(properties.claimTimeout())
                .nodeId(properties.nodeId())
                .build();
    }

    /**
     * Processors not configured otherwise are pooled; every
     * pooled processor renews its claims three times per claim timeout, so that no other node
     * takes over the segments of a node that is alive but has nothing to do.
     */
    @Bean
    public ConfigurerModule pooledProcessorsByDefault(ClusterProperties properties) {
        long renewEvery = Math.max(200, properties.claimTimeout().toMillis() / 3);
        return configurer -> configurer
                .eventProcessing()
                .usingPooledStreamingEventProcessors()
                .registerPooledStreamingEventProcessorConfiguration(
                        (configuration, builder) -> builder.claimExtensionThreshold(renewEvery));
    }

    @Bean(destroyMethod = "shutdownNow")
    public ScheduledExecutorService commandRetryExecutor() {
        return Executors.newSingleThreadScheduledExecutor(new AxonThreadFactory("command-retry"));
    }

    /** Retries only a lost race; a refusal or any other failure is answered at once. */
    @Bean
    public CommandGateway commandGateway(
            CommandBus commandBus, ScheduledExecutorService commandRetryExecutor, ClusterProperties properties) {
        RetryScheduler backOff = ExponentialBackOffIntervalRetryScheduler.builder()
                .retryExecutor(commandRetryExecutor)
                .backoffFactor(properties.commandRetryInterval().toMillis())
                .maxRetryCount(properties.commandRetries())
                .nonTransientFailurePredicate(failure -> false)
                .build();
        RetryScheduler lostRacesOnly = (command, failure, failures, dispatch) ->
                lostRace(failure) && backOff.scheduleRetry(command, failure, failures, dispatch);
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(lostRacesOnly)
                .build();
    }

    static boolean lostRace(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }
}
