package org.ratification.ledger.api.write;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.ratification.ledger.api.config.LedgerProperties;
import org.ratification.ledger.api.operations.ProcessorPositions;
import org.ratification.ledger.projections.RecordSignals;
import org.ratification.ledger.projections.status.StatusProjection;
import org.ratification.ledger.projections.status.StatusRepository;
import org.springframework.stereotype.Component;

/**
 * Waits until the status read model shows a record just written, for at most
 * {@code ledger.read-your-writes-timeout}. The status projection of this node signals it at once;
 * when another node claims the segment that handles the treaty no signal comes, so the wait also
 * polls the shared database (more slowly as it goes on): the record's row in status_record, or,
 * for records without a row of their own (registrations, corrections, retractions), the token of
 * the status segment that handles the treaty having passed the treaty's newest event. Times the whole recording as
 * {@code ledger.recording} (tag {@code seen}: local, shared or timeout).
 */
@Component
class ReadYourWrites {

    private static final long FIRST_POLL_MILLIS = 20;
    private static final long LAST_POLL_MILLIS = 200;

    private final RecordSignals signals;
    private final StatusRepository status;
    private final ProcessorPositions positions;
    private final LedgerProperties properties;
    private final MeterRegistry meters;
    private final CommandTargetResolver targets =
            AnnotationCommandTargetResolver.builder().build();

    ReadYourWrites(
            RecordSignals signals,
            StatusRepository status,
            ProcessorPositions positions,
            LedgerProperties properties,
            MeterRegistry meters) {
        this.signals = signals;
        this.status = status;
        this.positions = positions;
        this.properties = properties;
        this.meters = meters;
    }

    /** How the record was seen: signalled here, found in the shared tables, or not in time. */
    enum Seen {
        LOCAL,
        SHARED,
        TIMEOUT
    }

    Seen await(Object command, String recordId, CompletableFuture<Void> applied, long startedNanos) {
        Seen seen;
        try {
            seen = waitFor(command, recordId, applied);
        } finally {
            signals.applied(recordId);
        }
        Timer.builder("ledger.recording")
                .description("From receiving a record to the status read model showing it")
                .tag("seen", seen.name().toLowerCase(java.util.Locale.ROOT))
                .register(meters)
                .record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
        return seen;
    }

    private Seen waitFor(Object command, String recordId, CompletableFuture<Void> applied) {
        long deadline = System.nanoTime() + properties.readYourWritesTimeout().toNanos();
        long poll = FIRST_POLL_MILLIS;
        String treaty = null;
        long treatyHead = 0;
        while (true) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0 || Thread.currentThread().isInterrupted()) {
                return Seen.TIMEOUT;
            }
            if (signalled(applied, Math.min(poll, left))) {
                return Seen.LOCAL;
            }
            if (status.hasRecord(recordId)) {
                return Seen.SHARED;
            }
            if (treaty == null) {
                treaty = treatyOf(command);
                treatyHead = positions.headOf(treaty);
            }
            if (treatyHead > 0 && positions.covers(StatusProjection.NAME, treaty, treatyHead)) {
                return Seen.SHARED;
            }
            poll = Math.min(LAST_POLL_MILLIS, poll * 2);
        }
    }

    private String treatyOf(Object command) {
        return targets.resolveTarget(GenericCommandMessage.asCommandMessage(command))
                .getIdentifier();
    }

    private static boolean signalled(CompletableFuture<Void> applied, long millis) {
        try {
            applied.get(millis, TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return false;
        }
    }
}
