package org.ratification.ledger.projections.history;

import java.util.Locale;
import org.ratification.ledger.core.api.CommunicationReceivedEvent;
import org.ratification.ledger.core.api.ConventionSignedEvent;
import org.ratification.ledger.core.api.DenunciationNotifiedEvent;
import org.ratification.ledger.core.api.InstrumentDepositedEvent;
import org.ratification.ledger.core.api.RecordCorrectedEvent;
import org.ratification.ledger.core.api.RecordRetractedEvent;
import org.ratification.ledger.core.api.TreatyEvent;
import org.ratification.ledger.core.api.TreatyRegisteredEvent;

/**
 * What the history shows of an event besides its payload: its kind, participant, the record it
 * corrects or refers to and the reason given. An event type the history does not know yet is
 * still recorded, under its class name in capitals.
 */
record HistoryEntry(String type, String participant, String correctsRecordId, String refersTo, String reason) {

    static HistoryEntry of(TreatyEvent event) {
        if (event instanceof TreatyRegisteredEvent) {
            return new HistoryEntry("TREATY_REGISTERED", null, null, null, null);
        } else if (event instanceof ConventionSignedEvent e) {
            return new HistoryEntry("SIGNATURE", e.participant(), null, null, null);
        } else if (event instanceof InstrumentDepositedEvent e) {
            return new HistoryEntry("INSTRUMENT", e.participant(), null, null, null);
        } else if (event instanceof DenunciationNotifiedEvent e) {
            return new HistoryEntry("DENUNCIATION", e.participant(), null, null, null);
        } else if (event instanceof CommunicationReceivedEvent e) {
            return new HistoryEntry("COMMUNICATION", e.participant(), null, e.refersTo(), null);
        } else if (event instanceof RecordCorrectedEvent e) {
            return new HistoryEntry("CORRECTION", e.participant(), e.correctsRecordId(), null, e.reason());
        } else if (event instanceof RecordRetractedEvent e) {
            return new HistoryEntry("RETRACTION", e.participant(), e.retractsRecordId(), null, e.reason());
        }
        return new HistoryEntry(typeName(event.getClass().getSimpleName()), null, null, null, null);
    }

    /** {@code SomethingHappenedEvent} gives {@code SOMETHING_HAPPENED}. */
    static String typeName(String simpleName) {
        String base = simpleName.endsWith("Event") ? simpleName.substring(0, simpleName.length() - 5) : simpleName;
        return base.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }
}
