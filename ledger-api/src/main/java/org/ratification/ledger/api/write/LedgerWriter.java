package org.ratification.ledger.api.write;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.ratification.ledger.core.api.RecordingMetadata;
import org.springframework.stereotype.Service;

/**
 * Records one action: assigns its record id and sends the command with the recording metadata.
 * When it returns, the event and the read models it promises (status facts, chain head, audit
 * history) are committed together, in the command's one transaction: nothing to wait for. Times
 * each recording as {@code ledger.recording}.
 */
@Service
public class LedgerWriter {

    private final CommandGateway commands;
    private final Clock clock;
    private final Recorder recorder;
    private final Timer recordings;

    public LedgerWriter(CommandGateway commands, Clock clock, Recorder recorder, MeterRegistry meters) {
        this.commands = commands;
        this.clock = clock;
        this.recorder = recorder;
        this.recordings = Timer.builder("ledger.recording")
                .description("From receiving a record to its commit with the read models")
                .register(meters);
    }

    /** Builds the command for a new record id, records it and answers that id. */
    public String record(Function<String, Object> command) {
        return record(RecordIds.next(), command);
    }

    public String record(String recordId, Function<String, Object> command) {
        return record(recordId, command, Map.of());
    }

    /**
     * As {@link #record(Function)}, with further metadata on the command (an import's {@link
     * RecordingMetadata#SOURCE}); the recording time and recorder are always the writer's own.
     */
    public String record(Function<String, Object> command, Map<String, String> metadata) {
        return record(RecordIds.next(), command, metadata);
    }

    private String record(String recordId, Function<String, Object> command, Map<String, String> metadata) {
        long started = System.nanoTime();
        MetaData metaData = MetaData.from(metadata)
                .and(RecordingMetadata.RECORDED_AT, clock.instant().toString())
                .and(RecordingMetadata.RECORDED_BY, recorder.currentRecorder());
        commands.sendAndWait(command.apply(recordId), metaData);
        recordings.record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
        return recordId;
    }
}
