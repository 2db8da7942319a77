package org.ratification.ledger.core.api;

/** How the Conference of the States Parties adopted an amendment. */
public enum AdoptionMethod {
    CONSENSUS,
    /** By a two-thirds majority of the States Parties present and voting. */
    VOTE
}
