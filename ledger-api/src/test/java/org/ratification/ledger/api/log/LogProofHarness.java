package org.ratification.ledger.api.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.ratification.ledger.api.ApiTestSupport;
import org.ratification.ledger.core.log.Frontier;
import org.ratification.ledger.core.log.MerkleHash;
import org.ratification.ledger.core.log.MerkleProofs;
import org.ratification.ledger.core.log.NodeId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Not a test of the default suite: times 1,000 inclusion and 1,000 consistency proofs, one client,
 * through HTTP, on a log of {@code ledger.harness.leaves} leaves (default 1,000,000) written directly
 * by the store's own folding code ({@link Frontier} and {@link LogStore}, as {@link LogAppender} writes
 * them), on an H2 file database (under target/) or, in the {@code postgres} execution, on PostgreSQL:
 *
 * <pre>
 * ./mvnw -B -ntp -pl ledger-api -am test -Dtest=LogProofHarness -Dledger.harness=log-proofs \
 *     -Dsurefire.failIfNoSpecifiedTests=false [-Dledger.harness.leaves=1000000]
 * </pre>
 *
 * Both executions run it (the H2 one, then the PostgreSQL one); results in bench/RESULTS.md §0.
 */
@EnabledIfSystemProperty(named = "ledger.harness", matches = "log-proofs")
@TestPropertySource(
        properties = {
            "spring.datasource.url=jdbc:h2:file:./target/log-proof-harness/ledger;AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE",
            "ledger.log.origin=log-proof-harness"
        })
class LogProofHarness extends ApiTestSupport {

    private static final int PROOFS = 1_000;
    private static final int WRITE_BATCH = 10_000;

    @Autowired
    LogStore store;

    @Autowired
    LogCheckpoints checkpoints;

    @Autowired
    LogService service;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void proofsOnALargeLog() throws Exception {
        long leaves = Long.getLong("ledger.harness.leaves", 1_000_000);
        String url = jdbc.getDataSource().getConnection().getMetaData().getURL();
        List<String> recordIds = build(leaves);
        System.out.printf("%n[harness] %s, %,d leaves%n", url, store.head().size());
        explain(recordIds.get(recordIds.size() / 2));

        Random random = new Random(17);
        // warm-up (JIT, connection pool, caches), then the measured runs
        for (int i = 0; i < 200; i++) {
            inclusion(recordIds, leaves, random);
            consistency(leaves, random);
        }
        report("inclusion, size = log", time(() -> {
            String recordId = recordIds.get(random.nextInt(recordIds.size()));
            return status(as(Role.ANONYMOUS).get("/api/log/proof/inclusion?recordId=" + recordId + "&size=" + leaves));
        }));
        report("inclusion, random size", time(() -> inclusion(recordIds, leaves, random)));
        report("consistency, random sizes", time(() -> consistency(leaves, random)));
        // the same without HTTP and JSON: the service's reads and hashing only
        report("service: inclusion, random", time(() -> {
            int leaf = random.nextInt(recordIds.size());
            long size = leaf + 1 + (long) (random.nextDouble() * (leaves - leaf - 1));
            return service.inclusion(recordIds.get(leaf), size).proof().size();
        }));
        report("service: consistency, random", time(() -> {
            long to = 2 + (long) (random.nextDouble() * (leaves - 2));
            long from = 1 + (long) (random.nextDouble() * (to - 1));
            return service.consistency(from, to).proof().size();
        }));
        report("leaf of a record (query)", time(() -> store.leafOfRecord(
                        recordIds.get(random.nextInt(recordIds.size())))
                .orElseThrow()
                .leafIndex()));
        // the lookup before this harness (PostgreSQL walked the primary key, filtering every earlier leaf)
        report(
                "before: leaf query, 100 times",
                time(
                        100,
                        () -> jdbc.queryForObject(
                                "SELECT leaf_index FROM log_leaf WHERE record_id = ? ORDER BY leaf_index FETCH FIRST 1 ROWS ONLY",
                                Long.class,
                                recordIds.get(random.nextInt(recordIds.size())))));
    }

    private long inclusion(List<String> recordIds, long leaves, Random random) {
        int leaf = random.nextInt(recordIds.size());
        long size = leaf + 1 + (long) (random.nextDouble() * (leaves - leaf - 1));
        return status(
                as(Role.ANONYMOUS).get("/api/log/proof/inclusion?recordId=" + recordIds.get(leaf) + "&size=" + size));
    }

    private long consistency(long leaves, Random random) {
        long to = 2 + (long) (random.nextDouble() * (leaves - 2));
        long from = 1 + (long) (random.nextDouble() * (to - 1));
        return status(as(Role.ANONYMOUS).get("/api/log/proof/consistency?from=" + from + "&to=" + to));
    }

    private static long status(Reply reply) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        return reply.body().path("proof").size();
    }

    private static long[] time(LongSupplier proof) {
        return time(PROOFS, proof);
    }

    private static long[] time(int count, LongSupplier proof) {
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            proof.getAsLong();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static void report(String what, long[] sorted) {
        System.out.printf(
                "[harness] %-28s p50 %6.2f ms  p90 %6.2f ms  p99 %6.2f ms  max %6.2f ms%n",
                what,
                sorted[sorted.length / 2] / 1e6,
                sorted[sorted.length * 90 / 100] / 1e6,
                sorted[sorted.length * 99 / 100] / 1e6,
                sorted[sorted.length - 1] / 1e6);
    }

    /** Appends {@code leaves} leaves (or reuses a log of that size), checks the root, signs a checkpoint. */
    private List<String> build(long leaves) {
        List<String> recordIds = new ArrayList<>();
        // the service may have logged a record or two at its start: they stay the first leaves
        long existing = store.head().size();
        jdbc.query("SELECT record_id FROM log_leaf ORDER BY leaf_index", rs -> {
            recordIds.add(rs.getString(1));
        });
        if (existing >= leaves) {
            return recordIds;
        }
        long started = System.nanoTime();
        Frontier frontier = store.frontier(existing);
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        Random random = new Random(1);
        byte[] chainHash = new byte[32];
        while (frontier.size() < leaves) {
            List<LogStore.Leaf> batch = new ArrayList<>();
            Map<NodeId, byte[]> nodes = new LinkedHashMap<>();
            while (batch.size() < WRITE_BATCH && frontier.size() < leaves) {
                random.nextBytes(chainHash);
                String hex = MerkleHash.hex(chainHash);
                String recordId = UUID.nameUUIDFromBytes(chainHash).toString();
                long index = frontier.size();
                batch.add(new LogStore.Leaf(
                        index, 1_000_000_000L + index, recordId, "t-harness-" + index / 50, index % 50, hex));
                recordIds.add(recordId);
                frontier.append(MerkleHash.leafOfChainHash(hex), nodes::put);
            }
            transaction.executeWithoutResult(status -> {
                store.insertLeaves(batch);
                store.insertNodes(nodes);
                store.moveHead(frontier.size(), MerkleHash.hex(frontier.root()));
            });
        }
        System.out.printf("[harness] built %,d leaves in %.1f s%n", leaves, (System.nanoTime() - started) / 1e9);
        assertThat(MerkleProofs.rootAt(leaves, store::nodes)).isEqualTo(frontier.root());
        assertThat(recordIds).hasSize((int) leaves);
        // signed now, unless the periodic signer was first
        checkpoints.signLatest();
        assertThat(store.largestCheckpointSize()).isEqualTo(leaves);
        return recordIds;
    }

    private void explain(String recordId) {
        for (String sql : List.of(
                "EXPLAIN SELECT * FROM log_leaf WHERE record_id = '" + recordId
                        + "' ORDER BY leaf_index FETCH FIRST 1 ROWS ONLY",
                "EXPLAIN SELECT MAX(leaf_index) FROM log_leaf",
                "EXPLAIN SELECT * FROM log_checkpoint ORDER BY tree_size DESC FETCH FIRST 1 ROWS ONLY",
                "EXPLAIN SELECT node_level, node_index, hash FROM log_node WHERE node_level = 3 AND node_index = 5"
                        + " UNION ALL SELECT node_level, node_index, hash FROM log_node WHERE node_level = 4"
                        + " AND node_index = 7")) {
            System.out.println("[harness] " + sql);
            jdbc.queryForList(sql, String.class).forEach(line -> System.out.println("[harness]   " + line));
        }
    }
}
