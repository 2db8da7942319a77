package org.ratification.ledger.api.log;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.ratification.ledger.core.api.RecordingMetadata;
import org.ratification.ledger.core.api.TreatyEvent;
import org.ratification.ledger.projections.ReadModelVersion;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * On H2, appends every record to the log in the transaction that appends it (an inline read model, so
 * in the order of the event store's global index, {@link LogAppender}), and a rebuild folds the store
 * into a cleared tree in that order. On PostgreSQL the log is appended after commit, in the order of
 * (xid, global index) ({@link LogTail}): a recording runs none of the log's statements, and a rebuild
 * clears the tree and appends, in the fold's transaction, every committed record in that order (the
 * events the fold feeds afterwards are then ignored). The signed checkpoints stay, and the rebuilt tree
 * must agree with them. Version 2: the log became inline (version 1 was a tracking processor that
 * could append a record whose global index came after a later one's); a store of version 1 is folded
 * again at start.
 */
@Component
@ConditionalOnProperty(name = LogProperties.ENABLED, havingValue = "true", matchIfMissing = true)
@ProcessingGroup(LogProjection.NAME)
@ReadModelVersion(
        value = LogProjection.VERSION,
        tables = {"log_head", "log_leaf", "log_node"})
public class LogProjection {

    public static final String NAME = "log";
    public static final int VERSION = 2;

    private final LogAppender appender;

    public LogProjection(LogAppender appender) {
        this.appender = appender;
    }

    @EventHandler
    void on(TreatyEvent event, EventMessage<?> message) {
        if (!appender.appendsInline()) {
            return;
        }
        if (!(message instanceof DomainEventMessage<?> domain)) {
            throw new IllegalStateException("A record without its treaty stream: " + message.getIdentifier());
        }
        Object hash = message.getMetaData().get(RecordingMetadata.HASH);
        if (hash == null) {
            throw new IllegalStateException("Record " + event.recordId() + " has no chain hash");
        }
        // a fold reads the store in global order (the position is the event's own index); inline,
        // the event was inserted by this transaction a moment ago, and its leaf's insert reads the index
        long globalIndex = message instanceof TrackedEventMessage<?> tracked
                        && tracked.trackingToken().position().isPresent()
                ? tracked.trackingToken().position().getAsLong()
                : LogAppender.Entry.INSERTED_NOW;
        appender.append(new LogAppender.Entry(
                globalIndex,
                event.recordId(),
                domain.getAggregateIdentifier(),
                domain.getSequenceNumber(),
                hash.toString()));
    }

    @ResetHandler
    void reset() {
        appender.clear();
        if (!appender.appendsInline()) {
            appender.appendAllCommitted();
        }
    }
}
