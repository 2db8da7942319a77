package org.ratification.ledger.core.chain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.axonframework.serialization.Revision;
import org.ratification.ledger.core.api.RecordingMetadata;
import org.ratification.ledger.core.api.TreatyEvent;

/**
 * The hash chain of a treaty's records (specified in docs/CHAIN.md). Each record's hash is the
 * SHA-256 of the UTF-8 bytes of its canonical form, which includes the previous record's hash; the
 * first record's previous hash is {@link #GENESIS}. The payload tree is built with a mapper of this
 * class's own, so the hash never depends on how the service's storage serializer is configured.
 */
public final class RecordChain {

    /** The previous hash of a treaty's first record: 64 zeros. */
    public static final String GENESIS = "0".repeat(64);

    /** Fixed: ISO dates, enums by name, every field written (nulls too). Key order is the writer's. */
    private static final JsonMapper PAYLOAD_MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(JsonInclude.Include.ALWAYS)
            .build();

    private RecordChain() {}

    /** The link of a new record, from the event as the aggregate decides it. */
    public static ChainLink link(
            TreatyEvent event, long sequence, String recordedAt, String recordedBy, String previousHash) {
        return new ChainLink(
                typeOf(event.getClass()),
                revisionOf(event.getClass()),
                event.treatyId(),
                sequence,
                event.legalDate(),
                recordedAt,
                recordedBy,
                payloadTree(event),
                previousHash);
    }

    /** The canonical text of a link (what is hashed). */
    public static String canonicalForm(ChainLink link) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("type", link.type());
        node.put("revision", link.revision());
        node.put("treaty", link.treaty());
        node.put("sequence", link.sequence());
        node.put("legalDate", link.legalDate() == null ? null : link.legalDate().toString());
        node.put(RecordingMetadata.RECORDED_AT, link.recordedAt());
        node.put(RecordingMetadata.RECORDED_BY, link.recordedBy());
        node.set("payload", link.payload() == null ? JsonNodeFactory.instance.nullNode() : link.payload());
        node.put(RecordingMetadata.PREVIOUS_HASH, link.previousHash());
        return CanonicalJson.write(node);
    }

    /** The record's hash: lowercase hex SHA-256 of the UTF-8 bytes of its canonical form. */
    public static String hash(ChainLink link) {
        return sha256(canonicalForm(link));
    }

    /** An event's payload as the tree the hash covers. */
    public static JsonNode payloadTree(Object payload) {
        return PAYLOAD_MAPPER.valueToTree(payload);
    }

    /** The type a record's hash names: the event class's simple name. */
    public static String typeOf(Class<?> eventClass) {
        return eventClass.getSimpleName();
    }

    /** The type named by a stored payload type (a fully qualified class name). */
    public static String typeOf(String payloadType) {
        return payloadType == null ? null : payloadType.substring(payloadType.lastIndexOf('.') + 1);
    }

    /** The event class's {@code @Revision}, or null. */
    public static String revisionOf(Class<?> eventClass) {
        Revision revision = eventClass.getAnnotation(Revision.class);
        return revision == null ? null : revision.value();
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
