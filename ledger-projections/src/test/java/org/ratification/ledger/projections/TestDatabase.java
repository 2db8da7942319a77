package org.ratification.ledger.projections;

import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/** A private in-memory H2 database with the read models' migrations applied, for tests without Spring. */
public final class TestDatabase {

    private TestDatabase() {}

    public static DataSource create() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:projections-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/common")
                .load()
                .migrate();
        return dataSource;
    }
}
