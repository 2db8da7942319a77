package org.ratification.ledger.api.log;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ratification.ledger.core.log.Checkpoint;
import org.ratification.ledger.core.log.Frontier;
import org.ratification.ledger.core.log.MerkleHash;
import org.ratification.ledger.core.log.MerkleProofs;
import org.ratification.ledger.core.log.NodeId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends leaves to the log within the processor's transaction. The first leaf of a transaction
 * reads the frontier from the stored nodes (O(log n) rows); each leaf then costs O(log n) hashes in
 * memory; just before the transaction commits the new leaves and nodes are written in batches and
 * a checkpoint of the new size is signed, so a batch of records gets one checkpoint and a rolled
 * back batch leaves nothing behind.
 */
@Component
public class LogAppender {

    private final LogStore store;
    private final LogSigningKey key;
    private final LogProperties properties;
    private final Clock clock;

    /** The last time a rebuilt tree disagreed with a signed checkpoint (null if never since start). */
    private volatile LogDivergedException divergence;

    public LogAppender(LogStore store, LogSigningKey key, LogProperties properties, Clock clock) {
        this.store = store;
        this.key = key;
        this.properties = properties;
        this.clock = clock;
    }

    /** The record of a leaf to append. */
    public record Entry(long globalIndex, String recordId, String treatyId, long sequence, String chainHash) {}

    /** The leaves and nodes of one transaction, written before it commits. */
    private final class Batch implements TransactionSynchronization {
        private final long startSize;
        private final Frontier frontier;
        private final List<LogStore.Leaf> leaves = new ArrayList<>();
        private final Map<NodeId, byte[]> nodes = new LinkedHashMap<>();

        Batch(Frontier frontier) {
            this.frontier = frontier;
            this.startSize = frontier.size();
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
     * Appends one record as the next leaf (in the current transaction if there is one). A record the
     * log holds already is skipped: delivery is at least once (a segment taken over by another node
     * replays what the first may have appended), and a record is one leaf, once.
     */
    public void append(Entry entry) {
        if (store.holdsEvent(entry.globalIndex())) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            Batch batch = new Batch(store.frontier());
            batch.append(entry);
            write(batch);
            return;
        }
        Batch batch = (Batch) TransactionSynchronizationManager.getResource(this);
        if (batch == null) {
            batch = new Batch(store.frontier());
            TransactionSynchronizationManager.bindResource(this, batch);
            TransactionSynchronizationManager.registerSynchronization(batch);
        }
        batch.append(entry);
    }

    private void write(Batch batch) {
        if (batch.leaves.isEmpty()) {
            return;
        }
        store.insertLeaves(batch.leaves);
        store.insertNodes(batch.nodes);
        long size = batch.frontier.size();
        // a rebuilt tree must agree with every checkpoint signed before: otherwise the event store
        // no longer holds what the log once did, and the processor stops here rather than sign it
        for (SignedCheckpoint signed : store.checkpointsBetween(batch.startSize, size)) {
            byte[] root = MerkleProofs.rootAt(signed.size(), store::nodes);
            if (!Arrays.equals(root, MerkleHash.parseHex(signed.rootHash()))) {
                divergence = new LogDivergedException(signed.size(), MerkleHash.hex(root), signed.rootHash());
                throw divergence;
            }
        }
        if (size > store.largestCheckpointSize()) {
            store.insertCheckpoint(
                    sign(new Checkpoint(properties.origin(), size, batch.frontier.root(), clock.instant())));
        }
    }

    /** Why the log processor last refused to go on, if a rebuilt tree disagreed with a signed checkpoint. */
    public LogDivergedException divergence() {
        return divergence;
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
