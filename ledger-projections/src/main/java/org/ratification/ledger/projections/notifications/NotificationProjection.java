package org.ratification.ledger.projections.notifications;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.ratification.ledger.core.api.CommunicationReceivedEvent;
import org.ratification.ledger.core.api.ConventionSignedEvent;
import org.ratification.ledger.core.api.DenunciationNotifiedEvent;
import org.ratification.ledger.core.api.InstrumentDepositedEvent;
import org.ratification.ledger.core.api.RecordCorrectedEvent;
import org.ratification.ledger.core.api.RecordRetractedEvent;
import org.ratification.ledger.core.api.RecordingMetadata;
import org.ratification.ledger.core.api.TreatyDefinition;
import org.ratification.ledger.core.api.TreatyEvent;
import org.ratification.ledger.core.api.TreatyRegisteredEvent;
import org.ratification.ledger.core.participants.ParticipantRegistry;
import org.ratification.ledger.core.rules.Action;
import org.ratification.ledger.core.rules.EntryIntoForce;
import org.ratification.ledger.core.rules.StatusCalculator;
import org.ratification.ledger.projections.ReadModelVersion;
import org.springframework.stereotype.Component;

/**
 * Issues one depositary notification per action. The projection keeps the facts it writes from
 * (each treaty's definition and its action records with corrections applied), so the entry into
 * force it announces is computed after the event it announces, from the same rule code as the
 * status. Its processor runs one segment, so events arrive in the order of the global stream and
 * numbers are assigned in that order; a replay finds each record's number in the journal.
 */
@Component
@ProcessingGroup(NotificationProjection.NAME)
@ReadModelVersion(NotificationProjection.VERSION)
public class NotificationProjection {

    public static final String NAME = "notifications";
    /** 2: notifications carry their French subject and text; a store of version 1 is rebuilt once to add them. */
    public static final int VERSION = 2;

    private final NotificationRepository repository;
    private final ParticipantRegistry registry = ParticipantRegistry.standard();
    private final NotificationTexts texts = new NotificationTexts(registry);
    private final FrenchNotificationTexts french = new FrenchNotificationTexts(registry);

    public NotificationProjection(NotificationRepository repository) {
        this.repository = repository;
    }

    /** Where and when an event was recorded, as the notification needs it. */
    record Recording(long sequence, Long globalPosition, String recordedAt, int year, String headHash) {

        static Recording of(long sequence, TrackingToken token, Instant timestamp, String recordedAt, String headHash) {
            Instant instant = timestamp;
            try {
                instant = recordedAt == null ? timestamp : Instant.parse(recordedAt);
            } catch (DateTimeParseException e) {
                // keep the event's own timestamp
            }
            Long position = token == null || token.position().isEmpty()
                    ? null
                    : token.position().getAsLong();
            return new Recording(
                    sequence,
                    position,
                    recordedAt == null ? String.valueOf(instant) : recordedAt,
                    instant.atOffset(ZoneOffset.UTC).getYear(),
                    headHash);
        }
    }

    @EventHandler
    void on(TreatyRegisteredEvent event) {
        repository.saveTreaty(event.definition());
    }

    @EventHandler
    void on(
            ConventionSignedEvent event,
            @SequenceNumber long sequence,
            TrackingToken token,
            @Timestamp Instant timestamp,
            @MetaDataValue(RecordingMetadata.RECORDED_AT) String recordedAt,
            @MetaDataValue(RecordingMetadata.HASH) String hash) {
        TreatyDefinition treaty = saveAction(event, sequence);
        issue(
                treaty,
                event,
                Recording.of(sequence, token, timestamp, recordedAt, hash),
                texts.signature(treaty, event),
                french.signature(treaty, event),
                event.participant(),
                null);
    }

    @EventHandler
    void on(
            InstrumentDepositedEvent event,
            @SequenceNumber long sequence,
            TrackingToken token,
            @Timestamp Instant timestamp,
            @MetaDataValue(RecordingMetadata.RECORDED_AT) String recordedAt,
            @MetaDataValue(RecordingMetadata.HASH) String hash) {
        TreatyDefinition treaty = saveAction(event, sequence);
        var result = entryIntoForce(treaty);
        var draft = texts.instrument(treaty, event, result);
        issue(
                treaty,
                event,
                Recording.of(sequence, token, timestamp, recordedAt, hash),
                draft,
                french.instrument(treaty, event, result),
                event.participant(),
                null);
    }

    @EventHandler
    void on(
            DenunciationNotifiedEvent event,
            @SequenceNumber long sequence,
            TrackingToken token,
            @Timestamp Instant timestamp,
            @MetaDataValue(RecordingMetadata.RECORDED_AT) String recordedAt,
            @MetaDataValue(RecordingMetadata.HASH) String hash) {
        TreatyDefinition treaty = saveAction(event, sequence);
        issue(
                treaty,
                event,
                Recording.of(sequence, token, timestamp, recordedAt, hash),
                texts.denunciation(treaty, event),
                french.denunciation(treaty, event),
                event.participant(),
                null);
    }

    @EventHandler
    void on(
            CommunicationReceivedEvent event,
            @SequenceNumber long sequence,
            TrackingToken token,
            @Timestamp Instant timestamp,
            @MetaDataValue(RecordingMetadata.RECORDED_AT) String recordedAt,
            @MetaDataValue(RecordingMetadata.HASH) String hash) {
        TreatyDefinition treaty = saveAction(event, sequence);
        Optional<NotificationTexts.Target> target =
                Optional.ofNullable(event.refersTo()).flatMap(this::target);
        issue(
                treaty,
                event,
                Recording.of(sequence, token, timestamp, recordedAt, hash),
                texts.communication(treaty, event, target),
                french.communication(treaty, event, target),
                event.participant(),
                event.refersTo());
    }

    @EventHandler
    void on(
            RecordCorrectedEvent event,
            @SequenceNumber long sequence,
            TrackingToken token,
            @Timestamp Instant timestamp,
            @MetaDataValue(RecordingMetadata.RECORDED_AT) String recordedAt,
            @MetaDataValue(RecordingMetadata.HASH) String hash) {
        TreatyDefinition treaty = treaty(event);
        target(event.correctsRecordId()).ifPresent(before -> {
            Action after = before.action().corrected(event, treaty.denunciation());
            repository.updateAction(after);
            var result = entryIntoForce(treaty);
            var draft = texts.correction(treaty, event, before, after, result);
            issue(
                    treaty,
                    event,
                    Recording.of(sequence, token, timestamp, recordedAt, hash),
                    draft,
                    french.correction(treaty, event, before, after, result),
                    after.participant(),
                    event.correctsRecordId());
        });
    }

    @EventHandler
    void on(
            RecordRetractedEvent event,
            @SequenceNumber long sequence,
            TrackingToken token,
            @Timestamp Instant timestamp,
            @MetaDataValue(RecordingMetadata.RECORDED_AT) String recordedAt,
            @MetaDataValue(RecordingMetadata.HASH) String hash) {
        TreatyDefinition treaty = treaty(event);
        target(event.retractsRecordId()).ifPresent(before -> {
            repository.updateAction(before.action().retract());
            var result = entryIntoForce(treaty);
            var draft = texts.retraction(treaty, event, before, result);
            issue(
                    treaty,
                    event,
                    Recording.of(sequence, token, timestamp, recordedAt, hash),
                    draft,
                    french.retraction(treaty, event, before, result),
                    before.action().participant(),
                    event.retractsRecordId());
        });
    }

    /** Clears the notifications and their facts; the journal of issued numbers stays. */
    @ResetHandler
    void reset() {
        repository.deleteAll();
    }

    private TreatyDefinition saveAction(TreatyEvent event, long sequence) {
        TreatyDefinition treaty = treaty(event);
        Action.from(event).ifPresent(action -> repository.saveAction(event.treatyId(), sequence, action));
        return treaty;
    }

    private TreatyDefinition treaty(TreatyEvent event) {
        return repository
                .treaty(event.treatyId())
                .orElseThrow(() -> new IllegalStateException("Treaty " + event.treatyId() + " has no registration"));
    }

    private Optional<NotificationTexts.Target> target(String recordId) {
        return repository
                .action(recordId)
                .map(action -> new NotificationTexts.Target(action, repository.referenceOf(recordId)));
    }

    private EntryIntoForce.Result entryIntoForce(TreatyDefinition treaty) {
        return StatusCalculator.entryIntoForce(treaty, repository.liveInstruments(treaty.id()), registry);
    }

    private void issue(
            TreatyDefinition treaty,
            TreatyEvent event,
            Recording recording,
            NotificationTexts.Draft draft,
            FrenchNotificationTexts.Text inFrench,
            String participant,
            String refersTo) {
        if (repository.referenceOf(event.recordId()).isPresent()) {
            return; // issued already (an event delivered again): a notification once issued is not rewritten
        }
        NotificationRepository.Number number = repository.number(event.recordId(), recording.year());
        NotificationView view = new NotificationView(
                NotificationTexts.reference(treaty, number.number(), number.year()),
                number.number(),
                number.year(),
                event.treatyId(),
                event.recordId(),
                draft.action(),
                participant,
                registry.nameOf(participant),
                event.legalDate(),
                recording.recordedAt(),
                refersTo,
                refersTo == null ? null : repository.referenceOf(refersTo).orElse(null),
                draft.entryIntoForceOn(),
                draft.subject(),
                draft.text(),
                recording.headHash());
        repository.saveNotification(view, inFrench, recording.sequence(), recording.globalPosition());
    }
}
