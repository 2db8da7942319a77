package org.ratification.ledger.core.api;

/**
 * The amendment article as data: an amendment may be adopted only {@code proposalAfterYears}
 * after the treaty's entry into force, and enters into force for each Party
 * {@code daysAfterInstrument} days after that Party deposits its instrument for it.
 */
public record AmendmentClause(int proposalAfterYears, int daysAfterInstrument) {}
