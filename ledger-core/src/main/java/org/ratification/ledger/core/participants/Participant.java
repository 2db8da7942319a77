package org.ratification.ledger.core.participants;

import java.util.Set;

/**
 * A State or a regional economic integration organization (REIO) known to the ledger. For a
 * REIO, {@code members} are its member States' codes; for a State, {@code memberOf} names the
 * REIOs it belongs to.
 */
public record Participant(String code, String name, Kind kind, Set<String> memberOf, Set<String> members) {

    public enum Kind {
        STATE,
        REIO
    }

    public boolean isReio() {
        return kind == Kind.REIO;
    }
}
