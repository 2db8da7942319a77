package org.ratification.ledger.core.api;

import java.time.LocalDate;

/**
 * The period during which the treaty is open for signature, both days inclusive. {@code closesOn}
 * null means open indefinitely (CEDAW, CRC, CRPD); {@code closesAtEntryIntoForce} true means open
 * until the day before the treaty's entry into force (Ottawa, CWC, CTBT), or {@code closesOn} if
 * that comes first. Both are docs/CLAUSES.md family 7.
 */
public record SignatureClause(LocalDate opensOn, LocalDate closesOn, Boolean closesAtEntryIntoForce) {

    public SignatureClause(LocalDate opensOn, LocalDate closesOn) {
        this(opensOn, closesOn, null);
    }

    public boolean closesWithEntryIntoForce() {
        return Boolean.TRUE.equals(closesAtEntryIntoForce);
    }

    /** Open on {@code date}, given the general date of entry into force (null while not known). */
    public boolean isOpen(LocalDate date, LocalDate entryIntoForceOn) {
        if (date.isBefore(opensOn) || (closesOn != null && date.isAfter(closesOn))) {
            return false;
        }
        return !closesWithEntryIntoForce() || entryIntoForceOn == null || date.isBefore(entryIntoForceOn);
    }

    /** The first day closed for signature, or null while that is not known (or never). */
    public LocalDate closedFrom(LocalDate entryIntoForceOn) {
        LocalDate byDate = closesOn == null ? null : closesOn.plusDays(1);
        LocalDate byForce = closesWithEntryIntoForce() ? entryIntoForceOn : null;
        if (byDate == null) {
            return byForce;
        }
        return byForce == null || byDate.isBefore(byForce) ? byDate : byForce;
    }
}
