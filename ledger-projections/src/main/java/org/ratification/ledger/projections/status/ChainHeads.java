package org.ratification.ledger.projections.status;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.ratification.ledger.projections.DatabaseProduct;
import org.ratification.ledger.projections.FoldWrites;
import org.ratification.ledger.projections.RecordingWrites;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The head of each treaty's chain: the hash of its latest record. Writes only move forward. */
@Repository
public class ChainHeads {

    /**
     * PostgreSQL's move of a head in one statement, sent with the recording's other read-model writes
     * ({@link RecordingWrites}): the row is inserted, or replaced unless a later record is already the head.
     */
    static final String UPSERT = "INSERT INTO status_chain_head (treaty_id, head_hash, head_sequence) VALUES (?, ?, ?)"
            + " ON CONFLICT (treaty_id) DO UPDATE SET head_hash = EXCLUDED.head_hash,"
            + " head_sequence = EXCLUDED.head_sequence WHERE status_chain_head.head_sequence <= EXCLUDED.head_sequence";

    private final JdbcTemplate jdbc;
    private final Runnable writeHeld = this::writeHeld;
    /** Whether a recording's head goes out with its other read-model writes (PostgreSQL). */
    private final boolean pipelined;

    private record Head(long sequence, String hash) {}

    public ChainHeads(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.pipelined = DatabaseProduct.isPostgreSql(dataSource);
    }

    /**
     * Records a record's hash as the head unless a later record is already the head (replays). During
     * a fold only the treaty's latest head is written, once ({@link FoldWrites}).
     */
    public void advance(String treatyId, long sequence, String hash) {
        // during a fold: each treaty's latest head, written when the fold's writes are sent
        Map<String, Head> held = FoldWrites.state(this, LinkedHashMap::new);
        if (held != null && FoldWrites.deferring(writeHeld)) {
            held.merge(treatyId, new Head(sequence, hash), (a, b) -> b.sequence() >= a.sequence() ? b : a);
            return;
        }
        if (RecordingWrites.add(jdbc, pipelined, UPSERT, new Object[] {treatyId, hash, sequence})) {
            return;
        }
        write(treatyId, sequence, hash);
    }

    private void writeHeld() {
        Map<String, Head> heads = FoldWrites.state(this, LinkedHashMap::new);
        heads.forEach((treaty, head) -> write(treaty, head.sequence(), head.hash()));
        heads.clear();
    }

    private void write(String treatyId, long sequence, String hash) {
        int updated = jdbc.update(
                "UPDATE status_chain_head SET head_hash = ?, head_sequence = ? WHERE treaty_id = ? AND head_sequence <= ?",
                hash,
                sequence,
                treatyId,
                sequence);
        if (updated == 0) {
            jdbc.update(
                    "INSERT INTO status_chain_head (treaty_id, head_hash, head_sequence) SELECT ?, ?, ?"
                            + " WHERE NOT EXISTS (SELECT 1 FROM status_chain_head WHERE treaty_id = ?)",
                    treatyId,
                    hash,
                    sequence,
                    treatyId);
        }
    }

    public Optional<String> headHash(String treatyId) {
        FoldWrites.flush();
        return jdbc
                .queryForList("SELECT head_hash FROM status_chain_head WHERE treaty_id = ?", String.class, treatyId)
                .stream()
                .findFirst();
    }

    public void deleteAll() {
        FoldWrites.flush();
        jdbc.update("DELETE FROM status_chain_head");
    }
}
