package org.ratification.ledger.api.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.ratification.ledger.api.database.PostgresDatabases;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Migrations V130 (PostgreSQL) and V124 (H2) on a store whose records are leaves already, written
 * inline in global order. PostgreSQL: they keep no transaction id and stay first, in global order; the
 * head names the last of them, so the appender goes on with the records written after the migration,
 * which carry their transaction's id, in (xid, global index) order; a cleared tree is folded in the
 * same order. H2: the head names the last of them, and the appender goes on in global order, up to
 * the horizon it is given.
 */
class LogXidMigrationTest {

    @Test
    void aPostgresqlStoreWithLeavesOfBeforeIsMigrated() {
        boolean reachable = PostgresDatabases.reachable();
        if (!reachable && PostgresDatabases.required()) {
            throw new IllegalStateException("PostgreSQL is required (CI=true) and unreachable");
        }
        Assumptions.assumeTrue(reachable, "no PostgreSQL at " + PostgresDatabases.server());
        String name = PostgresDatabases.create();
        try {
            DriverManagerDataSource dataSource = new DriverManagerDataSource(
                    PostgresDatabases.url(name), PostgresDatabases.user(), PostgresDatabases.password());
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
                    .target("123")
                    .load()
                    .migrate();
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            leavesOfBefore(jdbc);

            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
                    .load()
                    .migrate();

            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE xid IS NULL", Long.class))
                    .isEqualTo(3);
            LogStore store = new LogStore(jdbc);
            assertThat(store.ordersByTransaction()).isTrue();
            LogStore.LastLeaf last = store.lockHead().last();
            long lastOld = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
            assertThat(last).isEqualTo(new LogStore.LastLeaf(null, lastOld));
            assertThat(store.committedAfter(last, 10)).isEmpty();

            // records written after it carry their transaction's id and follow the last leaf
            insertRecord(jdbc, "t-new", 0);
            insertRecord(jdbc, "t-new", 1);
            // (once every transaction of the server older than theirs has ended: the horizon)
            List<LogStore.Committed> next = await().atMost(Duration.ofSeconds(30))
                    .until(() -> store.committedAfter(last, 10), found -> found.size() == 2);
            assertThat(next).extracting(LogStore.Committed::recordId).containsExactly("t-new-0", "t-new-1");
            assertThat(next).allSatisfy(c -> assertThat(c.position().xid()).isNotNull());
            assertThat(next.get(0).position().xid())
                    .isLessThan(next.get(1).position().xid());
            assertThat(next.get(1).chainHash()).isEqualTo(hash("t-new", 1));
            assertThat(store.committedAfter(next.get(0).position(), 10))
                    .extracting(LogStore.Committed::recordId)
                    .containsExactly("t-new-1");

            // the head keeps where the last leaf is, of before (no xid) or after
            store.moveHead(4, "r4", new LogStore.LastLeaf(null, lastOld));
            assertThat(store.committedHead())
                    .isEqualTo(new LogStore.CommittedHead(4, new LogStore.LastLeaf(null, lastOld)));
            store.moveHead(5, "r5", next.get(0).position());
            assertThat(store.committedHead())
                    .isEqualTo(new LogStore.CommittedHead(5, next.get(0).position()));
            assertThat(store.backlog(100)).isEqualTo(new LogStore.Backlog(5, 1));

            // a cleared tree is folded in the same order: the records of before first, in global order
            assertThat(store.committedAfter(new LogStore.LastLeaf(null, null), 10))
                    .extracting(LogStore.Committed::recordId)
                    .containsExactly("t-old-0", "t-old-1", "t-old-2", "t-new-0", "t-new-1");
            assertThat(store.committedAfter(new LogStore.LastLeaf(null, null), 4))
                    .extracting(LogStore.Committed::recordId)
                    .containsExactly("t-old-0", "t-old-1", "t-old-2", "t-new-0");
        } finally {
            PostgresDatabases.drop(name);
        }
    }

    @Test
    void anH2StoreWithLeavesOfBeforeIsMigrated() {
        DriverManagerDataSource dataSource =
                new DriverManagerDataSource("jdbc:h2:mem:log-v124-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .target("123")
                .load()
                .migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        try {
            leavesOfBefore(jdbc);
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration/common", "classpath:db/migration/h2")
                    .load()
                    .migrate();

            LogStore store = new LogStore(jdbc);
            assertThat(store.ordersByTransaction()).isFalse();
            LogStore.LastLeaf last = store.lockHead().last();
            long lastOld = store.largestGlobalIndex();
            assertThat(last).isEqualTo(new LogStore.LastLeaf(null, lastOld));
            assertThat(store.committedUpTo(last, lastOld, 10)).isEmpty();
            assertThat(store.anyCommittedAfter(last)).isFalse();

            long first = insertRecord(jdbc, "t-new", 0);
            insertRecord(jdbc, "t-new", 1);
            assertThat(store.anyCommittedAfter(last)).isTrue();
            List<LogStore.Committed> next = store.committedUpTo(last, store.largestGlobalIndex(), 10);
            assertThat(next).extracting(LogStore.Committed::recordId).containsExactly("t-new-0", "t-new-1");
            assertThat(next).allSatisfy(c -> assertThat(c.position().xid()).isNull());
            assertThat(next.get(1).chainHash()).isEqualTo(hash("t-new", 1));
            assertThat(store.committedUpTo(last, first, 10))
                    .as("up to the horizon only")
                    .extracting(LogStore.Committed::recordId)
                    .containsExactly("t-new-0");

            store.moveHead(4, "r4", next.get(0).position());
            assertThat(store.committedHead())
                    .isEqualTo(new LogStore.CommittedHead(4, new LogStore.LastLeaf(null, first)));
            assertThat(store.backlog(100)).isEqualTo(new LogStore.Backlog(4, 1));

            // a cleared tree is folded in global order
            store.clearTree();
            assertThat(store.committedHead())
                    .isEqualTo(new LogStore.CommittedHead(0, new LogStore.LastLeaf(null, null)));
            assertThat(store.committedUpTo(new LogStore.LastLeaf(null, null), store.largestGlobalIndex(), 10))
                    .extracting(LogStore.Committed::recordId)
                    .containsExactly("t-old-0", "t-old-1", "t-old-2", "t-new-0", "t-new-1");
        } finally {
            jdbc.execute("SHUTDOWN");
        }
    }

    /** Three records of before, each a leaf (as the inline log wrote them), and the head of their tree. */
    private static void leavesOfBefore(JdbcTemplate jdbc) {
        for (int sequence = 0; sequence < 3; sequence++) {
            long global = insertRecord(jdbc, "t-old", sequence);
            jdbc.update(
                    "INSERT INTO log_leaf (leaf_index, global_index, record_id, treaty_id, sequence_number,"
                            + " chain_hash) VALUES (?, ?, ?, 't-old', ?, ?)",
                    sequence,
                    global,
                    "t-old-" + sequence,
                    sequence,
                    hash("t-old", sequence));
        }
        jdbc.update("UPDATE log_head SET tree_size = 3, root_hash = 'r' WHERE id = 1");
    }

    private static String hash(String treaty, int sequence) {
        return String.format("%064x", (treaty + sequence).hashCode() & 0xffffffffL);
    }

    /** Inserts a record as Axon does (its columns named), in a transaction of its own; returns its global index. */
    private static long insertRecord(JdbcTemplate jdbc, String treaty, int sequence) {
        jdbc.update(
                "INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,"
                        + " time_stamp, payload_type, payload_revision, payload, meta_data)"
                        + " VALUES (?, ?, ?, 'Treaty', '2026-01-01T00:00:00Z', 'x', NULL, ?, ?)",
                UUID.randomUUID().toString(),
                treaty,
                sequence,
                ("{\"recordId\":\"" + treaty + "-" + sequence + "\"}").getBytes(StandardCharsets.UTF_8),
                ("{\"hash\":\"" + hash(treaty, sequence) + "\"}").getBytes(StandardCharsets.UTF_8));
        return jdbc.queryForObject(
                "SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = ?",
                Long.class,
                treaty,
                sequence);
    }
}
