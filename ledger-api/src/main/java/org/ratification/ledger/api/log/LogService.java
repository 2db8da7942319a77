package org.ratification.ledger.api.log;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ratification.ledger.core.api.RecordingMetadata;
import org.ratification.ledger.core.chain.RecordChain;
import org.ratification.ledger.core.log.LogKeys;
import org.ratification.ledger.core.log.MerkleHash;
import org.ratification.ledger.core.log.MerkleProofs;
import org.ratification.ledger.core.rules.Rejection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Answers the log's questions: its key, its checkpoints, proofs, and the export of its leaves. */
@Service
public class LogService {

    /** At most this many checkpoints per page. */
    public static final int MAX_CHECKPOINTS = 1000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LogStore store;
    private final LogSigningKey key;
    private final LogProperties properties;
    private final JdbcTemplate jdbc;

    public LogService(LogStore store, LogSigningKey key, LogProperties properties, JdbcTemplate jdbc) {
        this.store = store;
        this.key = key;
        this.properties = properties;
        this.jdbc = jdbc;
    }

    /** The public key that verifies checkpoints. */
    public record LogKey(String origin, String algorithm, String publicKey, String keyId) {}

    /** An RFC 9162 audit path: the leaf's hash and the hashes from it to the root of {@code treeSize}. */
    public record InclusionProof(
            String recordId,
            String treatyId,
            long sequence,
            long leafIndex,
            long treeSize,
            String chainHash,
            String leafHash,
            String rootHash,
            List<String> proof) {}

    /** An RFC 9162 consistency proof between the trees of {@code from} and {@code to} leaves. */
    public record ConsistencyProof(long from, long to, String fromRootHash, String toRootHash, List<String> proof) {}

    /** Where a record is in the log, and the first checkpoint that covers it (null until signed). */
    public record RecordInLog(long leafIndex, SignedCheckpoint checkpoint) {}

    public LogKey key() {
        return new LogKey(properties.origin(), LogKeys.ALGORITHM, LogKeys.publicKeyText(key.publicKey()), key.keyId());
    }

    public SignedCheckpoint latest() {
        return store.latestCheckpoint().orElseThrow(() -> Rejection.notFound(
                        "LOG_EMPTY", "The log has no checkpoint yet: nothing was recorded.")
                .exception());
    }

    public List<SignedCheckpoint> checkpoints(long from, int limit) {
        if (from < 0) {
            throw Rejection.invalid("INVALID_TREE_SIZE", "'from' is a tree size, 0 or more.")
                    .exception();
        }
        if (limit < 1 || limit > MAX_CHECKPOINTS) {
            throw Rejection.invalid("INVALID_LIMIT", "'limit' is between 1 and " + MAX_CHECKPOINTS + ".")
                    .exception();
        }
        return store.checkpointsFrom(from, limit);
    }

    @Transactional(readOnly = true)
    public InclusionProof inclusion(String recordId, Long size) {
        if (recordId == null || recordId.isBlank() || recordId.length() > 255) {
            throw Rejection.invalid("INVALID_RECORD_ID", "'recordId' is a record id of at most 255 characters.")
                    .exception();
        }
        LogStore.Leaf leaf = store.leafOfRecord(recordId).orElseThrow(() -> Rejection.notFound(
                        "RECORD_NOT_IN_LOG", "No record '" + recordId + "' is in the log (yet).")
                .exception());
        long treeSize = size == null ? latest().size() : size;
        requireWithinLog(treeSize);
        if (leaf.leafIndex() >= treeSize) {
            throw Rejection.invalid(
                            "RECORD_AFTER_TREE_SIZE",
                            "Record '" + recordId + "' is leaf " + leaf.leafIndex() + ", after the first " + treeSize
                                    + " leaves; ask for a larger size.")
                    .exception();
        }
        // the path and the root in one read of at most 2·log2(size) stored nodes: the root's are the
        // right edge's complete subtrees, which the path's incomplete subtrees are folded from too
        List<MerkleProofs.Range> ranges = new ArrayList<>(MerkleProofs.inclusionRanges(leaf.leafIndex(), treeSize));
        ranges.add(new MerkleProofs.Range(0, treeSize));
        List<byte[]> hashes = MerkleProofs.hashes(ranges, store::nodes);
        List<byte[]> proof = hashes.subList(0, hashes.size() - 1);
        return new InclusionProof(
                leaf.recordId(),
                leaf.treatyId(),
                leaf.sequence(),
                leaf.leafIndex(),
                treeSize,
                leaf.chainHash(),
                MerkleHash.hex(MerkleHash.leafOfChainHash(leaf.chainHash())),
                MerkleHash.hex(hashes.get(hashes.size() - 1)),
                proof.stream().map(MerkleHash::hex).toList());
    }

    @Transactional(readOnly = true)
    public ConsistencyProof consistency(long from, long to) {
        if (from < 1 || from > to) {
            throw Rejection.invalid(
                            "INVALID_TREE_SIZES",
                            "A consistency proof is between sizes 1 <= from <= to; got " + from + " and " + to + ".")
                    .exception();
        }
        requireWithinLog(to);
        // the proof and both roots in one read of stored nodes
        List<MerkleProofs.Range> ranges = new ArrayList<>(MerkleProofs.consistencyRanges(from, to));
        ranges.add(new MerkleProofs.Range(0, from));
        ranges.add(new MerkleProofs.Range(0, to));
        List<byte[]> hashes = MerkleProofs.hashes(ranges, store::nodes);
        int roots = hashes.size() - 2;
        return new ConsistencyProof(
                from,
                to,
                MerkleHash.hex(hashes.get(roots)),
                MerkleHash.hex(hashes.get(roots + 1)),
                hashes.subList(0, roots).stream().map(MerkleHash::hex).toList());
    }

    private void requireWithinLog(long size) {
        if (size < 1) {
            throw Rejection.invalid("INVALID_TREE_SIZE", "A tree size is 1 or more.")
                    .exception();
        }
        long logSize = store.size();
        if (size > logSize) {
            throw Rejection.invalid("SIZE_BEYOND_LOG", "The log has " + logSize + " leaves, fewer than " + size + ".")
                    .exception();
        }
    }

    /** For each of these records the log holds: its leaf and the first checkpoint that covers it. */
    public Map<String, RecordInLog> recordsInLog(Collection<String> recordIds) {
        Map<String, RecordInLog> found = new HashMap<>();
        if (!properties.enabled()) {
            // the log switched off may be behind (it is folded again at the next start with it on)
            return found;
        }
        store.leafIndexes(recordIds).forEach((recordId, leafIndex) -> {
            SignedCheckpoint checkpoint =
                    store.firstCheckpointCovering(leafIndex).orElse(null);
            found.put(recordId, new RecordInLog(leafIndex, checkpoint));
        });
        return found;
    }

    /**
     * Writes the log's leaves as JSON Lines, in leaf order: each leaf's record as the event store
     * holds it now (payload and metadata), with the chain hash the log appended ({@code loggedHash}).
     * A leaf whose record is gone from the event store is a line with {@code "missing":true}.
     */
    @Transactional(readOnly = true)
    public void export(Writer writer) {
        jdbc.query(
                "SELECT l.leaf_index, l.global_index, l.chain_hash, e.aggregate_identifier, e.sequence_number,"
                        + " e.payload_type, e.payload_revision, e.payload, e.meta_data"
                        + " FROM log_leaf l LEFT JOIN domain_event_entry e ON e.global_index = l.global_index"
                        + " ORDER BY l.leaf_index",
                rs -> {
                    ObjectNode line = JSON.createObjectNode();
                    line.put("leafIndex", rs.getLong("leaf_index"));
                    line.put("globalIndex", rs.getLong("global_index"));
                    line.put("loggedHash", rs.getString("chain_hash"));
                    String payloadType = rs.getString("payload_type");
                    if (payloadType == null) {
                        line.put("missing", true);
                    } else {
                        JsonNode payload = tree(rs.getBytes("payload"));
                        line.put("treatyId", rs.getString("aggregate_identifier"));
                        line.put("sequence", rs.getLong("sequence_number"));
                        line.put("recordId", payload.path("recordId").asText(null));
                        line.put("eventType", RecordChain.typeOf(payloadType));
                        line.put("revision", rs.getString("payload_revision"));
                        line.set("payload", payload);
                        line.set("metadata", metadata(tree(rs.getBytes("meta_data"))));
                    }
                    try {
                        writer.write(JSON.writeValueAsString(line));
                        writer.write('\n');
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    private static ObjectNode metadata(JsonNode stored) {
        ObjectNode metadata = JSON.createObjectNode();
        for (String key : List.of(
                RecordingMetadata.RECORDED_AT,
                RecordingMetadata.RECORDED_BY,
                RecordingMetadata.PREVIOUS_HASH,
                RecordingMetadata.HASH)) {
            if (stored.hasNonNull(key)) {
                metadata.set(key, stored.get(key));
            }
        }
        return metadata;
    }

    private static JsonNode tree(byte[] json) {
        if (json == null) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            // an unreadable stored record is exported as text: the verifier reports it at its leaf
            return JSON.getNodeFactory().textNode(new String(json, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    Optional<SignedCheckpoint> latestIfAny() {
        return store.latestCheckpoint();
    }
}
