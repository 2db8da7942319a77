package org.ratification.ledger.core.api;

import java.time.LocalDate;

/** An amendment as it binds one participant: its deposit and when it enters into force for it. */
public record AmendmentView(String amendmentId, LocalDate depositedOn, LocalDate entryIntoForceOn, boolean inForce) {}
