package org.ratification.ledger.api.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ratification.ledger.core.api.CommunicationKind;
import org.ratification.ledger.core.api.CommunicationReceivedEvent;
import org.ratification.ledger.core.api.ConventionSignedEvent;
import org.ratification.ledger.core.api.DenunciationClause;
import org.ratification.ledger.core.api.DenunciationNotifiedEvent;
import org.ratification.ledger.core.api.EntryIntoForceClause;
import org.ratification.ledger.core.api.InstrumentDepositedEvent;
import org.ratification.ledger.core.api.InstrumentType;
import org.ratification.ledger.core.api.RecordCorrectedEvent;
import org.ratification.ledger.core.api.RecordRetractedEvent;
import org.ratification.ledger.core.api.SignatureClause;
import org.ratification.ledger.core.api.TreatyDefinition;
import org.ratification.ledger.core.api.TreatyRegisteredEvent;

/** The envelope of every event type matches the repository's schema, and the schema has teeth. */
class EnvelopeSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final EventEnvelopes envelopes = new EventEnvelopes();

    static Stream<Object> everyEventType() {
        LocalDate day = LocalDate.of(2026, 1, 10);
        return Stream.of(
                new TreatyRegisteredEvent(
                        "t",
                        "r0",
                        new TreatyDefinition(
                                "t",
                                "XVIII-16",
                                "A convention",
                                LocalDate.of(2024, 12, 24),
                                new SignatureClause(LocalDate.of(2025, 10, 25), LocalDate.of(2026, 12, 31)),
                                new EntryIntoForceClause(40, 90, 30, false),
                                new DenunciationClause(12))),
                new ConventionSignedEvent("t", "r1", "FRA", day, null),
                new ConventionSignedEvent("t", "r1", "VNM", day, "Hanoi"),
                new ConventionSignedEvent(
                        "t",
                        "r1",
                        "MNE",
                        day,
                        null,
                        "SCG",
                        new org.ratification.ledger.core.api.Irregularity("SIGNATURE_PERIOD_CLOSED", "Late.")),
                new InstrumentDepositedEvent(
                        "t",
                        "r2",
                        "FRA",
                        InstrumentType.ACCESSION,
                        day,
                        List.of(),
                        List.of(),
                        null,
                        null,
                        new org.ratification.ledger.core.api.Irregularity("SIGNATORY_MUST_RATIFY", "Signed first.")),
                new InstrumentDepositedEvent(
                        "t", "r2", "EU", InstrumentType.APPROVAL, day, List.of("Competence: ..."), List.of()),
                new DenunciationNotifiedEvent("t", "r3", "FRA", day, day.plusYears(1)),
                new CommunicationReceivedEvent(
                        "t", "r4", "DEU", CommunicationKind.OBJECTION, day, "Objects to ...", "r9"),
                new RecordCorrectedEvent(
                        "t", "r5", "r2", "Wrong date", "EU", day.minusDays(1), InstrumentType.APPROVAL),
                new RecordCorrectedEvent("t", "r6", "r1", "Wrong participant", "VNM", day, null),
                new RecordRetractedEvent("t", "r7", "r1", "Recorded in error", "FRA", day),
                new InstrumentDepositedEvent(
                        "t", "r8", "SSD", InstrumentType.SUCCESSION, day, List.of(), List.of(), "Sudan", day),
                new CommunicationReceivedEvent(
                        "t",
                        "r9",
                        "NLD",
                        CommunicationKind.TERRITORIAL_APPLICATION,
                        day,
                        "Applies to Aruba.",
                        null,
                        List.of("Aruba")),
                new org.ratification.ledger.core.api.AmendmentAdoptedEvent(
                        "t", "r10", "A1", day, org.ratification.ledger.core.api.AdoptionMethod.CONSENSUS, "Text"),
                new org.ratification.ledger.core.api.AmendmentInstrumentDepositedEvent(
                        "t", "r11", "A1", "FRA", InstrumentType.ACCEPTANCE, day));
    }

    private String envelopeOf(Object payload) {
        var message = new GenericTrackedDomainEventMessage<>(
                GapAwareTrackingToken.newInstance(41, Collections.emptySet()),
                new GenericDomainEventMessage<>(
                        "Treaty",
                        "t",
                        3,
                        payload,
                        Map.of("recordedAt", "2026-01-10T09:30:00Z", "recordedBy", "depositary", "traceId", "x")));
        return envelopes.toJson(envelopes.envelope(message));
    }

    private String publicEnvelopeOf(Object payload) {
        var message = new GenericTrackedDomainEventMessage<>(
                GapAwareTrackingToken.newInstance(41, Collections.emptySet()),
                new GenericDomainEventMessage<>(
                        "Treaty",
                        "t",
                        3,
                        payload,
                        Map.of("recordedAt", "2026-01-10T09:30:00Z", "recordedBy", "depositary", "hash", "ab12")));
        return envelopes.toPublicJson(envelopes.envelope(message));
    }

    @ParameterizedTest
    @MethodSource("everyEventType")
    void thePublicEnvelopeOfEveryEventTypeMatchesTheSchemaAndHoldsNoPayloadRecorderOrHash(Object event)
            throws Exception {
        String json = publicEnvelopeOf(event);
        assertThat(EnvelopeSchema.validate(json)).as(json).isEmpty();
        var envelope = JSON.readTree(json);
        List<String> fields = new java.util.ArrayList<>();
        envelope.fieldNames().forEachRemaining(fields::add);
        assertThat(fields)
                .containsExactly(
                        "view",
                        "eventId",
                        "type",
                        "treatyId",
                        "sequence",
                        "globalPosition",
                        "legalDate",
                        "recordedAt",
                        "participant");
        assertThat(envelope.path("view").asText()).isEqualTo("public");
        assertThat(json).doesNotContain("depositary", "ab12");
    }

    @Test
    void theSchemaTellsThePublicShapeFromTheFullOne() throws Exception {
        String json = publicEnvelopeOf(new InstrumentDepositedEvent(
                "t", "r2", "FRA", InstrumentType.RATIFICATION, LocalDate.of(2026, 1, 10), List.of(), List.of()));
        assertThat(JSON.readTree(json).path("participant").asText()).isEqualTo("FRA");
        assertThat(JSON.readTree(json).path("legalDate").asText()).isEqualTo("2026-01-10");

        ObjectNode withPayload = (ObjectNode) JSON.readTree(json);
        withPayload.putObject("payload").put("participant", "FRA");
        assertThat(EnvelopeSchema.validate(withPayload.toString())).isNotEmpty();

        ObjectNode withRecorder = (ObjectNode) JSON.readTree(json);
        withRecorder.put("recordedBy", "depositary");
        assertThat(EnvelopeSchema.validate(withRecorder.toString())).isNotEmpty();

        ObjectNode fullWithView = (ObjectNode) JSON.readTree(envelopeOf(new InstrumentDepositedEvent(
                "t", "r2", "FRA", InstrumentType.RATIFICATION, LocalDate.of(2026, 1, 10), List.of(), List.of())));
        fullWithView.put("view", "public");
        assertThat(EnvelopeSchema.validate(fullWithView.toString())).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("everyEventType")
    void theEnvelopeOfEveryEventTypeMatchesTheSchema(Object event) {
        String json = envelopeOf(event);
        assertThat(EnvelopeSchema.validate(json)).as(json).isEmpty();
    }

    @Test
    void theEnvelopeCarriesTypePositionsDatesAndAllMetadata() throws Exception {
        var envelope = JSON.readTree(
                envelopeOf(new ConventionSignedEvent("t", "r1", "FRA", LocalDate.of(2025, 10, 25), "Hanoi")));
        assertThat(envelope.path("type").asText()).isEqualTo("SIGNATURE");
        assertThat(envelope.path("revision").asText()).isEqualTo("1");
        assertThat(envelope.path("sequence").asLong()).isEqualTo(3);
        assertThat(envelope.path("globalPosition").asLong()).isEqualTo(41);
        assertThat(envelope.path("legalDate").asText()).isEqualTo("2025-10-25");
        assertThat(envelope.path("recordedAt").asText()).isEqualTo("2026-01-10T09:30:00Z");
        assertThat(envelope.path("metadata").path("traceId").asText()).isEqualTo("x");
        assertThat(envelope.path("payload").path("signedOn").asText()).isEqualTo("2025-10-25");
    }

    @Test
    void theSchemaRefusesEnvelopesThatBreakTheContract() throws Exception {
        String valid = envelopeOf(new InstrumentDepositedEvent(
                "t", "r2", "FRA", InstrumentType.RATIFICATION, LocalDate.of(2026, 1, 10), List.of(), List.of()));
        assertThat(EnvelopeSchema.validate(valid)).isEmpty();

        ObjectNode lowercaseParticipant = (ObjectNode) JSON.readTree(valid);
        ((ObjectNode) lowercaseParticipant.path("payload")).put("participant", "fr");
        assertThat(EnvelopeSchema.validate(lowercaseParticipant.toString())).isNotEmpty();

        ObjectNode noEventId = (ObjectNode) JSON.readTree(valid);
        noEventId.remove("eventId");
        assertThat(EnvelopeSchema.validate(noEventId.toString())).isNotEmpty();

        ObjectNode wrongPayload = (ObjectNode) JSON.readTree(valid);
        wrongPayload.put("type", "SIGNATURE");
        assertThat(EnvelopeSchema.validate(wrongPayload.toString())).isNotEmpty();

        ObjectNode badDate = (ObjectNode) JSON.readTree(valid);
        badDate.put("legalDate", "10/01/2026");
        assertThat(EnvelopeSchema.validate(badDate.toString())).isNotEmpty();

        ObjectNode moreMetadata = (ObjectNode) JSON.readTree(valid);
        ((ObjectNode) moreMetadata.path("metadata")).put("hash", "ab12");
        assertThat(EnvelopeSchema.validate(moreMetadata.toString()))
                .as("metadata is open: later versions add fields there")
                .isEmpty();
    }
}
