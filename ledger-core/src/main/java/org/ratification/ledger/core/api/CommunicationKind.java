package org.ratification.ledger.core.api;

/** Texts a participant communicates to the depositary besides signatures and instruments. */
public enum CommunicationKind {
    DECLARATION,
    RESERVATION,
    /** Objection to another participant's reservation. */
    OBJECTION,
    /** Withdrawal of the participant's own reservation or declaration. */
    WITHDRAWAL,
    /** Notification required by an article, e.g. a designated authority. */
    NOTIFICATION,
    /** Declaration extending the treaty to territories (named in {@code territories}). */
    TERRITORIAL_APPLICATION
}
