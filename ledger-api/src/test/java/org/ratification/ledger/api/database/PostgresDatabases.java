package org.ratification.ledger.api.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Throw-away PostgreSQL databases for tests: {@code ledger_test_<epoch seconds>_<random>} on the
 * server named by {@code -Dledger.test.postgres=host:port} (default 127.0.0.1:5432, user postgres,
 * no password; {@code -Dledger.test.postgres.user/.password} change those). Databases left behind
 * by a killed test JVM are dropped by the next run once they are six hours old.
 */
public final class PostgresDatabases {

    /** The system property that selects the database of a test run: {@code h2} or {@code postgresql}. */
    public static final String SELECTION = "ledger.test.database";

    private static final Pattern NAME = Pattern.compile("ledger_test_(\\d+)_[a-z0-9]+");
    private static final Duration STALE = Duration.ofHours(6);

    private PostgresDatabases() {}

    /** Whether this test run was asked to use PostgreSQL instead of the embedded H2. */
    public static boolean selected() {
        return "postgresql".equalsIgnoreCase(System.getProperty(SELECTION, "h2"));
    }

    /** Whether the run must fail rather than skip when PostgreSQL is unreachable. */
    public static boolean required() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    public static String server() {
        return System.getProperty("ledger.test.postgres", "127.0.0.1:5432");
    }

    public static String user() {
        return System.getProperty("ledger.test.postgres.user", "postgres");
    }

    public static String password() {
        return System.getProperty("ledger.test.postgres.password", "");
    }

    public static String url(String database) {
        return "jdbc:postgresql://" + server() + "/" + database;
    }

    public static boolean reachable() {
        try (Connection c = admin()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /** Creates a new empty database and answers its name. */
    public static String create() {
        String name = "ledger_test_" + Instant.now().getEpochSecond() + "_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (Connection c = admin();
                Statement s = c.createStatement()) {
            dropStale(s);
            s.execute("CREATE DATABASE " + name);
            return name;
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Cannot create a test database on PostgreSQL at " + server() + ": " + e.getMessage(), e);
        }
    }

    /** Drops a database made by {@link #create()}, closing whatever connections are still open. */
    public static void drop(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a test database: " + name);
        }
        try (Connection c = admin();
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("Could not drop test database " + name + ": " + e.getMessage());
        }
    }

    private static void dropStale(Statement s) throws SQLException {
        List<String> stale = new ArrayList<>();
        long cutoff = Instant.now().minus(STALE).getEpochSecond();
        try (ResultSet rs = s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'ledger_test_%'")) {
            while (rs.next()) {
                Matcher m = NAME.matcher(rs.getString(1));
                if (m.matches() && Long.parseLong(m.group(1)) < cutoff) {
                    stale.add(rs.getString(1));
                }
            }
        }
        for (String name : stale) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    private static Connection admin() throws SQLException {
        DriverManager.setLoginTimeout(3);
        return DriverManager.getConnection(url("postgres"), user(), password());
    }
}
