package org.ratification.ledger.projections.status;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.ratification.ledger.core.api.AmendmentAdoptedEvent;
import org.ratification.ledger.core.api.AmendmentInstrumentDepositedEvent;
import org.ratification.ledger.core.api.CommunicationReceivedEvent;
import org.ratification.ledger.core.api.ConventionSignedEvent;
import org.ratification.ledger.core.api.DenunciationNotifiedEvent;
import org.ratification.ledger.core.api.InstrumentDepositedEvent;
import org.ratification.ledger.core.api.RecordCorrectedEvent;
import org.ratification.ledger.core.api.RecordRetractedEvent;
import org.ratification.ledger.core.api.TreatyEvent;
import org.ratification.ledger.core.api.TreatyRegisteredEvent;
import org.ratification.ledger.core.rules.Action;
import org.ratification.ledger.projections.ReadModelVersion;
import org.springframework.stereotype.Component;

/**
 * Folds events into the status tables. Runs inline: in the transaction that appends the event, so a
 * recording and its status rows commit together (or not at all). Every write is idempotent.
 */
@Component
@ProcessingGroup(StatusProjection.NAME)
@ReadModelVersion(
        value = StatusProjection.VERSION,
        tables = {"status_treaty", "status_record", "status_chain_head"})
public class StatusProjection {

    public static final String NAME = "status";
    public static final int VERSION = 1;

    private final StatusRepository repository;

    public StatusProjection(StatusRepository repository) {
        this.repository = repository;
    }

    @EventHandler
    void on(TreatyRegisteredEvent event) {
        repository.saveTreaty(event.definition());
    }

    @EventHandler
    void on(ConventionSignedEvent event, @SequenceNumber long sequence) {
        saveAction(event, sequence);
    }

    @EventHandler
    void on(InstrumentDepositedEvent event, @SequenceNumber long sequence) {
        saveAction(event, sequence);
    }

    @EventHandler
    void on(DenunciationNotifiedEvent event, @SequenceNumber long sequence) {
        saveAction(event, sequence);
    }

    @EventHandler
    void on(CommunicationReceivedEvent event, @SequenceNumber long sequence) {
        saveAction(event, sequence);
    }

    @EventHandler
    void on(AmendmentAdoptedEvent event, @SequenceNumber long sequence) {
        saveAction(event, sequence);
    }

    @EventHandler
    void on(AmendmentInstrumentDepositedEvent event, @SequenceNumber long sequence) {
        saveAction(event, sequence);
    }

    @EventHandler
    void on(RecordCorrectedEvent event) {
        repository.action(event.correctsRecordId()).ifPresent(target -> {
            var clause = repository.treaty(event.treatyId()).orElseThrow().denunciation();
            Action corrected = target.corrected(event, clause);
            repository.correct(
                    target.recordId(),
                    corrected.participant(),
                    corrected.date(),
                    corrected.instrumentType(),
                    corrected.effectiveOn());
        });
    }

    @EventHandler
    void on(RecordRetractedEvent event) {
        repository.retract(event.retractsRecordId());
    }

    @ResetHandler
    void reset() {
        repository.deleteAll();
    }

    private void saveAction(TreatyEvent event, long sequence) {
        Action.from(event).ifPresent(action -> repository.saveAction(event.treatyId(), sequence, action));
    }
}
