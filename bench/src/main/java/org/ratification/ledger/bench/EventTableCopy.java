package org.ratification.ledger.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Baseline B1's table: a copy of {@code domain_event_entry} made from the service's own Flyway
 * migration text (the same DDL, table and constraint names prefixed), so the baseline writes to
 * exactly the structure the ledger writes to, with the same indexes and key generation.
 */
final class EventTableCopy {

    static final String TABLE = "bench_b1_event";
    private static final String SOURCE = "domain_event_entry";

    private EventTableCopy() {}

    /** A stored event's columns, copied byte for byte from the ledger's own table. */
    record StoredEvent(String type, String payloadType, String payloadRevision, byte[] payload, byte[] metaData) {}

    /**
     * The statements of the service's migrations (its vendor's and the common ones, in version order)
     * that create the event table, its sequence and its indexes, and alter it, renamed for the copy.
     */
    static List<String> statements(String vendor) throws IOException {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        List<Resource> migrations = new ArrayList<>();
        for (String folder : List.of(vendor, "common")) {
            migrations.addAll(List.of(resolver.getResources("classpath*:db/migration/" + folder + "/V*.sql")));
        }
        migrations.sort(Comparator.comparing(EventTableCopy::version));
        List<String> copy = new ArrayList<>();
        for (Resource r : migrations) {
            String sql;
            try (InputStream in = r.getInputStream()) {
                sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            for (String statement : withoutComments(sql).split(";")) {
                String s = statement.strip();
                String lower = s.toLowerCase(Locale.ROOT);
                if (lower.startsWith("create sequence " + SOURCE)
                        || lower.matches("(?s)create table " + SOURCE + "\\s*\\(.*")) {
                    copy.add(s.replace(SOURCE, TABLE));
                } else if (lower.matches("(?s)alter table " + SOURCE + "\\s.*")) {
                    copy.add(s.replaceFirst("(?i)alter table " + SOURCE, "ALTER TABLE " + TABLE));
                } else if (lower.matches("(?s)create (unique )?index .* on " + SOURCE + "\\s*\\(.*")) {
                    Matcher m = INDEX.matcher(s);
                    if (m.find()) {
                        String name = m.group(2);
                        String renamed = name.contains(SOURCE) ? name.replace(SOURCE, TABLE) : TABLE + "_" + name;
                        copy.add(m.replaceFirst("$1" + renamed + "$3").replace(" " + SOURCE, " " + TABLE));
                    }
                }
            }
        }
        if (copy.stream().noneMatch(s -> s.toLowerCase(Locale.ROOT).startsWith("create table"))) {
            throw new IllegalStateException("no migration creating " + SOURCE + " found for " + vendor);
        }
        return copy;
    }

    private static final Pattern INDEX =
            Pattern.compile("(?is)^(create\\s+(?:unique\\s+)?index\\s+(?:if\\s+not\\s+exists\\s+)?)(\\w+)(\\s+on\\s+)");

    /** The version number of a Flyway migration file name (V20__x.sql → 20). */
    private static double version(Resource migration) {
        String name = String.valueOf(migration.getFilename());
        try {
            return Double.parseDouble(name.substring(1, name.indexOf("__")).replace('_', '.'));
        } catch (RuntimeException e) {
            return Double.MAX_VALUE;
        }
    }

    private static String withoutComments(String sql) {
        StringBuilder out = new StringBuilder();
        for (String line : sql.split("\n")) {
            int comment = line.indexOf("--");
            out.append(comment >= 0 ? line.substring(0, comment) : line).append('\n');
        }
        return out.toString();
    }

    static void create(DataSource dataSource, String vendor) throws IOException, SQLException {
        List<String> ddl = statements(vendor);
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + TABLE);
            s.execute("DROP SEQUENCE IF EXISTS " + TABLE + "_seq");
            for (String statement : ddl) {
                s.execute(statement);
            }
        }
    }

    /** The latest stored event whose payload type ends with {@code simpleName}. */
    static StoredEvent sample(DataSource dataSource, String simpleName) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT type, payload_type, payload_revision, payload, meta_data FROM " + SOURCE
                                + " WHERE payload_type LIKE ? ORDER BY global_index DESC FETCH FIRST 1 ROWS ONLY")) {
            ps.setString(1, "%" + simpleName);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no stored " + simpleName + " to copy");
                }
                return new StoredEvent(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getBytes(4), rs.getBytes(5));
            }
        }
    }

    /** Inserts one event row and commits: the whole of baseline B1's work for one write. */
    static void insert(DataSource dataSource, StoredEvent event, String eventId, String aggregateId, long sequence)
            throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE
                    + " (event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type,"
                    + " payload_revision, payload, meta_data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, eventId);
                ps.setString(2, aggregateId);
                ps.setLong(3, sequence);
                ps.setString(4, event.type());
                ps.setString(5, Instant.now().toString());
                ps.setString(6, event.payloadType());
                ps.setString(7, event.payloadRevision());
                ps.setBytes(8, event.payload());
                ps.setBytes(9, event.metaData());
                ps.executeUpdate();
            }
            c.commit();
        }
    }

    static void drop(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + TABLE);
            s.execute("DROP SEQUENCE IF EXISTS " + TABLE + "_seq");
        }
    }
}
