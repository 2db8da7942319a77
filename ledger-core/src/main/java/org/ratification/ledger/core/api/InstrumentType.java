package org.ratification.ledger.core.api;

/** The kinds of instrument by which a participant consents to be bound, with the UNTC letter. */
public enum InstrumentType {
    RATIFICATION(""),
    ACCEPTANCE("A"),
    APPROVAL("AA"),
    ACCESSION("a"),
    /** A notification of succession by a successor State. */
    SUCCESSION("d");

    private final String letter;

    InstrumentType(String letter) {
        this.letter = letter;
    }

    /** The letter the UN Treaty Collection prints after the date ("" for ratification). */
    public String letter() {
        return letter;
    }
}
