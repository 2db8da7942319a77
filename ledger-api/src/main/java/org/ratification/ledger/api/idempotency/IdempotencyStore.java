package org.ratification.ledger.api.idempotency;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The idempotency_key table. A key is each principal's own (the primary key is principal and key):
 * it is claimed by inserting its row (the primary key lets exactly one request win), completed with
 * the response, or released if the request recorded nothing. Each statement commits on its own,
 * outside the write's transaction.
 */
@Repository
class IdempotencyStore {

    /** A key's row; {@code status} is null while the first request is still running. */
    record Entry(
            String key,
            String requestHash,
            String recordId,
            Integer status,
            String responseBody,
            String location,
            Instant createdAt) {

        boolean completed() {
            return status != null;
        }
    }

    private final JdbcTemplate jdbc;

    IdempotencyStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** True if this request now owns the key; false if the key is already known. */
    boolean claim(String key, String requestHash, String principal, String recordId, Instant now) {
        try {
            jdbc.update(
                    "INSERT INTO idempotency_key (request_key, request_hash, principal, record_id, created_at)"
                            + " VALUES (?, ?, ?, ?, ?)",
                    key,
                    requestHash,
                    principal,
                    recordId,
                    Timestamp.from(now));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** Takes over a key whose first request never completed (it was claimed before {@code staleBefore}). */
    boolean takeOver(String principal, String key, Instant claimedAt, Instant now) {
        return jdbc.update(
                        "UPDATE idempotency_key SET created_at = ? WHERE principal = ? AND request_key = ?"
                                + " AND status IS NULL AND created_at = ?",
                        Timestamp.from(now),
                        principal,
                        key,
                        Timestamp.from(claimedAt))
                == 1;
    }

    Optional<Entry> find(String principal, String key) {
        return jdbc
                .query(
                        "SELECT request_key, request_hash, record_id, status, response_body, location, created_at"
                                + " FROM idempotency_key WHERE principal = ? AND request_key = ?",
                        (rs, row) -> new Entry(
                                rs.getString("request_key"),
                                rs.getString("request_hash"),
                                rs.getString("record_id"),
                                (Integer) rs.getObject("status", Integer.class),
                                rs.getString("response_body"),
                                rs.getString("location"),
                                rs.getTimestamp("created_at").toInstant()),
                        principal,
                        key)
                .stream()
                .findFirst();
    }

    void complete(String principal, String key, int status, String body, String location, Instant now) {
        jdbc.update(
                "UPDATE idempotency_key SET status = ?, response_body = ?, location = ?, completed_at = ?"
                        + " WHERE principal = ? AND request_key = ?",
                status,
                body,
                location,
                Timestamp.from(now),
                principal,
                key);
    }

    void release(String principal, String key) {
        jdbc.update(
                "DELETE FROM idempotency_key WHERE principal = ? AND request_key = ? AND status IS NULL",
                principal,
                key);
    }

    int deleteCompletedBefore(Instant before) {
        return jdbc.update(
                "DELETE FROM idempotency_key WHERE status IS NOT NULL AND completed_at < ?", Timestamp.from(before));
    }
}
