package org.ratification.ledger.api.security;

/** The two roles of the ledger. Everything else is public reading. */
public final class Roles {

    /** Records actions and operates the service (/api/admin/**). */
    public static final String DEPOSITARY = "DEPOSITARY";

    /** Reads the full history, verifies the chain, exports (/api/treaties/{id}/history/**). */
    public static final String AUDITOR = "AUDITOR";

    private Roles() {}
}
