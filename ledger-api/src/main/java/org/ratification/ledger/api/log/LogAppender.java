package org.ratification.ledger.api.log;

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
 * Appends leaves to the log under its lock ({@code log_head}, one row). On H2, in the transaction
 * that appends their records (the log is an inline read model): every recording takes the lock when
 * its unit of work prepares to commit, before its event is inserted, and holds it until it commits:
 * the event store's global index, the order of commits and the order of the leaves are then one order,
 * and a rebuild that folds the store in global order gives the same tree. On PostgreSQL, where that
 * lock serialised every recording with its WAL flush, after the commits: {@link #appendCommitted}
 * appends the committed records in (xid, global index) order, below the horizon of transactions in
 * progress ({@link LogTail}, {@link LogStore#committedAfter}), and the head also keeps where the last
 * leaf is in the store. The frontier is kept in
 * memory between transactions and used again only if {@code log_head} still names its size and root
 * (another node may have appended); otherwise it is read from the stored nodes (O(log n) rows). Just
 * before the transaction commits the new leaves and nodes are written in batches (every
 * {@value #FLUSH_EVERY} leaves during a fold) and the head is moved; checkpoints are signed on H2
 * afterwards, for many records at once, and on PostgreSQL in the appender's round, with the head
 * ({@link LogCheckpoints}).
 *
 * <p>What a recording costs on H2 (issue 17; on PostgreSQL nothing): four statements, each with one fixed text (H2 keeps only a
 * few parsed statements per connection): the lock, which also reads the largest signed checkpoint
 * size; the leaf's insert, which reads its record's global index from the event store; the nodes'
 * batch; the head's move. The signed checkpoints are read only by a batch that a checkpoint may
 * cover (a cleared tree being folded again); a recording on a grown tree never is.
 */
@Component
@ConditionalOnProperty(name = LogProperties.ENABLED, havingValue = "true", matchIfMissing = true)
public class LogAppender {

    /** Leaves held in memory at most before they are written (a fold appends millions in one transaction). */
    static final int FLUSH_EVERY = 1_000;

    private final LogStore store;
    private final LogCheckpoints checkpoints;

    /** The key of the locked head in the transaction's resources. */
    private final Object headKey = new Object();

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
        if (!store.appendsAfterCommit()) {
            // registered before the command runs, so it runs before the event store's own prepare-commit
            // handler (registered when the first event is applied): the lock precedes the insert
            commandBus.registerHandlerInterceptor((unitOfWork, chain) -> {
                unitOfWork.onPrepareCommit(u -> lockedHead());
                return chain.proceed();
            });
        }
    }

    /**
     * Whether records are appended in their own transactions (H2); otherwise (PostgreSQL) after their
     * commits, by {@link #appendCommitted}, and a recording runs no statement of the log.
     */
    public boolean appendsInline() {
        return !store.appendsAfterCommit();
    }

    /**
     * The record of a leaf to append.
     *
     * @param globalIndex the record's global index in the event store, or {@link #INSERTED_NOW} for a
     *     record that this transaction has just inserted (its leaf takes the index from the store as it
     *     is written, in the same statement)
     */
    public record Entry(long globalIndex, String recordId, String treatyId, long sequence, String chainHash) {

        /** The global index of a record inserted by this transaction, not yet read from the store. */
        public static final long INSERTED_NOW = -1;
    }

    /** The leaves and nodes of one transaction, written before it commits. */
    private final class Batch implements TransactionSynchronization {
        private final long startSize;
        /** The largest size a checkpoint was signed of, as read under the lock. */
        private final long largestCheckpointSize;

        private final Frontier frontier;
        private final List<LogStore.Leaf> leaves = new ArrayList<>();
        private final Map<NodeId, byte[]> nodes = new LinkedHashMap<>();
        /** PostgreSQL: where the last leaf is in the store (null on H2). */
        private LogStore.LastLeaf last;

        Batch(Frontier frontier, long largestCheckpointSize, LogStore.LastLeaf last) {
            this.frontier = frontier;
            this.startSize = frontier.size();
            this.largestCheckpointSize = largestCheckpointSize;
            this.last = last;
        }

        void append(Entry entry) {
            byte[] leafHash = MerkleHash.leafOfChainHash(entry.chainHash());
            leaves.add(new LogStore.Leaf(
                    frontier.size(),
                    entry.globalIndex(),
                    entry.recordId(),
                    entry.treatyId(),
                    entry.sequence(),
                    entry.chainHash()));
            frontier.append(leafHash, nodes::put);
            if (leaves.size() >= FLUSH_EVERY) {
                writeLeaves();
            }
        }

        void writeLeaves() {
            if (!leaves.isEmpty()) {
                List<LogStore.Leaf> folded = new ArrayList<>(leaves.size());
                for (LogStore.Leaf leaf : leaves) {
                    if (leaf.globalIndex() == Entry.INSERTED_NOW) {
                        store.insertLeafOfNewRecord(
                                leaf.leafIndex(), leaf.recordId(), leaf.treatyId(), leaf.sequence(), leaf.chainHash());
                    } else {
                        folded.add(leaf);
                    }
                }
                if (!folded.isEmpty()) {
                    store.insertLeaves(folded);
                }
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
        public void afterCommit() {
            if (last == null) {
                // H2: signed shortly after, for the commits of a moment together (PostgreSQL: in write)
                checkpoints.requestSigning();
            }
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(LogAppender.this);
        }
    }

    /** Appends one record as the next leaf, in the current transaction (the one that appends the record). */
    public void append(Entry entry) {
        batch().append(entry);
    }

    /**
     * PostgreSQL: appends, in the current transaction (under the log's lock), up to {@code limit}
     * committed records that follow the last leaf in leaf order (below the horizon of transactions
     * in progress, {@link LogStore#committedAfter}); returns how many.
     */
    public int appendCommitted(int limit) {
        Batch batch = batch();
        List<LogStore.Committed> records = store.committedAfter(batch.last, limit);
        for (LogStore.Committed record : records) {
            batch.append(new Entry(
                    record.position().globalIndex(),
                    record.recordId(),
                    record.treatyId(),
                    record.sequence(),
                    record.chainHash()));
            batch.last = record.position();
        }
        return records.size();
    }

    /** PostgreSQL: appends every committed record below the horizon, in the current transaction (a fold). */
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
            LogStore.LockedHead locked = lockedHead();
            batch = new Batch(frontierUnderLock(locked.head()), locked.largestCheckpointSize(), locked.last());
            TransactionSynchronizationManager.bindResource(this, batch);
            TransactionSynchronizationManager.registerSynchronization(batch);
        }
        return batch;
    }

    /** Locks the log's head for the current transaction (once) and returns it. */
    private LogStore.LockedHead lockedHead() {
        LogStore.LockedHead head = (LogStore.LockedHead) TransactionSynchronizationManager.getResource(headKey);
        if (head == null) {
            head = store.lockHead();
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.bindResource(headKey, head);
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        TransactionSynchronizationManager.unbindResourceIfPossible(headKey);
                    }
                });
            }
        }
        return head;
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

    /** Clears the tree (a rebuild folds the store into it again; the signed checkpoints stay). */
    public void clear() {
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
        if (batch.last != null && size > batch.largestCheckpointSize) {
            // PostgreSQL: a round of the appender (or a fold) is a batch; its checkpoint commits with
            // the head (a folded tree no larger than a signed checkpoint was checked against it above)
            checkpoints.signInTransaction(size, root);
        }
        // kept under the lock, so the next recording on this node finds it even before this one's
        // afterCommit has run (with concurrent recordings it often had not, and the frontier was read)
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
