package org.ratification.ledger.api.log;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * With {@code ledger.log.enabled=false} records are appended without their leaves, so the stored
 * log no longer covers the event store: the log's read model version is forgotten at start, and the
 * next start with the log on folds it again from the event store in global order (the checkpoints
 * signed before still hold: they cover a prefix of that order).
 */
@Component
@ConditionalOnProperty(name = LogProperties.ENABLED, havingValue = "false")
class LogSwitchedOff {

    private static final Logger log = LoggerFactory.getLogger(LogSwitchedOff.class);

    LogSwitchedOff(JdbcTemplate jdbc) {
        // JdbcTemplate: created after the migrations ran
        jdbc.update("DELETE FROM read_model_version WHERE name = ?", LogProjection.NAME);
        log.warn(
                "The verifiable log is off ({}=false): records get no leaf and no checkpoint, /api/log answers"
                        + " 503 LOG_DISABLED; the log is folded again at the next start with it on",
                LogProperties.ENABLED);
    }
}
