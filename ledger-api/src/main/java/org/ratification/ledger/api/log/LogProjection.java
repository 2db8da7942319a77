package org.ratification.ledger.api.log;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.ratification.ledger.core.api.RecordingMetadata;
import org.ratification.ledger.core.api.TreatyEvent;
import org.ratification.ledger.projections.ReadModelVersion;
import org.springframework.stereotype.Component;

/**
 * Appends every record to the log, in the order of the event stream (its processor has one
 * segment). A rebuild clears the tree and appends the event store's records again; the signed
 * checkpoints stay, and the rebuilt tree must agree with them ({@link LogAppender}).
 */
@Component
@ProcessingGroup(LogProjection.NAME)
@ReadModelVersion(LogProjection.VERSION)
public class LogProjection {

    public static final String NAME = "log";
    public static final int VERSION = 1;

    private final LogAppender appender;
    private final LogStore store;

    public LogProjection(LogAppender appender, LogStore store) {
        this.appender = appender;
        this.store = store;
    }

    @EventHandler
    void on(TreatyEvent event, EventMessage<?> message, TrackingToken token) {
        if (!(message instanceof DomainEventMessage<?> domain)) {
            throw new IllegalStateException("A record without its treaty stream: " + message.getIdentifier());
        }
        Object hash = message.getMetaData().get(RecordingMetadata.HASH);
        if (hash == null) {
            throw new IllegalStateException("Record " + event.recordId() + " has no chain hash");
        }
        if (token == null || token.position().isEmpty()) {
            throw new IllegalStateException("Record " + event.recordId() + " arrived without its stream position");
        }
        appender.append(new LogAppender.Entry(
                token.position().getAsLong(),
                event.recordId(),
                domain.getAggregateIdentifier(),
                domain.getSequenceNumber(),
                hash.toString()));
    }

    @ResetHandler
    void reset() {
        store.clearTree();
    }
}
