package org.ratification.ledger.projections.history;

import org.ratification.ledger.core.api.CommunicationReceivedEvent;
import org.ratification.ledger.core.api.ConventionSignedEvent;
import org.ratification.ledger.core.api.DenunciationNotifiedEvent;
import org.ratification.ledger.core.api.InstrumentDepositedEvent;
import org.ratification.ledger.core.api.RecordCorrectedEvent;
import org.ratification.ledger.core.api.RecordRetractedEvent;
import org.ratification.ledger.core.api.RecordType;
import org.ratification.ledger.core.api.TreatyEvent;

/**
 * What the history shows of an event besides its payload: its kind, participant, the record it
 * corrects or refers to and the reason given. Its type is the record's one name ({@link
 * RecordType}); an event type the history does not know yet is still recorded, under its class name
 * in capitals.
 */
record HistoryEntry(String type, String participant, String correctsRecordId, String refersTo, String reason) {

    static HistoryEntry of(TreatyEvent event) {
        String type = RecordType.nameOf(event.getClass());
        if (event instanceof ConventionSignedEvent e) {
            return new HistoryEntry(type, e.participant(), null, null, null);
        } else if (event instanceof InstrumentDepositedEvent e) {
            return new HistoryEntry(type, e.participant(), null, null, null);
        } else if (event instanceof DenunciationNotifiedEvent e) {
            return new HistoryEntry(type, e.participant(), null, null, null);
        } else if (event instanceof CommunicationReceivedEvent e) {
            return new HistoryEntry(type, e.participant(), null, e.refersTo(), null);
        } else if (event instanceof RecordCorrectedEvent e) {
            return new HistoryEntry(type, e.participant(), e.correctsRecordId(), null, e.reason());
        } else if (event instanceof RecordRetractedEvent e) {
            return new HistoryEntry(type, e.participant(), e.retractsRecordId(), null, e.reason());
        }
        return new HistoryEntry(type, null, null, null, null);
    }
}
