package org.ratification.ledger.api.write;

import java.util.UUID;

/**
 * Where a new record's id comes from: a random UUID, unless the request thread has been given the
 * id to use (the idempotency filter derives it from the Idempotency-Key, so that a write retried
 * after a crash cannot be recorded twice). A given id is used once.
 */
public final class RecordIds {

    private static final ThreadLocal<String> GIVEN = new ThreadLocal<>();

    private RecordIds() {}

    public static String next() {
        String given = GIVEN.get();
        if (given != null) {
            GIVEN.remove();
            return given;
        }
        return UUID.randomUUID().toString();
    }

    /** Makes {@code recordId} the id of the next record this thread writes. */
    public static void useNext(String recordId) {
        GIVEN.set(recordId);
    }

    public static void clear() {
        GIVEN.remove();
    }
}
