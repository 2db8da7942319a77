package org.ratification.ledger.projections;

import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/** The database product behind a data source, for the few statements that differ between H2 and PostgreSQL. */
public final class DatabaseProduct {

    private DatabaseProduct() {}

    /** The product's name as its driver reports it ("H2", "PostgreSQL"), or "unknown" if it cannot be asked. */
    public static String of(DataSource dataSource) {
        try {
            return JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        } catch (MetaDataAccessException e) {
            return "unknown";
        }
    }

    /** Whether the data source is PostgreSQL's. */
    public static boolean isPostgreSql(DataSource dataSource) {
        return "PostgreSQL".equals(of(dataSource));
    }
}
