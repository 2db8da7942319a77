package org.ratification.ledger.api.log;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.ratification.ledger.core.api.TreatyEvent;
import org.ratification.ledger.projections.ReadModelVersion;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The log as a read model: its version, its tables and its rebuild. The log is appended after commit
 * ({@link LogTail}), so no event is handled here; a rebuild clears the tree and appends, in the fold's
 * transaction, every committed record in leaf order (the events the fold feeds afterwards are ignored).
 * The signed checkpoints stay, and the rebuilt tree must agree with them. Version 2: the leaves follow
 * the store's order (version 1 was a tracking processor that could append a record whose global index
 * came after a later one's); a store of version 1 is folded again at start.
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

    /**
     * Nothing to do: the log is appended after commit. The handler makes this a processing group, whose
     * processor gives the log its version check and its rebuild (the reset below).
     */
    @EventHandler
    void on(TreatyEvent event) {
        // appended by LogTail's rounds, in leaf order
    }

    @ResetHandler
    void reset() {
        appender.clear();
        appender.appendAllCommitted();
    }
}
