package org.ratification.ledger.api.log;

import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.AxonThreadFactory;
import org.ratification.ledger.core.log.Checkpoint;
import org.ratification.ledger.core.log.MerkleHash;
import org.ratification.ledger.core.log.MerkleProofs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signs checkpoints of the committed tree: in the appender's round that grows it ({@link
 * #signInTransaction}), at start, and every {@code ledger.log.checkpoint-interval} for a tree that no
 * checkpoint covers yet (a round whose checkpoint another node had signed first). A checkpoint names the size and root that {@code log_head} holds
 * once committed; two nodes signing the same size keep the first (the tree size is the key).
 */
@Component
@ConditionalOnProperty(name = LogProperties.ENABLED, havingValue = "true", matchIfMissing = true)
public class LogCheckpoints implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LogCheckpoints.class);

    private final LogStore store;
    private final LogSigningKey key;
    private final LogProperties properties;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private volatile ScheduledExecutorService signer;

    public LogCheckpoints(
            LogStore store,
            LogSigningKey key,
            LogProperties properties,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.store = store;
        this.key = key;
        this.properties = properties;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    private void signQuietly() {
        try {
            signLatest();
        } catch (DuplicateKeyException e) {
            // another node signed this size first: its checkpoint stands
        } catch (RuntimeException e) {
            if (signer == null || Thread.currentThread().isInterrupted() || interrupted(e)) {
                log.info("The log's checkpoint was not signed: the signer was interrupted (stopping)");
                return;
            }
            log.error("The log's checkpoint could not be signed now; it is tried again shortly", e);
        }
    }

    private static boolean interrupted(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InterruptedException) {
                return true;
            }
        }
        return false;
    }

    /** Signs a checkpoint of the committed tree if none covers its size yet; returns its size. */
    public long signLatest() {
        Long signed = transaction.execute(status -> {
            LogStore.Head head = store.head();
            if (head.size() == 0 || head.size() <= store.largestCheckpointSize()) {
                return 0L;
            }
            String root = head.rootHash().isEmpty()
                    ? MerkleHash.hex(MerkleProofs.rootAt(head.size(), store::nodes))
                    : head.rootHash();
            store.insertCheckpoint(
                    sign(new Checkpoint(properties.origin(), head.size(), MerkleHash.parseHex(root), clock.instant())));
            return head.size();
        });
        return signed == null ? 0 : signed;
    }

    /**
     * Signs a checkpoint of the tree that the current transaction moves the head to, in that
     * transaction (the appender's round is a batch already, and the checkpoint then commits with the
     * head, without a transaction of its own).
     */
    void signInTransaction(long size, byte[] rootHash) {
        store.insertCheckpoint(sign(new Checkpoint(properties.origin(), size, rootHash, clock.instant())));
    }

    SignedCheckpoint sign(Checkpoint checkpoint) {
        return new SignedCheckpoint(
                checkpoint.origin(),
                checkpoint.size(),
                checkpoint.rootHashHex(),
                checkpoint.timestamp().toString(),
                checkpoint.note(),
                key.sign(checkpoint),
                key.keyId());
    }

    @Override
    public void start() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, new AxonThreadFactory("log-signer"));
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        long every = properties.checkpointInterval().toMillis();
        signer = executor;
        executor.scheduleWithFixedDelay(this::signQuietly, 0, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = signer;
        signer = null;
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return signer != null;
    }
}
