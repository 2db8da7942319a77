package org.ratification.ledger.api.database;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips the tests of the PostgreSQL run, with a reason, when no PostgreSQL answers and CI is not
 * "true"; under CI they run, and fail on the unreachable database.
 */
public class TestDatabaseCondition implements ExecutionCondition {

    private static volatile Boolean reachable;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!PostgresDatabases.selected()) {
            return ConditionEvaluationResult.enabled("runs on the embedded H2 database");
        }
        return postgresAvailable("runs on a fresh PostgreSQL database");
    }

    /** Enabled when PostgreSQL answers or CI requires it; disabled with the reason otherwise. */
    public static ConditionEvaluationResult postgresAvailable(String enabledReason) {
        if (reachable == null) {
            reachable = PostgresDatabases.reachable();
            if (!reachable) {
                System.err.println("PostgreSQL is not reachable at " + PostgresDatabases.server()
                        + (PostgresDatabases.required()
                                ? ": CI=true, so the PostgreSQL tests run and fail."
                                : ": the PostgreSQL tests are SKIPPED (set CI=true to make this a failure)."));
            }
        }
        if (reachable || PostgresDatabases.required()) {
            return ConditionEvaluationResult.enabled(enabledReason + " at " + PostgresDatabases.server());
        }
        return ConditionEvaluationResult.disabled("PostgreSQL is not reachable at " + PostgresDatabases.server()
                + "; skipped because CI is not \"true\"");
    }
}
