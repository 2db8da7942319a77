package org.ratification.ledger.core.log;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;

/**
 * A checkpoint of the log: its size, the Merkle Tree Hash of that many leaves and when the ledger
 * made it. Signed as its {@linkplain #note() note}, four lines each ending with a line feed:
 *
 * <pre>
 * &lt;origin&gt;
 * &lt;size, decimal&gt;
 * &lt;root hash, standard base64 with padding&gt;
 * &lt;timestamp, ISO-8601 UTC instant, millisecond precision at most&gt;
 * </pre>
 *
 * (the first three lines are those of a C2SP checkpoint; the timestamp is the fourth).
 */
public record Checkpoint(String origin, long size, byte[] rootHash, Instant timestamp) {

    public Checkpoint {
        if (origin == null || origin.isBlank() || origin.contains("\n")) {
            throw new IllegalArgumentException("A checkpoint's origin is one non-blank line");
        }
        if (size < 0) {
            throw new IllegalArgumentException("A checkpoint's size is not negative");
        }
        if (rootHash == null || rootHash.length != MerkleHash.SIZE) {
            throw new IllegalArgumentException("A checkpoint's root hash is 32 bytes");
        }
        rootHash = rootHash.clone();
        timestamp = timestamp.truncatedTo(ChronoUnit.MILLIS);
    }

    /** The signed text. */
    public String note() {
        return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n" + timestamp + "\n";
    }

    public byte[] noteBytes() {
        return note().getBytes(StandardCharsets.UTF_8);
    }

    public String rootHashHex() {
        return MerkleHash.hex(rootHash);
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    /** Reads a note; rejects anything that {@link #note()} would not have written exactly. */
    public static Checkpoint parse(String note) {
        if (note == null || !note.endsWith("\n")) {
            throw new IllegalArgumentException("A checkpoint note is four lines, each ending with a line feed");
        }
        String[] lines = note.substring(0, note.length() - 1).split("\n", -1);
        if (lines.length != 4) {
            throw new IllegalArgumentException("A checkpoint note is four lines, not " + lines.length);
        }
        try {
            if (!lines[1].matches("0|[1-9][0-9]{0,18}")) {
                throw new IllegalArgumentException("The size line is not a decimal number: " + lines[1]);
            }
            Checkpoint checkpoint = new Checkpoint(
                    lines[0], Long.parseLong(lines[1]), Base64.getDecoder().decode(lines[2]), Instant.parse(lines[3]));
            if (!checkpoint.note().equals(note)) {
                throw new IllegalArgumentException("The note is not in its canonical form");
            }
            return checkpoint;
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("Not a checkpoint note: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint that
                && origin.equals(that.origin)
                && size == that.size
                && Arrays.equals(rootHash, that.rootHash)
                && timestamp.equals(that.timestamp);
    }

    @Override
    public int hashCode() {
        return note().hashCode();
    }

    @Override
    public String toString() {
        return note();
    }
}
