package org.ratification.ledger.api.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedMetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.ratification.ledger.core.api.RecordingMetadata;
import org.ratification.ledger.core.api.TreatyEvent;
import org.ratification.ledger.core.chain.ChainLink;
import org.ratification.ledger.core.chain.ChainVerifier;
import org.ratification.ledger.core.chain.RecordChain;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads a treaty's records straight from the event store table, in sequence order, and feeds them
 * to the chain verifier one at a time (memory does not grow with the stream). Nothing here trusts
 * a read model or Axon's own event stream: the rows are what is checked.
 */
@Component
public class StoredChain {

    private static final ObjectMapper TREE = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    public StoredChain(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    public ChainVerifier.Verdict verify(String treatyId) {
        return verifying(treatyId, java.util.List.of()).verdict();
    }

    /** Verifies the treaty's chain, looking for these head hashes among its records (see {@link ChainVerifier#match}). */
    public ChainVerifier verifying(String treatyId, java.util.Collection<String> soughtHeads) {
        ChainVerifier verifier = new ChainVerifier(soughtHeads);
        jdbc.query(
                "SELECT sequence_number, payload_type, payload_revision, payload, meta_data"
                        + " FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number",
                rs -> {
                    verifier.accept(record(treatyId, rs));
                },
                treatyId);
        return verifier;
    }

    private ChainVerifier.StoredRecord record(String treatyId, ResultSet rs) throws SQLException {
        long sequence = rs.getLong("sequence_number");
        String payloadType = rs.getString("payload_type");
        String revision = rs.getString("payload_revision");
        byte[] payload = rs.getBytes("payload");
        byte[] metaData = rs.getBytes("meta_data");
        TreatyEvent event;
        MetaData meta;
        try {
            Object deserialized =
                    serializer.deserialize(new SimpleSerializedObject<>(payload, byte[].class, payloadType, revision));
            if (!(deserialized instanceof TreatyEvent treatyEvent)) {
                return ChainVerifier.StoredRecord.unreadable(
                        sequence, recordIdIn(payload), "The payload is not a treaty event: " + payloadType);
            }
            event = treatyEvent;
            meta = metaData == null
                    ? MetaData.emptyInstance()
                    : serializer.deserialize(new SerializedMetaData<>(metaData, byte[].class));
        } catch (RuntimeException e) {
            return ChainVerifier.StoredRecord.unreadable(
                    sequence, recordIdIn(payload), "The stored record cannot be read: " + e.getMessage());
        }
        ChainLink link = new ChainLink(
                RecordChain.typeOf(payloadType),
                revision,
                treatyId,
                sequence,
                event.legalDate(),
                text(meta, RecordingMetadata.RECORDED_AT),
                text(meta, RecordingMetadata.RECORDED_BY),
                RecordChain.payloadTree(event),
                null);
        return new ChainVerifier.StoredRecord(
                sequence,
                event.recordId(),
                link,
                text(meta, RecordingMetadata.HASH),
                text(meta, RecordingMetadata.PREVIOUS_HASH),
                null);
    }

    private static String text(MetaData meta, String key) {
        Object value = meta.get(key);
        return value == null ? null : value.toString();
    }

    /** The record id of a payload that cannot be deserialized, if its JSON still says it. */
    private static String recordIdIn(byte[] payload) {
        try {
            JsonNode tree = TREE.readTree(payload);
            return tree.hasNonNull("recordId") ? tree.get("recordId").asText() : null;
        } catch (Exception e) {
            return null;
        }
    }
}
