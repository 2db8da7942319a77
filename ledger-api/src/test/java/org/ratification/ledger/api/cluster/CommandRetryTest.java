package org.ratification.ledger.api.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ratification.ledger.api.storage.EventStoreConfiguration;
import org.ratification.ledger.core.rules.RejectedException;
import org.ratification.ledger.core.rules.Rejection;

/** A command that lost a race for its treaty is sent again; a refusal is answered at once. */
class CommandRetryTest {

    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor();
    private final SimpleCommandBus bus = SimpleCommandBus.builder().build();
    private final CommandGateway gateway = new ClusterConfiguration()
            .commandGateway(
                    bus, retries, new ClusterProperties("node", Duration.ofSeconds(10), 3, Duration.ofMillis(1)));
    private final AtomicInteger attempts = new AtomicInteger();

    @AfterEach
    void stop() {
        retries.shutdownNow();
    }

    @Test
    void aLostRaceIsRetriedUntilTheCommandGoesThrough() {
        bus.subscribe(String.class.getName(), message -> {
            if (attempts.incrementAndGet() < 3) {
                throw new ConcurrencyException("another node wrote sequence 7 first");
            }
            return "recorded";
        });
        assertThat((String) gateway.sendAndWait("sign")).isEqualTo("recorded");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void aRaceLostMoreOftenThanTheRetriesAllowIsAConcurrencyException() {
        bus.subscribe(String.class.getName(), message -> {
            attempts.incrementAndGet();
            throw new ConcurrencyException("lost again");
        });
        assertThatThrownBy(() -> gateway.sendAndWait("sign")).isInstanceOf(ConcurrencyException.class);
        assertThat(attempts).hasValue(4);
    }

    @Test
    void aRefusalIsNotRetried() {
        bus.subscribe(String.class.getName(), message -> {
            attempts.incrementAndGet();
            throw Rejection.conflict("ALREADY_SIGNED", "France already signed.").exception();
        });
        assertThatThrownBy(() -> gateway.sendAndWait("sign")).isInstanceOf(RejectedException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void aUniqueViolationIsRecognisedByItsSqlStateAsPostgreSqlAndH2ReportIt() {
        var resolver = new EventStoreConfiguration().persistenceExceptionResolver();
        // PostgreSQL's driver reports a batch's unique violation with the failed entry's SQLSTATE
        BatchUpdateException batch = new BatchUpdateException("batch entry 0", "23505", 0, new int[0], null);
        batch.setNextException(new SQLException("duplicate key value violates unique constraint", "23505"));
        assertThat(resolver.isDuplicateKeyViolation(new RuntimeException(batch)))
                .isTrue();
        assertThat(resolver.isDuplicateKeyViolation(new RuntimeException(new SQLException("duplicate key", "23505"))))
                .isTrue();
        assertThat(resolver.isDuplicateKeyViolation(new SQLException("not null", "23502")))
                .as("another integrity violation is no lost race")
                .isFalse();
        assertThat(resolver.isDuplicateKeyViolation(new SQLException("connection refused", "08001")))
                .isFalse();
        assertThat(resolver.isDuplicateKeyViolation(new IllegalStateException("no SQL at all")))
                .isFalse();
    }
}
