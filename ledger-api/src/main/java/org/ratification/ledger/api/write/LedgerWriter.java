package org.ratification.ledger.api.write;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.ratification.ledger.core.api.RecordingMetadata;
import org.ratification.ledger.projections.RecordSignals;
import org.springframework.stereotype.Service;

/**
 * Records one action: assigns its record id, sends the command with the recording metadata and
 * waits until the status read model has it, so that a client reading after its write reads it.
 */
@Service
public class LedgerWriter {

    private final CommandGateway commands;
    private final RecordSignals signals;
    private final Clock clock;
    private final Recorder recorder;
    private final ReadYourWrites readYourWrites;

    public LedgerWriter(
            CommandGateway commands,
            RecordSignals signals,
            Clock clock,
            Recorder recorder,
            ReadYourWrites readYourWrites) {
        this.commands = commands;
        this.signals = signals;
        this.clock = clock;
        this.recorder = recorder;
        this.readYourWrites = readYourWrites;
    }

    /** Builds the command for a new record id, records it and answers that id. */
    public String record(Function<String, Object> command) {
        return record(RecordIds.next(), command);
    }

    public String record(String recordId, Function<String, Object> command) {
        long started = System.nanoTime();
        MetaData metaData = MetaData.with(
                        RecordingMetadata.RECORDED_AT, clock.instant().toString())
                .and(RecordingMetadata.RECORDED_BY, recorder.currentRecorder());
        Object sent = command.apply(recordId);
        CompletableFuture<Void> applied = signals.expect(recordId);
        try {
            commands.sendAndWait(sent, metaData);
        } catch (RuntimeException e) {
            signals.applied(recordId);
            throw e;
        }
        readYourWrites.await(sent, recordId, applied, started);
        return recordId;
    }
}
