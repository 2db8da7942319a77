package org.ratification.ledger.projections.history;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.ratification.ledger.projections.DatabaseProduct;
import org.ratification.ledger.projections.EventJson;
import org.ratification.ledger.projections.FoldWrites;
import org.ratification.ledger.projections.RecordingWrites;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The table {@code history_record}: one row per event, keyed by treaty and sequence number (the
 * event's unique place in the store), so two events can never overwrite each other's row.
 */
@Repository
public class HistoryRepository {

    private static final TypeReference<Map<String, String>> TEXTS = new TypeReference<>() {};

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    /** Whether a recording's row goes out with its other read-model writes ({@link RecordingWrites}). */
    private final boolean pipelined;

    public HistoryRepository(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.pipelined = DatabaseProduct.isPostgreSql(dataSource);
    }

    /** A row to write: the record without its derived {@code correctedBy}, and its recording instant. */
    record Row(HistoryRecord record, Long recordedNanos) {}

    private static final String INSERT = "INSERT INTO history_record (record_id, treaty_id, sequence_number,"
            + " global_position, record_type, event_type, revision, participant, legal_date, recorded_at,"
            + " recorded_nanos, recorded_by, corrects_record_id, refers_to, reason, payload, metadata)"
            + " VALUES (?,?,?,%s,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    /** The global index of the event just appended in this transaction, read from its row. */
    private static final String APPENDED_INDEX =
            "(SELECT global_index FROM domain_event_entry" + " WHERE aggregate_identifier = ? AND sequence_number = ?)";

    void save(Row row) {
        HistoryRecord r = row.record();
        List<Object> values = new ArrayList<>();
        values.add(r.recordId());
        values.add(r.treatyId());
        values.add(r.sequence());
        if (r.globalPosition() == null) {
            values.add(r.treatyId());
            values.add(r.sequence());
        } else {
            values.add(r.globalPosition());
        }
        values.add(r.type());
        values.add(r.eventType());
        values.add(r.revision());
        values.add(r.participant());
        values.add(r.legalDate() == null ? null : Date.valueOf(r.legalDate()));
        values.add(r.recordedAt());
        values.add(row.recordedNanos());
        values.add(r.recordedBy());
        values.add(r.correctsRecordId());
        values.add(r.refersTo());
        values.add(r.reason());
        values.add(EventJson.write(r.payload()));
        values.add(EventJson.write(r.metadata()));
        String sql = INSERT.formatted(r.globalPosition() == null ? APPENDED_INDEX : "?");
        Object[] args = values.toArray();
        if (!FoldWrites.add(sql, args) && !RecordingWrites.add(jdbc, pipelined, sql, args)) {
            jdbc.update(sql, args);
        }
    }

    void deleteAll() {
        FoldWrites.flush();
        jdbc.update("DELETE FROM history_record");
    }

    public boolean hasTreaty(String treatyId) {
        FoldWrites.flush();
        Integer n =
                jdbc.queryForObject("SELECT COUNT(*) FROM history_record WHERE treaty_id = ?", Integer.class, treatyId);
        return n != null && n > 0;
    }

    public long count(String treatyId, HistoryFilter filter) {
        FoldWrites.flush();
        MapSqlParameterSource params = new MapSqlParameterSource();
        Long n = named.queryForObject(
                "SELECT COUNT(*) FROM history_record WHERE " + where(treatyId, filter, params), params, Long.class);
        return n == null ? 0 : n;
    }

    public List<HistoryRecord> page(String treatyId, HistoryFilter filter, int page, int size) {
        FoldWrites.flush();
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = where(treatyId, filter, params);
        params.addValue("limit", size).addValue("offset", (long) page * size);
        List<HistoryRecord> records = named.query(
                "SELECT * FROM history_record WHERE " + where
                        + " ORDER BY sequence_number OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY",
                params,
                HistoryRepository::record);
        return withCorrections(records);
    }

    /** The record at a sequence of a treaty's chain, with its corrections and retractions. */
    public Optional<HistoryRecord> at(String treatyId, long sequence) {
        return withCorrections(jdbc.query(
                        "SELECT * FROM history_record WHERE treaty_id = ? AND sequence_number = ?",
                        HistoryRepository::record,
                        treatyId,
                        sequence))
                .stream()
                .findFirst();
    }

    /** Every record of a treaty in chain order, one at a time, without holding them all. */
    public void each(String treatyId, Consumer<HistoryRecord> consumer) {
        FoldWrites.flush();
        jdbc.query(
                con -> {
                    var statement = con.prepareStatement(
                            "SELECT * FROM history_record WHERE treaty_id = ? ORDER BY sequence_number");
                    statement.setString(1, treatyId);
                    statement.setFetchSize(200);
                    return statement;
                },
                rs -> {
                    consumer.accept(record(rs, 0));
                });
    }

    /** The records of a page with the ids of the corrections and retractions of each. */
    private List<HistoryRecord> withCorrections(List<HistoryRecord> records) {
        if (records.isEmpty()) {
            return records;
        }
        Map<String, List<String>> correctedBy =
                correctedBy(records.stream().map(HistoryRecord::recordId).toList());
        List<HistoryRecord> result = new ArrayList<>(records.size());
        for (HistoryRecord r : records) {
            result.add(r.withCorrectedBy(correctedBy.getOrDefault(r.recordId(), List.of())));
        }
        return result;
    }

    Map<String, List<String>> correctedBy(Collection<String> recordIds) {
        FoldWrites.flush();
        Map<String, List<String>> byTarget = new LinkedHashMap<>();
        named.query(
                "SELECT corrects_record_id, record_id FROM history_record WHERE corrects_record_id IN (:ids)"
                        + " ORDER BY sequence_number",
                new MapSqlParameterSource("ids", recordIds),
                rs -> {
                    byTarget.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(rs.getString(2));
                });
        return byTarget;
    }

    private static String where(String treatyId, HistoryFilter filter, MapSqlParameterSource params) {
        StringBuilder where = new StringBuilder("treaty_id = :treaty");
        params.addValue("treaty", treatyId);
        if (filter.participant() != null) {
            where.append(" AND participant = :participant");
            params.addValue("participant", filter.participant());
        }
        if (filter.recordedFrom() != null) {
            where.append(" AND recorded_nanos >= :from");
            params.addValue("from", EventJson.nanos(filter.recordedFrom()));
        }
        if (filter.recordedTo() != null) {
            where.append(" AND recorded_nanos <= :to");
            params.addValue("to", EventJson.nanos(filter.recordedTo()));
        }
        return where.toString();
    }

    private static HistoryRecord record(ResultSet rs, int row) throws SQLException {
        Date legalDate = rs.getDate("legal_date");
        long global = rs.getLong("global_position");
        Long globalPosition = rs.wasNull() ? null : global;
        JsonNode payload = EventJson.tree(rs.getString("payload"));
        Map<String, String> metadata;
        try {
            metadata = EventJson.mapper().readValue(rs.getString("metadata"), TEXTS);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Unreadable metadata in history_record", e);
        }
        LocalDate legal = legalDate == null ? null : legalDate.toLocalDate();
        return new HistoryRecord(
                rs.getString("record_id"),
                rs.getString("treaty_id"),
                rs.getString("record_type"),
                rs.getString("event_type"),
                rs.getString("revision"),
                rs.getString("participant"),
                legal,
                rs.getString("recorded_at"),
                rs.getString("recorded_by"),
                rs.getLong("sequence_number"),
                globalPosition,
                rs.getString("corrects_record_id"),
                List.of(),
                rs.getString("refers_to"),
                rs.getString("reason"),
                payload,
                metadata);
    }
}
