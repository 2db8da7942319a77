package org.ratification.ledger.api.database;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ActiveProfilesResolver;
import org.springframework.test.context.ContextConfiguration;

/**
 * Runs a Spring test on the database of the test run: a private in-memory H2 by default, or, in
 * the {@code postgres} surefire execution ({@code -Dledger.test.database=postgresql}), a fresh
 * PostgreSQL database per application context with the {@code postgres} profile, dropped when the
 * JVM exits. Without a reachable PostgreSQL the PostgreSQL run is skipped, unless {@code CI=true}.
 * Activates the {@code test} profile (and {@code postgres}); tagged {@code database} so that the
 * PostgreSQL execution runs exactly the tests that carry it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag(TestDatabase.TAG)
@ExtendWith(TestDatabaseCondition.class)
@ActiveProfiles(resolver = TestDatabase.Profiles.class)
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
public @interface TestDatabase {

    String TAG = "database";

    /** {@code test}, plus {@code postgres} in the PostgreSQL run. */
    final class Profiles implements ActiveProfilesResolver {
        @Override
        public String[] resolve(Class<?> testClass) {
            return PostgresDatabases.selected() ? new String[] {"test", "postgres"} : new String[] {"test"};
        }
    }
}
