package org.ratification.ledger.projections.status;

import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The head of each treaty's chain: the hash of its latest record. Writes only move forward. */
@Repository
public class ChainHeads {

    private final JdbcTemplate jdbc;

    public ChainHeads(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** Records a record's hash as the head unless a later record is already the head (replays). */
    public void advance(String treatyId, long sequence, String hash) {
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
        return jdbc
                .queryForList("SELECT head_hash FROM status_chain_head WHERE treaty_id = ?", String.class, treatyId)
                .stream()
                .findFirst();
    }

    public void deleteAll() {
        jdbc.update("DELETE FROM status_chain_head");
    }
}
