package org.ratification.ledger.api.log;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The verifiable log's settings.
 *
 * @param origin the first line of every checkpoint: the log's name
 * @param privateKey the Ed25519 signing key, PKCS#8 DER in base64; when absent the key is read from
 *     {@code keyFile}, which is created with a new key on first start
 * @param keyFile where the signing key is kept when it is not configured
 * @param checkpointInterval how often a tree that no checkpoint covers yet is signed (the appender's
 *     rounds sign the trees they append)
 * @param pollInterval how often the log's appender ({@link LogTail}) looks for records committed by
 *     other nodes (this node's commits wake it sooner)
 * @param batchWindow how long after a commit on this node the appender waits before it
 *     appends, so that the commits of the window become leaves in one round (one lock, one set of
 *     statements, one commit) instead of a round each; zero appends at once; after a round that
 *     appended {@value LogTail#LOADED_ROUND} records or more the appender waits {@value
 *     LogTail#LOADED_WINDOWS} windows
 * @param enabled false to record without the log (to measure what it costs): no leaf is appended, no
 *     lock taken, no checkpoint signed, {@code /api/log/*} answers 503 {@code LOG_DISABLED}, and the
 *     next start with the log enabled folds it again from the event store ({@link LogSwitchedOff})
 */
@ConfigurationProperties("ledger.log")
public record LogProperties(
        String origin,
        String privateKey,
        String keyFile,
        Duration checkpointInterval,
        Duration pollInterval,
        Duration batchWindow,
        Boolean enabled) {

    /** The property that switches the log off ({@code false}); on by default. */
    public static final String ENABLED = "ledger.log.enabled";

    public LogProperties {
        enabled = enabled == null || enabled;
        origin = origin == null || origin.isBlank() ? "ratification-ledger" : origin.strip();
        if (origin.contains("\n") || origin.length() > 200) {
            throw new IllegalArgumentException("ledger.log.origin is one line of at most 200 characters");
        }
        privateKey = privateKey == null || privateKey.isBlank() ? null : privateKey;
        keyFile = keyFile == null || keyFile.isBlank() ? "data/log-signing.key" : keyFile;
        checkpointInterval = checkpointInterval == null ? Duration.ofSeconds(1) : checkpointInterval;
        if (checkpointInterval.toMillis() < 10 || checkpointInterval.toHours() > 24) {
            throw new IllegalArgumentException("ledger.log.checkpoint-interval is between 10 ms and 24 hours");
        }
        pollInterval = pollInterval == null ? Duration.ofMillis(100) : pollInterval;
        if (pollInterval.toMillis() < 10 || pollInterval.toMinutes() > 10) {
            throw new IllegalArgumentException("ledger.log.poll-interval is between 10 ms and 10 minutes");
        }
        batchWindow = batchWindow == null ? Duration.ofMillis(50) : batchWindow;
        if (batchWindow.isNegative() || batchWindow.toSeconds() > 10) {
            throw new IllegalArgumentException("ledger.log.batch-window is between 0 and 10 seconds");
        }
    }
}
