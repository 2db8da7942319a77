package org.ratification.ledger.api.database;

import java.util.Map;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * In the PostgreSQL run, gives each application context a database of its own: created before
 * the context starts, dropped (WITH FORCE) after the context has closed, at the latest when the
 * JVM exits. In the H2 run it does nothing: application-test.yml names a private in-memory H2.
 */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (!PostgresDatabases.selected()) {
            return;
        }
        String database = PostgresDatabases.create();
        LoggerFactory.getLogger(TestDatabaseInitializer.class)
                .info("Test context on PostgreSQL database {} at {}", database, PostgresDatabases.server());
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource("ledger-test-database", properties(database)));
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            context.close();
                            PostgresDatabases.drop(database);
                        },
                        "drop-" + database));
    }

    /**
     * The settings that point a context at a test database. Contexts stay cached while the suite
     * runs, so each keeps few idle connections: many contexts share PostgreSQL's 100 connections.
     */
    public static Map<String, Object> properties(String database) {
        return Map.of(
                "spring.datasource.url",
                PostgresDatabases.url(database),
                "spring.datasource.username",
                PostgresDatabases.user(),
                "spring.datasource.password",
                PostgresDatabases.password(),
                "spring.datasource.hikari.maximum-pool-size",
                8,
                "spring.datasource.hikari.minimum-idle",
                1,
                "spring.datasource.hikari.idle-timeout",
                10000);
    }
}
