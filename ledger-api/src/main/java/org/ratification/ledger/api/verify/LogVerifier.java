package org.ratification.ledger.api.verify;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ratification.ledger.core.api.RecordingMetadata;
import org.ratification.ledger.core.api.TreatyEvent;
import org.ratification.ledger.core.chain.ChainLink;
import org.ratification.ledger.core.chain.RecordChain;
import org.ratification.ledger.core.log.Checkpoint;
import org.ratification.ledger.core.log.Frontier;
import org.ratification.ledger.core.log.LogKeys;
import org.ratification.ledger.core.log.MerkleHash;
import org.ratification.ledger.core.log.MerkleProofs;

/**
 * Offline checks of the verifiable log (docs/LOG.md), with nothing but files saved from the service:
 * a checkpoint's signature, an inclusion proof, a consistency proof between two checkpoints, and a
 * whole export of the log's leaves against a checkpoint (each record's hash recomputed from its
 * content, each treaty's chain followed, the root recomputed), naming the first leaf that differs.
 *
 * <pre>
 * verify checkpoint  &lt;checkpoint.json&gt; --key &lt;key&gt;
 * verify inclusion   &lt;proof.json&gt; --checkpoint &lt;checkpoint.json&gt; --key &lt;key&gt;
 * verify consistency &lt;proof.json&gt; --old &lt;checkpoint.json&gt; --new &lt;checkpoint.json&gt; --key &lt;key&gt;
 * verify log-export  &lt;leaves.ndjson&gt; --checkpoint &lt;checkpoint.json&gt; --key &lt;key&gt;
 * </pre>
 *
 * {@code <key>} is the JSON of {@code GET /api/log/key} or the public key's base64 alone. Exit 0
 * verified, 1 not verified, 2 unusable input.
 */
public final class LogVerifier {

    public static final Set<String> MODES = Set.of("checkpoint", "inclusion", "consistency", "log-export");

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private LogVerifier() {}

    /** The outcome of a check; {@code firstDivergentLeaf} says where an export stops matching. */
    public record Report(
            String check, boolean valid, Long size, String rootHash, Divergence firstDivergentLeaf, String detail) {}

    /**
     * Where an export stops matching its checkpoint.
     *
     * @param leafIndex the first leaf that differs, or null if the root differs but every leaf agrees
     *     with what the log appended (the log's own tables were rewritten too)
     * @param reason MISSING_RECORD, LEAF_OUT_OF_ORDER, UNREADABLE, HASH_MISMATCH, SEQUENCE_GAP,
     *     PREVIOUS_HASH_MISMATCH, LOGGED_HASH_MISMATCH, TOO_FEW_LEAVES or ROOT_MISMATCH
     */
    public record Divergence(
            Long leafIndex, String treatyId, Long sequence, String recordId, String reason, String detail) {}

    public static boolean handles(String mode) {
        return MODES.contains(mode);
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            Map<String, String> options = new HashMap<>();
            List<String> positional = new ArrayList<>();
            for (int i = 1; i < args.length; i++) {
                if (args[i].startsWith("--") && i + 1 < args.length) {
                    options.put(args[i].substring(2), args[++i]);
                } else {
                    positional.add(args[i]);
                }
            }
            if (positional.size() != 1 || !options.containsKey("key")) {
                return usage(err);
            }
            PublicKey key = readKey(Path.of(options.get("key")));
            Path input = Path.of(positional.get(0));
            Report report =
                    switch (args[0]) {
                        case "checkpoint" -> checkpoint(readTree(input), key);
                        case "inclusion" -> inclusion(readTree(input), readTree(required(options, "checkpoint")), key);
                        case "consistency" -> consistency(
                                readTree(input),
                                readTree(required(options, "old")),
                                readTree(required(options, "new")),
                                key);
                        case "log-export" -> export(input, readTree(required(options, "checkpoint")), key);
                        default -> null;
                    };
            if (report == null) {
                return usage(err);
            }
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report));
            return report.valid() ? 0 : 1;
        } catch (IOException | RuntimeException e) {
            err.println("Cannot verify: " + e.getMessage());
            return 2;
        }
    }

    private static int usage(PrintStream err) {
        err.println("usage: java -jar ledger-api.jar verify checkpoint <checkpoint.json> --key <key>");
        err.println(
                "       java -jar ledger-api.jar verify inclusion <proof.json> --checkpoint <checkpoint.json> --key <key>");
        err.println("       java -jar ledger-api.jar verify consistency <proof.json> --old <checkpoint.json>"
                + " --new <checkpoint.json> --key <key>");
        err.println(
                "       java -jar ledger-api.jar verify log-export <leaves.ndjson> --checkpoint <checkpoint.json> --key <key>");
        return 2;
    }

    private static Path required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return Path.of(value);
    }

    private static JsonNode readTree(Path file) throws IOException {
        return JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** A key file: the JSON of GET /api/log/key, or the raw public key in base64. */
    public static PublicKey readKey(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8).trim();
        if (text.startsWith("{")) {
            return LogKeys.publicKey(JSON.readTree(text).path("publicKey").asText());
        }
        return LogKeys.publicKey(text);
    }

    /** The checkpoint the signed note states, if the signature verifies; else null. */
    private static Checkpoint signed(JsonNode checkpoint, PublicKey key) {
        String note = checkpoint.path("note").asText(null);
        String signature = checkpoint.path("signature").asText(null);
        if (note == null || signature == null) {
            throw new IllegalArgumentException("A checkpoint has a 'note' and a 'signature'");
        }
        if (!LogKeys.verify(note.getBytes(StandardCharsets.UTF_8), signature, key)) {
            return null;
        }
        return Checkpoint.parse(note);
    }

    public static Report checkpoint(JsonNode checkpoint, PublicKey key) {
        Checkpoint note = signed(checkpoint, key);
        if (note == null) {
            return new Report("checkpoint", false, null, null, null, "The signature does not verify with this key.");
        }
        return new Report(
                "checkpoint", true, note.size(), note.rootHashHex(), null, "Signed by the key: " + note.origin());
    }

    public static Report inclusion(JsonNode proof, JsonNode checkpoint, PublicKey key) {
        Checkpoint note = signed(checkpoint, key);
        if (note == null) {
            return new Report("inclusion", false, null, null, null, "The checkpoint's signature does not verify.");
        }
        long size = proof.path("treeSize").asLong(-1);
        long index = proof.path("leafIndex").asLong(-1);
        if (size != note.size()) {
            return new Report(
                    "inclusion",
                    false,
                    note.size(),
                    note.rootHashHex(),
                    null,
                    "The proof is for a tree of " + size + " leaves, the checkpoint has " + note.size() + ".");
        }
        byte[] leaf = MerkleHash.leafOfChainHash(proof.path("chainHash").asText());
        boolean valid = MerkleProofs.verifyInclusion(index, size, leaf, hashes(proof.path("proof")), note.rootHash());
        return new Report(
                "inclusion",
                valid,
                note.size(),
                note.rootHashHex(),
                null,
                valid
                        ? "Record " + proof.path("recordId").asText() + " (chain hash "
                                + proof.path("chainHash").asText() + ") is leaf " + index + " of the checkpoint's tree."
                        : "The audit path does not lead from the record's leaf to the checkpoint's root.");
    }

    public static Report consistency(JsonNode proof, JsonNode older, JsonNode newer, PublicKey key) {
        Checkpoint first = signed(older, key);
        Checkpoint second = signed(newer, key);
        if (first == null || second == null) {
            return new Report(
                    "consistency",
                    false,
                    null,
                    null,
                    null,
                    "The signature of the " + (first == null ? "older" : "newer") + " checkpoint does not verify.");
        }
        if (proof.path("from").asLong(-1) != first.size() || proof.path("to").asLong(-1) != second.size()) {
            return new Report(
                    "consistency",
                    false,
                    second.size(),
                    second.rootHashHex(),
                    null,
                    "The proof is from " + proof.path("from").asLong() + " to "
                            + proof.path("to").asLong() + " leaves, the checkpoints have " + first.size() + " and "
                            + second.size() + ".");
        }
        boolean valid = first.size() >= 1
                && MerkleProofs.verifyConsistency(
                        first.size(), second.size(), hashes(proof.path("proof")), first.rootHash(), second.rootHash());
        return new Report(
                "consistency",
                valid,
                second.size(),
                second.rootHashHex(),
                null,
                valid
                        ? "The log of " + second.size() + " leaves extends the log of " + first.size()
                                + " leaves unchanged."
                        : "The newer checkpoint's log does not extend the older one's: a record it covered was changed,"
                                + " removed, moved or inserted.");
    }

    private static List<byte[]> hashes(JsonNode array) {
        List<byte[]> hashes = new ArrayList<>();
        for (JsonNode hash : array) {
            hashes.add(MerkleHash.parseHex(hash.asText()));
        }
        return hashes;
    }

    /** A whole export of the log's leaves ({@code GET /api/log/leaves}) against a checkpoint. */
    public static Report export(Path export, JsonNode checkpoint, PublicKey key) throws IOException {
        Checkpoint note = signed(checkpoint, key);
        if (note == null) {
            return new Report("log-export", false, null, null, null, "The checkpoint's signature does not verify.");
        }
        try (BufferedReader reader = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
            return export(reader.lines().filter(line -> !line.isBlank()).iterator(), note);
        }
    }

    /** The export's first {@code note.size()} leaves against the checkpoint (its signature already checked). */
    public static Report export(java.util.Iterator<String> lines, Checkpoint note) throws IOException {
        Frontier frontier = new Frontier();
        Map<String, String> heads = new HashMap<>();
        Map<String, Long> sequences = new HashMap<>();
        Divergence first = null;
        long position = 0;
        while (position < note.size() && lines.hasNext()) {
            JsonNode line = JSON.readTree(lines.next());
            Leaf leaf = leaf(line, position, heads, sequences);
            if (first == null && leaf.divergence() != null) {
                first = leaf.divergence();
            }
            frontier.append(MerkleHash.leafOfChainHash(leaf.hash()), (id, hash) -> {});
            position++;
        }
        if (position < note.size()) {
            Divergence missing = new Divergence(
                    position,
                    null,
                    null,
                    null,
                    "TOO_FEW_LEAVES",
                    "The export ends after " + position + " leaves; the checkpoint covers " + note.size() + ".");
            return new Report(
                    "log-export",
                    false,
                    note.size(),
                    note.rootHashHex(),
                    first == null ? missing : first,
                    missing.detail());
        }
        boolean rootMatches = java.util.Arrays.equals(frontier.root(), note.rootHash());
        if (rootMatches && first == null) {
            return new Report(
                    "log-export",
                    true,
                    note.size(),
                    note.rootHashHex(),
                    null,
                    "The first " + note.size() + " leaves of the export recompute the checkpoint's root.");
        }
        if (first == null) {
            first = new Divergence(
                    null,
                    null,
                    null,
                    null,
                    "ROOT_MISMATCH",
                    "Every record agrees with the leaf the log appended, but the root of these leaves is "
                            + MerkleHash.hex(frontier.root()) + ": the log's own tables were rewritten too.");
        }
        return new Report(
                "log-export",
                false,
                note.size(),
                note.rootHashHex(),
                first,
                "The export's root is " + MerkleHash.hex(frontier.root()) + "; the checkpoint's is "
                        + note.rootHashHex() + ".");
    }

    /** The hash a line contributes as its leaf, and why it differs from what the log appended, if it does. */
    private record Leaf(String hash, Divergence divergence) {}

    private static Leaf leaf(JsonNode line, long position, Map<String, String> heads, Map<String, Long> sequences) {
        String logged = line.path("loggedHash").asText(null);
        String treaty = line.path("treatyId").asText(null);
        Long sequence = line.hasNonNull("sequence") ? line.path("sequence").asLong() : null;
        String recordId = line.path("recordId").asText(null);
        if (line.path("leafIndex").asLong(-1) != position) {
            return new Leaf(
                    logged == null ? RecordChain.GENESIS : logged,
                    new Divergence(
                            position,
                            treaty,
                            sequence,
                            recordId,
                            "LEAF_OUT_OF_ORDER",
                            "Line " + (position + 1) + " is not leaf " + position + "."));
        }
        if (line.path("missing").asBoolean(false)) {
            // the record is gone from the event store: nothing recomputes this leaf
            return new Leaf(
                    RecordChain.GENESIS,
                    new Divergence(
                            position,
                            null,
                            null,
                            null,
                            "MISSING_RECORD",
                            "The event store no longer holds the record the log appended as leaf " + position
                                    + " (chain hash " + logged + ")."));
        }
        JsonNode metadata = line.path("metadata");
        String stored = text(metadata, RecordingMetadata.HASH);
        String previous = text(metadata, RecordingMetadata.PREVIOUS_HASH);
        String recomputed;
        try {
            TreatyEvent event = event(line);
            recomputed = RecordChain.hash(new ChainLink(
                    line.path("eventType").asText(),
                    text(line, "revision"),
                    treaty,
                    sequence,
                    event.legalDate(),
                    text(metadata, RecordingMetadata.RECORDED_AT),
                    text(metadata, RecordingMetadata.RECORDED_BY),
                    line.path("payload"),
                    previous == null ? RecordChain.GENESIS : previous));
        } catch (IOException | RuntimeException e) {
            return new Leaf(
                    RecordChain.GENESIS,
                    new Divergence(
                            position,
                            treaty,
                            sequence,
                            recordId,
                            "UNREADABLE",
                            "The record cannot be read: " + e.getMessage()));
        }
        Divergence divergence = null;
        long expectedSequence = sequences.getOrDefault(treaty, -1L) + 1;
        String head = heads.getOrDefault(treaty, RecordChain.GENESIS);
        if (!recomputed.equals(stored)) {
            divergence = new Divergence(
                    position,
                    treaty,
                    sequence,
                    recordId,
                    "HASH_MISMATCH",
                    "The record's content hashes to " + recomputed + ", its stored hash is " + stored + ".");
        } else if (sequence != expectedSequence) {
            divergence = new Divergence(
                    position,
                    treaty,
                    sequence,
                    recordId,
                    "SEQUENCE_GAP",
                    "Treaty " + treaty + "'s next record should have sequence " + expectedSequence + ".");
        } else if (!head.equals(previous)) {
            divergence = new Divergence(
                    position,
                    treaty,
                    sequence,
                    recordId,
                    "PREVIOUS_HASH_MISMATCH",
                    "The record follows " + previous + ", treaty " + treaty + "'s previous record is " + head + ".");
        } else if (!recomputed.equals(logged)) {
            divergence = new Divergence(
                    position,
                    treaty,
                    sequence,
                    recordId,
                    "LOGGED_HASH_MISMATCH",
                    "The record hashes to " + recomputed + ", the log appended " + logged + " as this leaf.");
        }
        heads.put(treaty, recomputed);
        sequences.put(treaty, sequence);
        return new Leaf(recomputed, divergence);
    }

    private static TreatyEvent event(JsonNode line) throws IOException {
        String type = line.path("eventType").asText();
        if (!type.matches("[A-Za-z]+Event")) {
            throw new IllegalArgumentException("Unknown event type '" + type + "'");
        }
        Class<?> eventClass;
        try {
            eventClass = Class.forName(OfflineVerifier.EVENT_PACKAGE + type);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("Unknown event type '" + type + "'", e);
        }
        Object event = JSON.treeToValue(line.path("payload"), eventClass);
        if (!(event instanceof TreatyEvent treatyEvent)) {
            throw new IllegalArgumentException("'" + type + "' is not an event of a treaty");
        }
        return treatyEvent;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }
}
