package org.ratification.ledger.core.treaty;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.ratification.ledger.core.api.AdoptAmendmentCommand;
import org.ratification.ledger.core.api.AmendmentAdoptedEvent;
import org.ratification.ledger.core.api.AmendmentInstrumentDepositedEvent;
import org.ratification.ledger.core.api.CommunicationKind;
import org.ratification.ledger.core.api.CommunicationReceivedEvent;
import org.ratification.ledger.core.api.ConventionSignedEvent;
import org.ratification.ledger.core.api.CorrectRecordCommand;
import org.ratification.ledger.core.api.DenunciationNotifiedEvent;
import org.ratification.ledger.core.api.DepositAmendmentInstrumentCommand;
import org.ratification.ledger.core.api.DepositInstrumentCommand;
import org.ratification.ledger.core.api.InstrumentDepositedEvent;
import org.ratification.ledger.core.api.InstrumentType;
import org.ratification.ledger.core.api.NotifyDenunciationCommand;
import org.ratification.ledger.core.api.RecordCommunicationCommand;
import org.ratification.ledger.core.api.RecordCorrectedEvent;
import org.ratification.ledger.core.api.RecordCorrection;
import org.ratification.ledger.core.api.RecordRetractedEvent;
import org.ratification.ledger.core.api.RecordingMetadata;
import org.ratification.ledger.core.api.RegisterTreatyCommand;
import org.ratification.ledger.core.api.RetractRecordCommand;
import org.ratification.ledger.core.api.SignConventionCommand;
import org.ratification.ledger.core.api.TreatyEvent;
import org.ratification.ledger.core.api.TreatyRegisteredEvent;
import org.ratification.ledger.core.chain.RecordChain;
import org.ratification.ledger.core.participants.ParticipantRegistry;
import org.ratification.ledger.core.rules.Action;
import org.ratification.ledger.core.rules.ActionKind;
import org.ratification.ledger.core.rules.Bounds;
import org.ratification.ledger.core.rules.DefinitionRules;
import org.ratification.ledger.core.rules.Rejection;
import org.ratification.ledger.core.rules.TreatyFacts;
import org.ratification.ledger.core.rules.TreatyLookup;
import org.ratification.ledger.core.rules.TreatyRules;

/** A treaty and every action recorded under it. */
class Treaty {

    /** The time zone that enters each day first (Line Islands, UTC+14). */
    private static final ZoneOffset EARLIEST_ZONE = ZoneOffset.ofHours(14);

    private static final TreatyRules RULES = new TreatyRules(ParticipantRegistry.standard());

    @AggregateIdentifier
    private String treatyId;

    private TreatyFacts facts;

    /** The hash of the last event of this treaty's chain, and the sequence the next event gets. */
    private String headHash = RecordChain.GENESIS;

    private long nextSequence;

    /** Whether the facts are known to break no rule (null: not checked since the treaty was loaded). */
    private transient Boolean clean;

    Treaty() {
        // for Axon
    }

    @CommandHandler
    Treaty(
            RegisterTreatyCommand command,
            @MetaDataValue(RecordingMetadata.RECORDED_AT) String recordedAt,
            @MetaDataValue(RecordingMetadata.RECORDED_BY) String recordedBy,
            TreatyLookup treaties) {
        DefinitionRules.check(command.treatyId(), command.definition())
                .or(() -> DefinitionRules.checkParticipants(command.definition(), ParticipantRegistry.standard()))
                .ifPresent(r -> {
                    throw r.exception();
                });
        requireNotInFuture(command.definition().adoptedOn(), recordedAt);
        String parent = command.definition().parentTreatyId();
        if (parent != null && treaties.facts(parent).isEmpty()) {
            throw Rejection.rule("UNKNOWN_PARENT", "No parent treaty '" + parent + "' is registered.")
                    .exception();
        }
        TreatyRegisteredEvent registered = new TreatyRegisteredEvent(
                command.treatyId(), requireRecordId(command.recordId()), command.definition());
        Bounds.record(command.definition(), registered).ifPresent(r -> {
            throw r.exception();
        });
        record(registered, recordedAt, recordedBy);
    }

    @CommandHandler
    long handle(
            SignConventionCommand command,
            @MetaDataValue(RecordingMetadata.RECORDED_AT) String recordedAt,
            @MetaDataValue(RecordingMetadata.RECORDED_BY) String recordedBy) {
        requirePresent(command.participant(), command.signedOn());
        requireNotInFuture(command.signedOn(), recordedAt);
        return decide(
                new ConventionSignedEvent(
                        treatyId,
                        requireRecordId(command.recordId()),
                        command.participant(),
                        command.signedOn(),
                        command.place(),
                        command.predecessor() == null || command.predecessor().isBlank() ? null : command.predecessor(),
                        command.irregularity()),
                recordedAt,
                recordedBy);
    }

    @CommandHandler
    long handle(
            DepositInstrumentCommand command,
            @MetaDataValue(RecordingMetadata.RECORDED_AT) String recordedAt,
            @MetaDataValue(RecordingMetadata.RECORDED_BY) String recordedBy,
            TreatyLookup treaties) {
        requirePresent(command.participant(), command.depositedOn());
        if (command.type() == null) {
            throw Rejection.invalid("MISSING_FIELD", "The instrument type is required.")
                    .exception();
        }
        boolean succession = command.type() == InstrumentType.SUCCESSION;
        if (succession
                && (command.predecessor() == null || command.predecessor().isBlank() || command.boundFrom() == null)) {
            throw Rejection.invalid(
                            "MISSING_FIELD",
                            "A notification of succession names its predecessor and the date from which it is bound.")
                    .exception();
        }
        requireNotInFuture(command.depositedOn(), recordedAt);
        return decide(
                new InstrumentDepositedEvent(
                        treatyId,
                        requireRecordId(command.recordId()),
                        command.participant(),
                        command.type(),
                        command.depositedOn(),
                        texts(command.declarations()),
                        texts(command.reservations()),
                        succession ? command.predecessor() : null,
                        succession ? command.boundFrom() : null,
                        command.irregularity()),
                parentFacts(treaties),
                recordedAt,
                recordedBy);
    }

    @CommandHandler
    long handle(
            AdoptAmendmentCommand command,
            @MetaDataValue(RecordingMetadata.RECORDED_AT) String recordedAt,
            @MetaDataValue(RecordingMetadata.RECORDED_BY) String recordedBy) {
        if (command.amendmentId() == null
                || command.amendmentId().isBlank()
                || command.adoptedOn() == null
                || command.method() == null
                || command.text() == null
                || command.text().isBlank()) {
            throw Rejection.invalid("MISSING_FIELD", "An amendment needs its id, date of adoption, method and text.")
                    .exception();
        }
        requireNotInFuture(command.adoptedOn(), recordedAt);
        return decide(
                new AmendmentAdoptedEvent(
                        treatyId,
                        requireRecordId(command.recordId()),
                        command.amendmentId(),
                        command.adoptedOn(),
                        command.method(),
                        command.text()),
                recordedAt,
                recordedBy);
    }

    @CommandHandler
    long handle(
            DepositAmendmentInstrumentCommand command,
            @MetaDataValue(RecordingMetadata.RECORDED_AT) String recordedAt,
            @MetaDataValue(RecordingMetadata.RECORDED_BY) String recordedBy) {
        requirePresent(command.participant(), command.depositedOn());
        if (command.type() == null || command.amendmentId() == null) {
            throw Rejection.invalid("MISSING_FIELD", "The amendment and the instrument type are required.")
                    .exception();
        }
        requireNotInFuture(command.depositedOn(), recordedAt);
        return decide(
                new AmendmentInstrumentDepositedEvent(
                        treatyId,
                        requireRecordId(command.recordId()),
                        command.amendmentId(),
                        command.participant(),
                        command.type(),
                        command.depositedOn()),
                recordedAt,
                recordedBy);
    }

    private TreatyFacts parentFacts(TreatyLookup treaties) {
        String parent = facts.definition().parentTreatyId();
        return parent == null ? null : treaties.facts(parent).orElse(null);
    }

    @CommandHandler
    long handle(
            NotifyDenunciationCommand command,
            @MetaDataValue(RecordingMetadata.RECORDED_AT) String recordedAt,
            @MetaDataValue(RecordingMetadata.RECORDED_BY) String recordedBy) {
        requirePresent(command.participant(), command.receivedOn());
        requireNotInFuture(command.receivedOn(), recordedAt);
        return decide(
                new DenunciationNotifiedEvent(
                        treatyId,
                        requireRecordId(command.recordId()),
                        command.participant(),
                        command.receivedOn(),
                        facts.denunciationTakesEffect(command.receivedOn())),
                recordedAt,
                recordedBy);
    }

    @CommandHandler
    long handle(
            RecordCommunicationCommand command,
            @MetaDataValue(RecordingMetadata.RECORDED_AT) String recordedAt,
            @MetaDataValue(RecordingMetadata.RECORDED_BY) String recordedBy) {
        requirePresent(command.participant(), command.receivedOn());
        if (command.kind() == null || command.text() == null || command.text().isBlank()) {
            throw Rejection.invalid("MISSING_FIELD", "The kind and the text of the communication are required.")
                    .exception();
        }
        List<String> territories = texts(command.territories());
        if (command.kind() == CommunicationKind.TERRITORIAL_APPLICATION && territories.isEmpty()) {
            throw Rejection.invalid("MISSING_FIELD", "A territorial application names its territories.")
                    .exception();
        }
        requireNotInFuture(command.receivedOn(), recordedAt);
        return decide(
                new CommunicationReceivedEvent(
                        treatyId,
                        requireRecordId(command.recordId()),
                        command.participant(),
                        command.kind(),
                        command.receivedOn(),
                        command.text(),
                        command.refersTo(),
                        territories),
                recordedAt,
                recordedBy);
    }

    @CommandHandler
    long handle(
            CorrectRecordCommand command,
            @MetaDataValue(RecordingMetadata.RECORDED_AT) String recordedAt,
            @MetaDataValue(RecordingMetadata.RECORDED_BY) String recordedBy) {
        Action target = correctable(command.correctsRecordId(), command.reason());
        RecordCorrection correction = command.correction();
        if (correction == null
                || (correction.participant() == null && correction.date() == null && correction.type() == null)) {
            throw Rejection.invalid(
                            "EMPTY_CORRECTION", "A correction must change the participant, the date or the type.")
                    .exception();
        }
        if (correction.type() != null && target.kind() != ActionKind.INSTRUMENT) {
            throw Rejection.rule("NOT_AN_INSTRUMENT", "Only the record of an instrument has a type to correct.")
                    .exception();
        }
        if (correction.participant() != null && target.kind() == ActionKind.AMENDMENT) {
            throw Rejection.rule("NOT_APPLICABLE", "The adoption of an amendment has no participant to correct.")
                    .exception();
        }
        String participant = correction.participant() != null ? correction.participant() : target.participant();
        LocalDate date = correction.date() != null ? correction.date() : target.date();
        var type = correction.type() != null ? correction.type() : target.instrumentType();
        if (java.util.Objects.equals(participant, target.participant())
                && date.equals(target.date())
                && type == target.instrumentType()) {
            throw Rejection.rule("CORRECTION_CHANGES_NOTHING", "The correction states what the record already says.")
                    .exception();
        }
        requireNotInFuture(date, recordedAt);
        return decide(
                new RecordCorrectedEvent(
                        treatyId,
                        requireRecordId(command.recordId()),
                        target.recordId(),
                        command.reason(),
                        participant,
                        date,
                        type),
                recordedAt,
                recordedBy);
    }

    @CommandHandler
    long handle(
            RetractRecordCommand command,
            @MetaDataValue(RecordingMetadata.RECORDED_AT) String recordedAt,
            @MetaDataValue(RecordingMetadata.RECORDED_BY) String recordedBy) {
        Action target = correctable(command.retractsRecordId(), command.reason());
        return decide(
                new RecordRetractedEvent(
                        treatyId,
                        requireRecordId(command.recordId()),
                        target.recordId(),
                        command.reason(),
                        target.participant(),
                        target.date()),
                recordedAt,
                recordedBy);
    }

    private Action correctable(String recordId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw Rejection.invalid("MISSING_FIELD", "A correction must say why (reason).")
                    .exception();
        }
        Action target = facts.action(recordId).orElseThrow(() -> (facts.hasRecord(recordId)
                        ? Rejection.rule(
                                "NOT_CORRECTABLE",
                                "Record '" + recordId
                                        + "' is a registration, correction or retraction; correct the original record instead.")
                        : Rejection.rule("UNKNOWN_RECORD", "No record '" + recordId + "' exists for this treaty."))
                .exception());
        if (target.retracted()) {
            throw Rejection.conflict("RECORD_RETRACTED", "Record '" + recordId + "' was already withdrawn.")
                    .exception();
        }
        return target;
    }

    private long decide(TreatyEvent event, String recordedAt, String recordedBy) {
        return decide(event, null, recordedAt, recordedBy);
    }

    /**
     * Tries the event on the facts; applies it only if every rule still holds. Answers the record's
     * sequence in the treaty's chain (what a command handler answers its sender). The facts are checked
     * in full once after loading, so that a new communication can be checked only where it can break a
     * rule ({@link TreatyRules#check(TreatyFacts, String, TreatyFacts, boolean)}).
     */
    private long decide(TreatyEvent event, TreatyFacts parent, String recordedAt, String recordedBy) {
        if (facts.hasRecord(event.recordId())) {
            throw Rejection.conflict("DUPLICATE_RECORD_ID", "Record id '" + event.recordId() + "' is already used.")
                    .exception();
        }
        Bounds.record(facts.definition(), event).ifPresent(rejection -> {
            throw rejection.exception();
        });
        if (clean == null) {
            clean = RULES.violations(facts).isEmpty();
        }
        facts.trying(event, candidate -> RULES.check(candidate, event.recordId(), parent, clean))
                .ifPresent(rejection -> {
                    throw rejection.exception();
                });
        long sequence = record(event, recordedAt, recordedBy);
        // accepted: the facts with the record break no rule
        clean = true;
        return sequence;
    }

    /**
     * Applies the event with its recording metadata and its place in the chain: the hash covers
     * exactly the recordedAt and recordedBy values stored with it.
     */
    private long record(TreatyEvent event, String recordedAt, String recordedBy) {
        long sequence = nextSequence;
        String hash = RecordChain.hash(RecordChain.link(event, nextSequence, recordedAt, recordedBy, headHash));
        apply(
                event,
                MetaData.with(RecordingMetadata.RECORDED_AT, recordedAt)
                        .and(RecordingMetadata.RECORDED_BY, recordedBy)
                        .and(RecordingMetadata.PREVIOUS_HASH, headHash)
                        .and(RecordingMetadata.HASH, hash));
        return sequence;
    }

    @EventSourcingHandler
    void on(
            TreatyRegisteredEvent event,
            @SequenceNumber long sequence,
            @MetaDataValue(RecordingMetadata.HASH) String hash) {
        treatyId = event.treatyId();
        facts = TreatyFacts.fold(List.of(event));
        chained(sequence, hash);
    }

    @EventSourcingHandler
    void on(
            ConventionSignedEvent event,
            @SequenceNumber long sequence,
            @MetaDataValue(RecordingMetadata.HASH) String hash) {
        facts.apply(event);
        chained(sequence, hash);
    }

    @EventSourcingHandler
    void on(
            InstrumentDepositedEvent event,
            @SequenceNumber long sequence,
            @MetaDataValue(RecordingMetadata.HASH) String hash) {
        facts.apply(event);
        chained(sequence, hash);
    }

    @EventSourcingHandler
    void on(
            DenunciationNotifiedEvent event,
            @SequenceNumber long sequence,
            @MetaDataValue(RecordingMetadata.HASH) String hash) {
        facts.apply(event);
        chained(sequence, hash);
    }

    @EventSourcingHandler
    void on(
            CommunicationReceivedEvent event,
            @SequenceNumber long sequence,
            @MetaDataValue(RecordingMetadata.HASH) String hash) {
        facts.apply(event);
        chained(sequence, hash);
    }

    @EventSourcingHandler
    void on(
            AmendmentAdoptedEvent event,
            @SequenceNumber long sequence,
            @MetaDataValue(RecordingMetadata.HASH) String hash) {
        facts.apply(event);
        chained(sequence, hash);
    }

    @EventSourcingHandler
    void on(
            AmendmentInstrumentDepositedEvent event,
            @SequenceNumber long sequence,
            @MetaDataValue(RecordingMetadata.HASH) String hash) {
        facts.apply(event);
        chained(sequence, hash);
    }

    @EventSourcingHandler
    void on(
            RecordCorrectedEvent event,
            @SequenceNumber long sequence,
            @MetaDataValue(RecordingMetadata.HASH) String hash) {
        facts.apply(event);
        chained(sequence, hash);
    }

    @EventSourcingHandler
    void on(
            RecordRetractedEvent event,
            @SequenceNumber long sequence,
            @MetaDataValue(RecordingMetadata.HASH) String hash) {
        facts.apply(event);
        chained(sequence, hash);
    }

    /** Events recorded before the chain existed (or given bare in tests) carry no hash. */
    private void chained(long sequence, String hash) {
        nextSequence = sequence + 1;
        if (hash != null) {
            headHash = hash;
        }
    }

    private static void requirePresent(String participant, LocalDate date) {
        if (participant == null || participant.isBlank() || date == null) {
            throw Rejection.invalid("MISSING_FIELD", "The participant and the date are required.")
                    .exception();
        }
    }

    private static String requireRecordId(String recordId) {
        if (recordId == null || recordId.isBlank()) {
            throw Rejection.invalid("MISSING_FIELD", "Every record needs a record id.")
                    .exception();
        }
        return recordId;
    }

    private static List<String> texts(List<String> texts) {
        return texts == null
                ? List.of()
                : texts.stream().filter(t -> t != null && !t.isBlank()).toList();
    }

    /**
     * A legal date may not be in the future: it must have begun somewhere on Earth (UTC+14) at the
     * recording instant, so a ceremony in Hanoi is recorded live while New York is still on the eve.
     */
    private static void requireNotInFuture(LocalDate legalDate, String recordedAt) {
        LocalDate recordingDay;
        try {
            recordingDay = LocalDate.ofInstant(Instant.parse(recordedAt), EARLIEST_ZONE);
        } catch (DateTimeParseException | NullPointerException e) {
            throw Rejection.invalid("MISSING_RECORDING_TIME", "The command carries no valid recordedAt metadata.")
                    .exception();
        }
        if (legalDate.isAfter(recordingDay)) {
            throw Rejection.rule(
                            "DATE_IN_FUTURE",
                            "The date " + legalDate + " is later than the day of recording, " + recordingDay
                                    + "; the ledger records actions that have taken place.")
                    .exception();
        }
    }
}
