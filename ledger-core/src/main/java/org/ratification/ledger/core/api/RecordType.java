package org.ratification.ledger.core.api;

import java.util.Locale;

/**
 * The one name of each kind of record, the same on every surface that shows a record: the answer to
 * a write ({@code action}), the audit history and its export ({@code type}), the depositary
 * notifications ({@code action}) and the event envelope of the SSE stream and the Kafka topic
 * ({@code type}). The stored event class (e.g. {@code ConventionSignedEvent}) is Axon's storage
 * type and an input of the chain hash, not a name shown for the record.
 */
public enum RecordType {
    TREATY_REGISTERED(TreatyRegisteredEvent.class),
    SIGNATURE(ConventionSignedEvent.class),
    INSTRUMENT(InstrumentDepositedEvent.class),
    DENUNCIATION(DenunciationNotifiedEvent.class),
    COMMUNICATION(CommunicationReceivedEvent.class),
    CORRECTION(RecordCorrectedEvent.class),
    RETRACTION(RecordRetractedEvent.class),
    /** The adoption of an amendment. */
    AMENDMENT(AmendmentAdoptedEvent.class),
    /** A Party's instrument for an amendment. */
    AMENDMENT_INSTRUMENT(AmendmentInstrumentDepositedEvent.class);

    private final Class<? extends TreatyEvent> eventClass;

    RecordType(Class<? extends TreatyEvent> eventClass) {
        this.eventClass = eventClass;
    }

    /** The event class whose records have this type. */
    public Class<? extends TreatyEvent> eventClass() {
        return eventClass;
    }

    /**
     * The name of the records of an event class: its type's name, or for a class no type names yet its
     * simple name without {@code Event}, in capitals ({@code SomethingHappenedEvent} gives
     * {@code SOMETHING_HAPPENED}).
     */
    public static String nameOf(Class<?> eventClass) {
        for (RecordType type : values()) {
            if (type.eventClass.equals(eventClass)) {
                return type.name();
            }
        }
        String simple = eventClass.getSimpleName();
        String base =
                simple.endsWith("Event") && simple.length() > 5 ? simple.substring(0, simple.length() - 5) : simple;
        return base.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }
}
