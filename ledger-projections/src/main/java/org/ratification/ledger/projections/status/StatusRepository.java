package org.ratification.ledger.projections.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.ratification.ledger.core.api.AdoptionMethod;
import org.ratification.ledger.core.api.CommunicationKind;
import org.ratification.ledger.core.api.DenunciationClause;
import org.ratification.ledger.core.api.EntryIntoForceClause;
import org.ratification.ledger.core.api.InstrumentType;
import org.ratification.ledger.core.api.SignatureClause;
import org.ratification.ledger.core.api.TreatyDefinition;
import org.ratification.ledger.core.rules.Action;
import org.ratification.ledger.core.rules.ActionKind;
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

    private final JdbcTemplate jdbc;

    public StatusRepository(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public void saveTreaty(TreatyDefinition d) {
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

    /** Inserts an action record unless a replay already did. */
    public void saveAction(String treatyId, long position, Action a) {
        jdbc.update("DELETE FROM status_record WHERE record_id = ?", a.recordId());
        jdbc.update(
                "INSERT INTO status_record (record_id, treaty_id, position, kind, participant, legal_date,"
                        + " instrument_type, place, declarations, reservations, communication_kind, text, refers_to,"
                        + " effective_on, retracted, territories, predecessor, bound_from, amendment_id, adoption_method)"
                        + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
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
                a.adoptionMethod() == null ? null : a.adoptionMethod().name());
    }

    public void correct(
            String recordId, String participant, LocalDate date, InstrumentType type, LocalDate effectiveOn) {
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
        jdbc.update("UPDATE status_record SET retracted = TRUE WHERE record_id = ?", recordId);
    }

    public void deleteAll() {
        jdbc.update("DELETE FROM status_record");
        jdbc.update("DELETE FROM status_treaty");
    }

    public boolean hasRecord(String recordId) {
        Integer n =
                jdbc.queryForObject("SELECT COUNT(*) FROM status_record WHERE record_id = ?", Integer.class, recordId);
        return n != null && n > 0;
    }

    public Optional<TreatyDefinition> treaty(String treatyId) {
        return jdbc
                .query("SELECT * FROM status_treaty WHERE treaty_id = ?", StatusRepository::definition, treatyId)
                .stream()
                .findFirst();
    }

    public List<TreatyDefinition> treaties() {
        return jdbc.query("SELECT * FROM status_treaty ORDER BY treaty_id", StatusRepository::definition);
    }

    public Optional<Action> action(String recordId) {
        return jdbc
                .query("SELECT * FROM status_record WHERE record_id = ?", StatusRepository::action, recordId)
                .stream()
                .findFirst();
    }

    /** A treaty's action records in recording order. */
    public List<Action> actions(String treatyId) {
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
                        : AdoptionMethod.valueOf(rs.getString("adoption_method")));
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
