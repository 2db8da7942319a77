package org.ratification.ledger.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The database a run uses: created fresh for the run and removed after it. */
abstract sealed class Database implements AutoCloseable {

    /** The vendor name as Flyway and the results spell it: h2 or postgresql. */
    abstract String vendor();

    abstract String url();

    abstract String user();

    abstract String password();

    /** Arguments that make the in-process service use this database. */
    abstract List<String> springArguments();

    /** Environment that makes a child service JVM use this database. */
    abstract Map<String, String> childEnvironment();

    /** Removes the database; called once, by {@link #close()} or by the shutdown hook. */
    abstract void remove();

    private final java.util.concurrent.atomic.AtomicBoolean removed = new java.util.concurrent.atomic.AtomicBoolean();
    private Thread hook;

    @Override
    public void close() {
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down: the hook runs
            }
        }
        if (removed.compareAndSet(false, true)) {
            remove();
        }
    }

    /** Creates the database and makes sure it is removed even if the run is interrupted (Ctrl-C, SIGTERM). */
    static Database create(String vendor) {
        Database database =
                switch (vendor) {
                    case "h2" -> H2.create();
                    case "postgresql", "postgres", "pg" -> Postgres.create();
                    default -> throw new IllegalArgumentException("--db is h2 or postgresql, not " + vendor);
                };
        database.hook = new Thread(
                () -> {
                    if (database.removed.compareAndSet(false, true)) {
                        database.remove();
                    }
                },
                "remove-bench-database");
        Runtime.getRuntime().addShutdownHook(database.hook);
        return database;
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** The embedded default: an H2 file database in a fresh temporary directory. */
    static final class H2 extends Database {

        private final Path directory;

        private H2(Path directory) {
            this.directory = directory;
        }

        static H2 create() {
            try {
                return new H2(Files.createTempDirectory("ledger-bench-h2-"));
            } catch (IOException e) {
                throw new IllegalStateException("cannot create a temporary directory", e);
            }
        }

        @Override
        String vendor() {
            return "h2";
        }

        @Override
        String url() {
            // as the service's embedded default: every commit written to the file before it returns, and
            // room for a recording's parsed statements
            return "jdbc:h2:file:" + directory.resolve("ledger").toAbsolutePath()
                    + ";AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;QUERY_CACHE_SIZE=64";
        }

        @Override
        String user() {
            return "sa";
        }

        @Override
        String password() {
            return "";
        }

        @Override
        List<String> springArguments() {
            return List.of(
                    "--spring.datasource.url=" + url(),
                    "--spring.datasource.username=sa",
                    "--spring.datasource.password=");
        }

        @Override
        Map<String, String> childEnvironment() {
            return Map.of("LEDGER_DB_URL", url(), "LEDGER_DB_USER", "sa", "LEDGER_DB_PASSWORD", "");
        }

        @Override
        void remove() {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                Log.info("could not delete %s: %s", directory, e.getMessage());
            }
        }
    }

    /**
     * PostgreSQL with the service's {@code postgres} profile: a fresh database
     * {@code ledger_bench_<timestamp>} on the server of LEDGER_DB_URL (default 127.0.0.1:5432),
     * created through JDBC and dropped after the run.
     */
    static final class Postgres extends Database {

        private final String server;
        private final String name;
        private final String user;
        private final String password;

        private Postgres(String server, String name, String user, String password) {
            this.server = server;
            this.name = name;
            this.user = user;
            this.password = password;
        }

        static Postgres create() {
            String configured = env("LEDGER_DB_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
            if (!configured.startsWith("jdbc:postgresql://")) {
                throw new IllegalArgumentException("LEDGER_DB_URL is not a PostgreSQL URL: " + configured);
            }
            String rest = configured.substring("jdbc:postgresql://".length());
            int slash = rest.indexOf('/');
            String server = "jdbc:postgresql://" + (slash < 0 ? rest : rest.substring(0, slash));
            String name = "ledger_bench_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss"))
                    + "_" + Long.toString(System.nanoTime() % 1_000_000, 36);
            Postgres db = new Postgres(server, name, env("LEDGER_DB_USER", "postgres"), env("LEDGER_DB_PASSWORD", ""));
            db.admin("CREATE DATABASE " + name);
            Log.info("created database %s on %s", name, server);
            return db;
        }

        private void admin(String sql) {
            try (Connection c = DriverManager.getConnection(server + "/postgres", user, password);
                    Statement s = c.createStatement()) {
                s.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
            }
        }

        @Override
        String vendor() {
            return "postgresql";
        }

        @Override
        String url() {
            return server + "/" + name;
        }

        @Override
        String user() {
            return user;
        }

        @Override
        String password() {
            return password;
        }

        @Override
        List<String> springArguments() {
            return List.of(
                    "--spring.profiles.active=postgres",
                    "--spring.datasource.url=" + url(),
                    "--spring.datasource.username=" + user,
                    "--spring.datasource.password=" + password);
        }

        @Override
        Map<String, String> childEnvironment() {
            return Map.of(
                    "SPRING_PROFILES_ACTIVE",
                    "postgres",
                    "LEDGER_DB_URL",
                    url(),
                    "LEDGER_DB_USER",
                    user,
                    "LEDGER_DB_PASSWORD",
                    password);
        }

        @Override
        void remove() {
            try {
                admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                Log.info("dropped database %s", name);
            } catch (IllegalStateException e) {
                Log.info("could not drop database %s: %s", name, e.getMessage());
            }
        }
    }
}
