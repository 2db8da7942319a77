package org.ratification.ledger.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Writes big stores fast and genuinely: the events of a history that the service itself recorded
 * (payload and metadata bytes exactly as its serializer wrote them) are copied row by row into
 * {@code domain_event_entry}, with the treaty id of the copy and fresh UUIDs (record ids, event
 * ids, trace and correlation ids) so that every copy is a distinct, valid history.
 *
 * <p>The copies carry the template's hash-chain metadata if it has any, so a chain verifier would
 * report them as not chained; nothing in the benchmarks verifies chains.
 */
final class StoreCloner {

    private static final Pattern UUID =
            Pattern.compile("[0-9a-f]{8}(-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");
    private static final int BATCH = 1000;

    private StoreCloner() {}

    /** One row of the event table. */
    record Row(
            String eventId,
            String aggregateId,
            long sequence,
            String type,
            String timeStamp,
            String payloadType,
            String payloadRevision,
            byte[] payload,
            byte[] metaData) {

        /** This row as an event of {@code aggregate} at {@code sequence}, ids renamed by {@code prefix}. */
        Row copy(String fromAggregate, String toAggregate, long newSequence, String prefix) {
            return new Row(
                    rename(eventId, fromAggregate, toAggregate, prefix),
                    toAggregate,
                    newSequence,
                    type,
                    timeStamp,
                    payloadType,
                    payloadRevision,
                    rename(payload, fromAggregate, toAggregate, prefix),
                    metaData == null ? null : rename(metaData, fromAggregate, toAggregate, prefix));
        }
    }

    static byte[] rename(byte[] bytes, String from, String to, String prefix) {
        return rename(new String(bytes, StandardCharsets.UTF_8), from, to, prefix)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Replaces the treaty id (as a JSON string) and the first 8 hex digits of every UUID. */
    static String rename(String text, String from, String to, String prefix) {
        String renamed = text.replace("\"" + from + "\"", "\"" + to + "\"");
        Matcher m = UUID.matcher(renamed);
        return m.replaceAll(r -> prefix + r.group(1));
    }

    /** The events of one aggregate, in sequence order. */
    static List<Row> read(DataSource dataSource, String aggregateId) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT event_identifier, aggregate_identifier, sequence_number,"
                                + " type, time_stamp, payload_type, payload_revision, payload, meta_data FROM domain_event_entry"
                                + " WHERE aggregate_identifier = ? ORDER BY sequence_number")) {
            ps.setString(1, aggregateId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getLong(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getBytes(8),
                            rs.getBytes(9)));
                }
            }
        }
        return rows;
    }

    /**
     * Copies the template history as new treaties named by {@code names} until {@code events} rows
     * are written (the last copy may be a shortened history); answers the new treaty ids.
     */
    static List<String> cloneTreaties(Database database, List<Row> template, IntFunction<String> names, long events)
            throws SQLException {
        String from = template.get(0).aggregateId();
        List<String> treaties = new ArrayList<>();
        long written = 0;
        try (Inserter inserter = new Inserter(database)) {
            for (int copy = 0; written < events; copy++) {
                String to = names.apply(copy);
                String prefix = String.format("%08x", 0xc0000000L + copy);
                treaties.add(to);
                for (Row row : template) {
                    if (written >= events) {
                        break;
                    }
                    inserter.add(row.copy(from, to, row.sequence(), prefix));
                    written++;
                }
            }
        }
        return treaties;
    }

    /** Appends copies of {@code rows} (in turn) to their own aggregate, at sequence numbers from..to-1. */
    static void extend(Database database, List<Row> rows, long from, long to) throws SQLException {
        String aggregate = rows.get(0).aggregateId();
        try (Inserter inserter = new Inserter(database)) {
            for (long seq = from; seq < to; seq++) {
                Row row = rows.get((int) ((seq - from) % rows.size()));
                inserter.add(row.copy(aggregate, aggregate, seq, String.format("%08x", 0xb0000000L + seq)));
            }
        }
    }

    /** Batched inserts on a connection of its own, committed every {@value #BATCH} rows. */
    private static final class Inserter implements AutoCloseable {

        private final Connection connection;
        private final PreparedStatement insert;
        private int pending;

        Inserter(Database database) throws SQLException {
            String url = database.vendor().equals("postgresql")
                    ? database.url() + "?reWriteBatchedInserts=true"
                    : database.url();
            connection = DriverManager.getConnection(url, database.user(), database.password());
            connection.setAutoCommit(false);
            insert = connection.prepareStatement(
                    "INSERT INTO domain_event_entry (event_identifier, aggregate_identifier,"
                            + " sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }

        void add(Row row) throws SQLException {
            insert.setString(1, row.eventId());
            insert.setString(2, row.aggregateId());
            insert.setLong(3, row.sequence());
            insert.setString(4, row.type());
            insert.setString(5, row.timeStamp());
            insert.setString(6, row.payloadType());
            insert.setString(7, row.payloadRevision());
            insert.setBytes(8, row.payload());
            insert.setBytes(9, row.metaData());
            insert.addBatch();
            if (++pending == BATCH) {
                flush();
            }
        }

        private void flush() throws SQLException {
            if (pending > 0) {
                insert.executeBatch();
                connection.commit();
                pending = 0;
            }
        }

        @Override
        public void close() throws SQLException {
            try {
                flush();
            } finally {
                insert.close();
                connection.close();
            }
        }
    }
}
