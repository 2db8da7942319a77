package org.ratification.ledger.core.api;

import java.time.LocalDate;

/** The period during which the treaty is open for signature, both days inclusive. */
public record SignatureClause(LocalDate opensOn, LocalDate closesOn) {}
