package org.ratification.ledger.api.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.RevisionResolver;
import org.ratification.ledger.api.config.AxonConfiguration;
import org.ratification.ledger.core.api.RecordType;
import org.ratification.ledger.core.api.RecordingMetadata;
import org.ratification.ledger.core.api.TreatyEvent;
import org.springframework.stereotype.Component;

/** Builds the envelope of an event message and writes it as JSON (ISO dates, stored field names). */
@Component
public class EventEnvelopes {

    private final ObjectMapper json = AxonConfiguration.storageObjectMapper();
    private final RevisionResolver revisions = new AnnotationRevisionResolver();

    public EventEnvelope envelope(EventMessage<?> message) {
        Object payload = message.getPayload();
        TreatyEvent treatyEvent = payload instanceof TreatyEvent e ? e : null;
        DomainEventMessage<?> domain = message instanceof DomainEventMessage<?> d ? d : null;
        Map<String, Object> metadata = new TreeMap<>(message.getMetaData());
        return new EventEnvelope(
                message.getIdentifier(),
                RecordType.nameOf(message.getPayloadType()),
                revisions.revisionOf(message.getPayloadType()),
                treatyEvent != null ? treatyEvent.treatyId() : domain != null ? domain.getAggregateIdentifier() : null,
                domain != null ? domain.getSequenceNumber() : -1,
                message instanceof TrackedEventMessage<?> tracked ? position(tracked.trackingToken()) : -1,
                treatyEvent != null ? treatyEvent.legalDate() : null,
                text(metadata.get(RecordingMetadata.RECORDED_AT)),
                text(metadata.get(RecordingMetadata.RECORDED_BY)),
                json.valueToTree(payload),
                metadata);
    }

    /** The envelope's public view as JSON (see {@link PublicEventEnvelope}). */
    public String toPublicJson(EventEnvelope envelope) {
        try {
            return json.writeValueAsString(PublicEventEnvelope.of(envelope));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String toJson(EventEnvelope envelope) {
        try {
            return json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The position of a tracking token in the store, or -1 for a token without one. */
    public static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
