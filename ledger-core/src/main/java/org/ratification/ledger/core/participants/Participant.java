package org.ratification.ledger.core.participants;

import java.time.LocalDate;
import java.util.Set;

/**
 * A State or a regional economic integration organization (REIO) known to the ledger. For a
 * REIO, {@code members} are its member States' codes; for a State, {@code memberOf} names the
 * REIOs it belongs to. A former State has the dates it existed ({@code existedFrom}, {@code
 * existedUntil}, both inclusive); null for a participant that exists today.
 */
public record Participant(
        String code,
        String name,
        Kind kind,
        Set<String> memberOf,
        Set<String> members,
        LocalDate existedFrom,
        LocalDate existedUntil) {

    public Participant(String code, String name, Kind kind, Set<String> memberOf, Set<String> members) {
        this(code, name, kind, memberOf, members, null, null);
    }

    /**
     * A former State (ISO 3166-3: the German Democratic Republic, Czechoslovakia, Yugoslavia, the
     * USSR, Serbia and Montenegro, …): it existed until {@code existedUntil}.
     */
    public boolean isFormer() {
        return existedUntil != null;
    }

    /** Whether the participant existed on {@code date} (always, for a participant without dates). */
    public boolean existedOn(LocalDate date) {
        return (existedFrom == null || !date.isBefore(existedFrom))
                && (existedUntil == null || !date.isAfter(existedUntil));
    }

    public enum Kind {
        STATE,
        REIO
    }

    public boolean isReio() {
        return kind == Kind.REIO;
    }
}
