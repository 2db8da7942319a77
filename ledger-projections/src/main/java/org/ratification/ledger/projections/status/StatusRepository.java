package org.ratification.ledger.projections.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.ratification.ledger.core.api.AdoptionMethod;
import org.ratification.ledger.core.api.CommunicationKind;
import org.ratification.ledger.core.api.DenunciationClause;
import org.ratification.ledger.core.api.EntryIntoForceClause;
import org.ratification.ledger.core.api.InstrumentType;
import org.ratification.ledger.core.api.Irregularity;
import org.ratification.ledger.core.api.SignatureClause;
import org.ratification.ledger.core.api.TreatyDefinition;
import org.ratification.ledger.core.rules.Action;
import org.ratification.ledger.core.rules.ActionKind;
import org.ratification.ledger.projections.DatabaseProduct;
import org.ratification.ledger.projections.FoldWrites;
import org.ratification.ledger.projections.RecordingWrites;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The tables of the status read model. Writes are idempotent so that replays are safe. */
@Repository
public class StatusRepository {

    private static final TypeReference<List<String>> TEXTS = new TypeReference<>() {};
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The version of a treaty without a chain head. */
    public static final long NO_VERSION = -1;

    private static final String VERSIONS_FROM =
            " FROM status_treaty t LEFT JOIN status_chain_head h ON h.treaty_id = t.treaty_id";
    private static final String VERSION_COLUMNS = " h.head_sequence, h.head_hash";
    private static final String VERSIONS = "SELECT" + VERSION_COLUMNS + VERSIONS_FROM;

    private static final List<String> ACTION_COLUMNS = List.of(
            "record_id",
            "treaty_id",
            "position",
            "kind",
            "participant",
            "legal_date",
            "instrument_type",
            "place",
            "declarations",
            "reservations",
            "communication_kind",
            "text",
            "refers_to",
            "effective_on",
            "retracted",
            "territories",
            "predecessor",
            "bound_from",
            "amendment_id",
            "adoption_method",
            "irregularity_code",
            "irregularity_note");
    private static final String INSERT_ACTION = "INSERT INTO status_record (" + String.join(", ", ACTION_COLUMNS)
            + ") VALUES (" + String.join(",", Collections.nCopies(ACTION_COLUMNS.size(), "?")) + ")";

    private final JdbcTemplate jdbc;
    /** The database's own insert-or-replace of an action row, or null: delete, then insert. */
    private final String saveAction;
    /** Whether a recording's rows go out with its other read-model writes ({@link RecordingWrites}). */
    private final boolean pipelined;

    public StatusRepository(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        String product = DatabaseProduct.of(dataSource);
        this.saveAction = upsert(product);
        this.pipelined = "PostgreSQL".equals(product);
    }

    /** H2's MERGE … KEY and PostgreSQL's ON CONFLICT replace a row in one statement. */
    static String upsert(String databaseProduct) {
        if ("H2".equals(databaseProduct)) {
            return INSERT_ACTION
                    .replaceFirst("^INSERT INTO status_record", "MERGE INTO status_record")
                    .replace(") VALUES (", ") KEY (record_id) VALUES (");
        }
        if ("PostgreSQL".equals(databaseProduct)) {
            return INSERT_ACTION + " ON CONFLICT (record_id) DO UPDATE SET "
                    + String.join(
                            ", ",
                            ACTION_COLUMNS.stream()
                                    .skip(1)
                                    .map(c -> c + " = EXCLUDED." + c)
                                    .toList());
        }
        return null;
    }

    public void saveTreaty(TreatyDefinition d) {
        FoldWrites.flush();
        jdbc.update("DELETE FROM status_treaty WHERE treaty_id = ?", d.id());
        var eif = d.entryIntoForce();
        jdbc.update(
                "INSERT INTO status_treaty (treaty_id, reference, title, adopted_on, signature_opens_on,"
                        + " signature_closes_on, instruments_required, days_after_threshold, days_after_later,"
                        + " reio_instruments_count, denunciation_months, definition_json)"
                        + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                d.id(),
                d.reference(),
                d.title(),
                sqlDate(d.adoptedOn()),
                sqlDate(d.signature().opensOn()),
                sqlDate(d.signature().closesOn()),
                eif.instrumentsRequired(),
                eif.daysAfterThreshold(),
                eif.daysAfterLaterInstrument(),
                eif.reioInstrumentsCount(),
                d.denunciation().takesEffectAfterMonths(),
                write(d));
    }

    /**
     * Writes an action record, replacing the one a replay may already have written: one statement
     * (held for a batch during a fold, {@link FoldWrites}).
     */
    public void saveAction(String treatyId, long position, Action a) {
        Object[] row = {
            a.recordId(),
            treatyId,
            position,
            a.kind().name(),
            a.participant(),
            sqlDate(a.date()),
            a.instrumentType() == null ? null : a.instrumentType().name(),
            a.place(),
            json(a.declarations()),
            json(a.reservations()),
            a.communicationKind() == null ? null : a.communicationKind().name(),
            a.text(),
            a.refersTo(),
            sqlDate(a.effectiveOn()),
            a.retracted(),
            json(a.territories()),
            a.predecessor(),
            sqlDate(a.boundFrom()),
            a.amendmentId(),
            a.adoptionMethod() == null ? null : a.adoptionMethod().name(),
            a.irregularity() == null ? null : a.irregularity().code(),
            a.irregularity() == null ? null : a.irregularity().note()
        };
        if (saveAction == null) {
            FoldWrites.flush();
            jdbc.update("DELETE FROM status_record WHERE record_id = ?", a.recordId());
            jdbc.update(INSERT_ACTION, row);
        } else if (!FoldWrites.add(saveAction, row) && !RecordingWrites.add(jdbc, pipelined, saveAction, row)) {
            jdbc.update(saveAction, row);
        }
    }

    public void correct(
            String recordId, String participant, LocalDate date, InstrumentType type, LocalDate effectiveOn) {
        FoldWrites.flush();
        jdbc.update(
                "UPDATE status_record SET participant = ?, legal_date = ?, instrument_type = ?, effective_on = ?"
                        + " WHERE record_id = ?",
                participant,
                sqlDate(date),
                type == null ? null : type.name(),
                sqlDate(effectiveOn),
                recordId);
    }

    public void retract(String recordId) {
        FoldWrites.flush();
        jdbc.update("UPDATE status_record SET retracted = TRUE WHERE record_id = ?", recordId);
    }

    public void deleteAll() {
        FoldWrites.flush();
        jdbc.update("DELETE FROM status_record");
        jdbc.update("DELETE FROM status_treaty");
    }

    public Optional<TreatyDefinition> treaty(String treatyId) {
        FoldWrites.flush();
        return jdbc
                .query("SELECT * FROM status_treaty WHERE treaty_id = ?", StatusRepository::definition, treatyId)
                .stream()
                .findFirst();
    }

    /**
     * A treaty's version: the sequence number of its chain head, written by the same processing
     * group in the same transaction as its rows ({@link #NO_VERSION} if it has no head), with the
     * head's hash (null without a head), both from one row.
     */
    public record Version(long sequence, String headHash) {}

    /** A treaty's {@link Version}; empty if the treaty is unknown. One indexed read. */
    public Optional<Version> version(String treatyId) {
        FoldWrites.flush();
        return jdbc.query(VERSIONS + " WHERE t.treaty_id = ?", StatusRepository::version, treatyId).stream()
                .findFirst();
    }

    /** Every treaty's {@link #version}, by treaty id. */
    public Map<String, Version> versions() {
        FoldWrites.flush();
        Map<String, Version> versions = new LinkedHashMap<>();
        jdbc.query("SELECT t.treaty_id," + VERSION_COLUMNS + VERSIONS_FROM + " ORDER BY t.treaty_id", rs -> {
            versions.put(rs.getString(1), version(rs, 0));
        });
        return versions;
    }

    private static Version version(ResultSet rs, int row) throws SQLException {
        long sequence = rs.getLong("head_sequence");
        return rs.wasNull() ? new Version(NO_VERSION, null) : new Version(sequence, rs.getString("head_hash"));
    }

    public Optional<Action> action(String recordId) {
        FoldWrites.flush();
        return jdbc
                .query("SELECT * FROM status_record WHERE record_id = ?", StatusRepository::action, recordId)
                .stream()
                .findFirst();
    }

    /** A treaty's action records in recording order. */
    public List<Action> actions(String treatyId) {
        FoldWrites.flush();
        return jdbc.query(
                "SELECT * FROM status_record WHERE treaty_id = ? ORDER BY position",
                StatusRepository::action,
                treatyId);
    }

    private static TreatyDefinition definition(ResultSet rs, int row) throws SQLException {
        String json = rs.getString("definition_json");
        if (json != null) {
            try {
                return JSON.readValue(json, TreatyDefinition.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Unreadable definition of treaty " + rs.getString("treaty_id"), e);
            }
        }
        return new TreatyDefinition(
                rs.getString("treaty_id"),
                rs.getString("reference"),
                rs.getString("title"),
                localDate(rs, "adopted_on"),
                new SignatureClause(localDate(rs, "signature_opens_on"), localDate(rs, "signature_closes_on")),
                new EntryIntoForceClause(
                        rs.getInt("instruments_required"),
                        rs.getInt("days_after_threshold"),
                        rs.getInt("days_after_later"),
                        rs.getBoolean("reio_instruments_count")),
                new DenunciationClause(rs.getInt("denunciation_months")));
    }

    private static Action action(ResultSet rs, int row) throws SQLException {
        String type = rs.getString("instrument_type");
        String communication = rs.getString("communication_kind");
        return new Action(
                rs.getString("record_id"),
                ActionKind.valueOf(rs.getString("kind")),
                rs.getString("participant"),
                localDate(rs, "legal_date"),
                type == null ? null : InstrumentType.valueOf(type),
                rs.getString("place"),
                texts(rs.getString("declarations")),
                texts(rs.getString("reservations")),
                communication == null ? null : CommunicationKind.valueOf(communication),
                rs.getString("text"),
                rs.getString("refers_to"),
                localDate(rs, "effective_on"),
                rs.getBoolean("retracted"),
                texts(rs.getString("territories")),
                rs.getString("predecessor"),
                localDate(rs, "bound_from"),
                rs.getString("amendment_id"),
                rs.getString("adoption_method") == null
                        ? null
                        : AdoptionMethod.valueOf(rs.getString("adoption_method")),
                rs.getString("irregularity_code") == null
                        ? null
                        : new Irregularity(rs.getString("irregularity_code"), rs.getString("irregularity_note")));
    }

    private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    private static Date sqlDate(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    private static String json(List<String> texts) {
        try {
            return texts.isEmpty() ? null : JSON.writeValueAsString(texts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> texts(String json) {
        try {
            return json == null ? List.of() : JSON.readValue(json, TEXTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable texts in status_record: " + json, e);
        }
    }
}
