package org.ratification.ledger.api.log;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandBus;
import org.ratification.ledger.core.log.Frontier;
import org.ratification.ledger.core.log.MerkleHash;
import org.ratification.ledger.core.log.MerkleProofs;
import org.ratification.ledger.core.log.NodeId;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends the committed records to the log after their commits, in rounds ({@link LogTail}): each
 * round is a transaction that locks {@code log_head} (one row), appends the records that follow the
 * last leaf in leaf order and lie below the horizon of transactions in progress, moves the head and
 * signs its checkpoint. A recording takes no lock of the log and writes none of its rows. The order
 * and the horizon are the database's: on PostgreSQL (xid, global index), below the oldest transaction
 * in progress ({@link LogStore#committedAfter}); on H2 the global index, below the largest committed
 * index once every recording of this node in progress when it was read has ended ({@link
 * OpenRecordings}: H2 is embedded, so every writer is in this JVM). A fold clears the tree and appends
 * every committed record in the same order, so a rebuilt tree is the same tree. The frontier is kept in
 * memory between transactions and used again only if {@code log_head} still names its size and root
 * (another node may have appended); otherwise it is read from the stored nodes (O(log n) rows). Just
 * before the transaction commits the new leaves and nodes are written in batches (every {@value
 * #FLUSH_EVERY} leaves during a fold) and the head is moved.
 */
@Component
@ConditionalOnProperty(name = LogProperties.ENABLED, havingValue = "true", matchIfMissing = true)
public class LogAppender {

    /** Leaves held in memory at most before they are written (a fold appends millions in one transaction). */
    static final int FLUSH_EVERY = 1_000;

    private final LogStore store;
    private final LogCheckpoints checkpoints;

    /** H2: this node's recordings in progress, the log's horizon (null on PostgreSQL). */
    private final OpenRecordings open;

    /**
     * The frontier as this node last moved the head to, under the lock (validated against log_head
     * before use: another node may have appended since, or the transaction may have rolled back).
     */
    private volatile Frontier latest;

    /** The last time a rebuilt tree disagreed with a signed checkpoint (null if never since start). */
    private volatile LogDivergedException divergence;

    public LogAppender(LogStore store, LogCheckpoints checkpoints, CommandBus commandBus) {
        this.store = store;
        this.checkpoints = checkpoints;
        if (!store.ordersByTransaction() && !OpenRecordings.embeddedAlone(store.databaseUrl())) {
            throw new IllegalStateException("The verifiable log on H2 needs the store embedded in this process"
                    + " alone (a file or in-memory URL without AUTO_SERVER=TRUE, not a tcp: or ssl: server):"
                    + " it appends a record once this node's recordings in progress have ended, and would not"
                    + " see another process's. Use PostgreSQL for several nodes.");
        }
        this.open = store.ordersByTransaction() ? null : new OpenRecordings(commandBus);
    }

    /** H2: this node's recordings in progress (null on PostgreSQL). */
    OpenRecordings openRecordings() {
        return open;
    }

    /** How long a round waits at most on H2 for the recordings in progress when it started. */
    static final Duration HORIZON_WAIT = Duration.ofSeconds(1);

    /** The leaves and nodes of one transaction, written before it commits. */
    private final class Batch implements TransactionSynchronization {
        private final long startSize;
        /** The largest size a checkpoint was signed of, as read under the lock. */
        private final long largestCheckpointSize;

        private final Frontier frontier;
        private final List<LogStore.Leaf> leaves = new ArrayList<>();
        private final Map<NodeId, byte[]> nodes = new LinkedHashMap<>();
        /** Where the last leaf is in the store. */
        private LogStore.LastLeaf last;

        Batch(Frontier frontier, long largestCheckpointSize, LogStore.LastLeaf last) {
            this.frontier = frontier;
            this.startSize = frontier.size();
            this.largestCheckpointSize = largestCheckpointSize;
            this.last = last;
        }

        void append(LogStore.Committed record) {
            byte[] leafHash = MerkleHash.leafOfChainHash(record.chainHash());
            leaves.add(new LogStore.Leaf(
                    frontier.size(),
                    record.position().globalIndex(),
                    record.recordId(),
                    record.treatyId(),
                    record.sequence(),
                    record.chainHash()));
            last = record.position();
            frontier.append(leafHash, nodes::put);
            if (leaves.size() >= FLUSH_EVERY) {
                writeLeaves();
            }
        }

        void writeLeaves() {
            if (!leaves.isEmpty()) {
                store.insertLeaves(leaves);
                store.insertNodes(nodes);
                leaves.clear();
                nodes.clear();
            }
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            write(this);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(LogAppender.this);
        }
    }

    /**
     * Appends, in the current transaction (under the log's lock), up to {@code limit} committed records
     * that follow the last leaf in leaf order, below the horizon of transactions in progress; returns how many.
     */
    public int appendCommitted(int limit) {
        Batch batch = batch();
        List<LogStore.Committed> records = open == null
                ? store.committedAfter(batch.last, limit)
                : store.committedUpTo(batch.last, horizon(batch.last), limit);
        records.forEach(batch::append);
        return records.size();
    }

    /**
     * H2: the largest committed global index, once every recording of this node that was in progress
     * when it was read has ended (none of them can add a record below it afterwards); the last leaf's
     * while one is still in progress after {@link #HORIZON_WAIT} (the next round tries again, and health
     * shows the records held back).
     */
    private long horizon(LogStore.LastLeaf last) {
        long largest = store.largestGlobalIndex();
        if (open.awaitThoseOpenNow(HORIZON_WAIT)) {
            return largest;
        }
        return last.globalIndex() == null ? -1 : last.globalIndex();
    }

    /** Appends every committed record below the horizon, in the current transaction (a fold). */
    public void appendAllCommitted() {
        int appended;
        do {
            appended = appendCommitted(FLUSH_EVERY);
        } while (appended == FLUSH_EVERY);
    }

    /** The leaves of the current transaction, under the log's lock (taken for the first). */
    private Batch batch() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("A leaf is appended in a transaction");
        }
        Batch batch = (Batch) TransactionSynchronizationManager.getResource(this);
        if (batch == null) {
            LogStore.LockedHead locked = store.lockHead();
            batch = new Batch(frontierUnderLock(locked.head()), locked.largestCheckpointSize(), locked.last());
            TransactionSynchronizationManager.bindResource(this, batch);
            TransactionSynchronizationManager.registerSynchronization(batch);
        }
        return batch;
    }

    /** The frontier of the stored tree whose head this transaction has locked. */
    private Frontier frontierUnderLock(LogStore.Head head) {
        Frontier cached = latest;
        if (cached != null
                && cached.size() == head.size()
                && MerkleHash.hex(cached.root()).equals(head.rootHash())) {
            return Frontier.of(cached.size(), cached.decomposition());
        }
        return store.frontier(head.size());
    }

    /**
     * Clears the tree (a rebuild folds the store into it again; the signed checkpoints stay). The head
     * is locked first: a round of the appender in progress commits before the leaves are deleted, and
     * the next waits for the fold (on PostgreSQL the fold locks the log's tables as well).
     */
    public void clear() {
        store.lockHead();
        store.clearTree();
        latest = null;
    }

    private void write(Batch batch) {
        batch.writeLeaves();
        long size = batch.frontier.size();
        if (size == batch.startSize) {
            return;
        }
        // a rebuilt tree must agree with every checkpoint signed before: otherwise the event store
        // no longer holds what the log once did, and the fold is refused rather than the tree replaced
        // (only a cleared tree is smaller than a signed checkpoint: a recording on a grown tree skips the query)
        List<SignedCheckpoint> crossed = batch.largestCheckpointSize > batch.startSize
                ? store.checkpointsBetween(batch.startSize, size)
                : List.of();
        for (SignedCheckpoint signed : crossed) {
            byte[] root = MerkleProofs.rootAt(signed.size(), store::nodes);
            if (!Arrays.equals(root, MerkleHash.parseHex(signed.rootHash()))) {
                divergence = new LogDivergedException(signed.size(), MerkleHash.hex(root), signed.rootHash());
                throw divergence;
            }
        }
        byte[] root = batch.frontier.root();
        store.moveHead(size, MerkleHash.hex(root), batch.last);
        if (size > batch.largestCheckpointSize) {
            // a round of the appender (or a fold) is a batch; its checkpoint commits with the head (a
            // folded tree no larger than a signed checkpoint was checked against it above)
            checkpoints.signInTransaction(size, root);
        }
        // kept under the lock, so the next round on this node finds it
        latest = batch.frontier;
    }

    /** Why the log last refused a rebuild, if a rebuilt tree disagreed with a signed checkpoint. */
    public LogDivergedException divergence() {
        return divergence;
    }

    /** The tree rebuilt from the event store differs from a checkpoint the ledger signed before. */
    public static final class LogDivergedException extends IllegalStateException {
        private final long size;

        LogDivergedException(long size, String rebuilt, String signed) {
            super("The log rebuilt from the event store has root " + rebuilt + " at size " + size
                    + ", but the checkpoint signed for that size has " + signed
                    + ": the event store was changed (verify the export against the checkpoint to find the leaf)");
            this.size = size;
        }

        /** The size of the first signed checkpoint the rebuilt tree disagrees with. */
        public long size() {
            return size;
        }
    }
}
