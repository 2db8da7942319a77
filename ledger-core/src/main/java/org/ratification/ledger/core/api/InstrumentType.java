package org.ratification.ledger.core.api;

/** The kinds of instrument by which a participant consents to be bound, with the UNTC letter. */
public enum InstrumentType {
    RATIFICATION(""),
    ACCEPTANCE("A"),
    APPROVAL("AA"),
    ACCESSION("a"),
    /** A notification of succession by a successor State. */
    SUCCESSION("d"),
    /** The instrument of an international organization (UNTC letter c), following its signature. */
    FORMAL_CONFIRMATION("c"),
    /** A signature that binds without ratification (UNTC letter s), within the signature period. */
    DEFINITIVE_SIGNATURE("s");

    private final String letter;

    InstrumentType(String letter) {
        this.letter = letter;
    }

    /** The letter the UN Treaty Collection prints after the date ("" for ratification). */
    public String letter() {
        return letter;
    }
}
