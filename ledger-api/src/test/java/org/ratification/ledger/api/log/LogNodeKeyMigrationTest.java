package org.ratification.ledger.api.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.ratification.ledger.api.database.PostgresDatabases;
import org.ratification.ledger.core.log.Frontier;
import org.ratification.ledger.core.log.MerkleHash;
import org.ratification.ledger.core.log.MerkleProofs;
import org.ratification.ledger.core.log.NodeId;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Migration V123 (log_node keyed by {@code node_key}) on a store written before it, on H2 and on
 * PostgreSQL: the nodes written by the schema of V90 are all found by their key afterwards, give the
 * same roots and proofs, the database computes the same key as {@link LogStore#nodeKey}, inserts
 * name the same three columns as before, and a node outside the numbering's range is refused.
 */
class LogNodeKeyMigrationTest {

    private static final int LEAVES = 1_000;

    @Test
    void anH2StoreOfBeforeIsMigrated() {
        DriverManagerDataSource h2 = new DriverManagerDataSource(
                "jdbc:h2:mem:log-node-key-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
        migrated(h2, "h2");
    }

    @Test
    void aPostgresqlStoreOfBeforeIsMigrated() {
        boolean reachable = PostgresDatabases.reachable();
        if (!reachable && PostgresDatabases.required()) {
            throw new IllegalStateException("PostgreSQL is required (CI=true) and unreachable");
        }
        Assumptions.assumeTrue(reachable, "no PostgreSQL at " + PostgresDatabases.server());
        String name = PostgresDatabases.create();
        try {
            migrated(
                    new DriverManagerDataSource(
                            PostgresDatabases.url(name), PostgresDatabases.user(), PostgresDatabases.password()),
                    "postgresql");
        } finally {
            PostgresDatabases.drop(name);
        }
    }

    private static void migrated(DataSource dataSource, String vendor) {
        flyway(dataSource, vendor).target("122").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM information_schema.columns WHERE LOWER(table_name) = 'log_node'"
                                + " AND LOWER(column_name) = 'node_key'",
                        Integer.class))
                .as("before V123")
                .isZero();
        LogStore store = new LogStore(jdbc);
        Frontier frontier = new Frontier();
        Map<NodeId, byte[]> written = new LinkedHashMap<>();
        List<byte[]> roots = new java.util.ArrayList<>();
        Random random = new Random(123);
        byte[] chainHash = new byte[32];
        for (int i = 0; i < LEAVES; i++) {
            random.nextBytes(chainHash);
            frontier.append(MerkleHash.leafOfChainHash(MerkleHash.hex(chainHash)), written::put);
            roots.add(frontier.root());
        }
        store.insertNodes(written);

        flyway(dataSource, vendor).load().migrate();

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM log_node", Integer.class))
                .isEqualTo(written.size());
        jdbc.query("SELECT node_level, node_index, node_key FROM log_node", rs -> {
            assertThat(rs.getLong(3)).isEqualTo(LogStore.nodeKey(new NodeId(rs.getInt(1), rs.getLong(2))));
        });
        Map<NodeId, byte[]> read = store.nodes(written.keySet());
        assertThat(read).hasSameSizeAs(written);
        written.forEach((id, hash) -> assertThat(read.get(id)).as(id.toString()).isEqualTo(hash));
        for (int size = 1; size <= LEAVES; size += 37) {
            assertThat(MerkleProofs.rootAt(size, store::nodes)).isEqualTo(roots.get(size - 1));
            long leaf = random.nextInt(size);
            List<byte[]> proof = MerkleProofs.inclusionProof(leaf, size, store::nodes);
            assertThat(MerkleProofs.verifyInclusion(
                            leaf, size, read.get(new NodeId(0, leaf)), proof, roots.get(size - 1)))
                    .isTrue();
            long to = size + random.nextInt(LEAVES - size + 1);
            assertThat(MerkleProofs.verifyConsistency(
                            size,
                            to,
                            MerkleProofs.consistencyProof(size, to, store::nodes),
                            roots.get(size - 1),
                            roots.get((int) to - 1)))
                    .isTrue();
        }
        assertThat(store.nodes(List.of())).isEmpty();

        // the writers' insert is unchanged; the key is the database's
        random.nextBytes(chainHash);
        frontier.append(
                MerkleHash.leafOfChainHash(MerkleHash.hex(chainHash)),
                (id, hash) -> store.insertNodes(Map.of(id, hash)));
        assertThat(MerkleProofs.rootAt(LEAVES + 1, store::nodes)).isEqualTo(frontier.root());
        // the largest subtree the numbering holds, and one past it
        store.insertNodes(Map.of(new NodeId(61, 1), new byte[32]));
        assertThat(store.nodes(List.of(new NodeId(61, 1)))).containsKey(new NodeId(61, 1));
        assertThatThrownBy(() -> store.insertNodes(Map.of(new NodeId(61, 2), new byte[32])))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> store.insertNodes(Map.of(new NodeId(62, 0), new byte[32])))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> store.insertNodes(Map.of(new NodeId(3, 5), new byte[32])))
                .as("a node stored twice")
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(
            DataSource dataSource, String vendor) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor);
    }
}
