package org.ratification.ledger.core.rules;

/**
 * Why the ledger refuses a request: a stable machine-readable {@code code}, the kind of refusal
 * (which the REST layer maps to an HTTP status) and a sentence a depositary understands.
 */
public record Rejection(String code, Kind kind, String message) {

    public enum Kind {
        /** The request is malformed (400). */
        INVALID,
        /** The treaty or the referenced record does not exist (404). */
        NOT_FOUND,
        /** The action was already recorded (409). */
        CONFLICT,
        /** A rule of the treaty refuses it (422). */
        RULE
    }

    public static Rejection invalid(String code, String message) {
        return new Rejection(code, Kind.INVALID, message);
    }

    public static Rejection notFound(String code, String message) {
        return new Rejection(code, Kind.NOT_FOUND, message);
    }

    public static Rejection conflict(String code, String message) {
        return new Rejection(code, Kind.CONFLICT, message);
    }

    public static Rejection rule(String code, String message) {
        return new Rejection(code, Kind.RULE, message);
    }

    public RejectedException exception() {
        return new RejectedException(this);
    }
}
