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

    /** Builds the command for a new record id, records it and answers the record's place. */
    public Recording record(Function<String, Object> command) {
        return record(RecordIds.next(), command);
    }

    public Recording record(String recordId, Function<String, Object> command) {
        return record(recordId, command, Map.of());
    }

    /**
     * As {@link #record(Function)}, with further metadata on the command (an import's {@link
     * RecordingMetadata#SOURCE}); the recording time and recorder are always the writer's own.
     */
    public Recording record(Function<String, Object> command, Map<String, String> metadata) {
        return record(RecordIds.next(), command, metadata);
    }

    /**
     * The treaty's command handlers answer the sequence their event got; the command that registers a
     * treaty creates its stream, whose first event is sequence 0 (Axon answers the new aggregate's id).
     * The event's {@code recordedAt} is the value sent here: the aggregate stores it unchanged.
     */
    private Recording record(String recordId, Function<String, Object> command, Map<String, String> metadata) {
        long started = System.nanoTime();
        String recordedAt = clock.instant().toString();
        MetaData metaData = MetaData.from(metadata)
                .and(RecordingMetadata.RECORDED_AT, recordedAt)
                .and(RecordingMetadata.RECORDED_BY, recorder.currentRecorder());
        Object answer = commands.sendAndWait(command.apply(recordId), metaData);
        recordings.record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
        return new Recording(recordId, answer instanceof Number sequence ? sequence.longValue() : 0L, recordedAt);
    }
}
