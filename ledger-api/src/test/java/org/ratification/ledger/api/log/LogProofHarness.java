package org.ratification.ledger.api.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
 * Both executions run it (the H2 one, then the PostgreSQL one); results in bench/RESULTS.md §0. The H2
 * file (about 1 GB) is kept for the next run (which then skips the writing); delete
 * {@code ledger-api/target/log-proof-harness} to start afresh. Writing takes minutes, the proofs about
 * one more on an idle machine. Also timed without HTTP, and the record's leaf lookup alone.
 */
@EnabledIfSystemProperty(named = "ledger.harness", matches = "log-proofs")
@TestPropertySource(
        properties = {
            "spring.datasource.url=jdbc:h2:file:./target/log-proof-harness/ledger;AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE",
            "ledger.log.origin=log-proof-harness"
        })
class LogProofHarness extends ApiTestSupport {

    /** Proofs timed per row ({@code -Dledger.harness.proofs}, default 1,000); a fifth as many warm up. */
    private static final int PROOFS = Integer.getInteger("ledger.harness.proofs", 1_000);

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
        List<String> recordIds = build(leaves, url);
        System.out.printf("%n[harness] %s, %,d leaves%n", url, store.head().size());
        explain(recordIds.get(recordIds.size() / 2), recordIds.size() / 2, leaves);

        Random random = new Random(17);
        // warm-up (JIT, connection pool, caches), then the measured runs
        for (int i = 0; i < PROOFS / 5; i++) {
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
        report("nodes of an inclusion proof (query)", time(() -> {
            long leaf = random.nextInt(recordIds.size());
            long size = leaf + 1 + (long) (random.nextDouble() * (leaves - leaf - 1));
            List<MerkleProofs.Range> ranges = new ArrayList<>(MerkleProofs.inclusionRanges(leaf, size));
            ranges.add(new MerkleProofs.Range(0, size));
            return store.nodes(ranges.stream()
                            .flatMap(range -> MerkleProofs.decompose(range).stream())
                            .collect(java.util.stream.Collectors.toSet()))
                    .size();
        }));
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

    /** Wall-clock times, sorted, then the CPU time of this thread per call on average (last element). */
    private static long[] time(int count, LongSupplier proof) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] nanos = new long[count + 1];
        long cpu = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            proof.getAsLong();
            nanos[i] = System.nanoTime() - start;
        }
        nanos[count] = (threads.getCurrentThreadCpuTime() - cpu) / count;
        Arrays.sort(nanos, 0, count);
        return nanos;
    }

    private static void report(String what, long[] times) {
        int count = times.length - 1;
        System.out.printf(
                "[harness] %-30s p50 %6.2f ms  p90 %6.2f ms  p99 %6.2f ms  max %6.2f ms  (calling thread's CPU %5.2f ms"
                        + " per call; load average %s)%n",
                what,
                times[count / 2] / 1e6,
                times[count * 90 / 100] / 1e6,
                times[count * 99 / 100] / 1e6,
                times[count - 1] / 1e6,
                times[count] / 1e6,
                loadAverage());
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"))
                    .split(" ")[0];
        } catch (java.io.IOException | RuntimeException e) {
            return "?";
        }
    }

    /** Appends {@code leaves} leaves (or reuses a log of that size), checks the root, signs a checkpoint. */
    private List<String> build(long leaves, String url) {
        List<String> recordIds = new ArrayList<>();
        // the service may have logged a record or two at its start: they stay the first leaves
        long existing = store.head().size();
        jdbc.query("SELECT record_id FROM log_leaf ORDER BY leaf_index", rs -> {
            recordIds.add(rs.getString(1));
        });
        if (existing >= leaves) {
            // a log written before (perhaps by an older version, its nodes since migrated): its
            // stored nodes still give the root of its head and of its signed checkpoint
            assertThat(MerkleHash.hex(MerkleProofs.rootAt(existing, store::nodes)))
                    .isEqualTo(store.head().rootHash());
            assertThat(service.latest().rootHash()).isEqualTo(store.head().rootHash());
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
                store.moveHead(
                        frontier.size(),
                        MerkleHash.hex(frontier.root()),
                        new LogStore.LastLeaf(null, 1_000_000_000L + frontier.size() - 1));
            });
        }
        System.out.printf("[harness] built %,d leaves in %.1f s%n", leaves, (System.nanoTime() - started) / 1e9);
        assertThat(MerkleProofs.rootAt(leaves, store::nodes)).isEqualTo(frontier.root());
        assertThat(recordIds).hasSize((int) leaves);
        if (url.startsWith("jdbc:postgresql:")) {
            // as a rebuild does after its fold (InlineRebuilds); without statistics PostgreSQL planned the
            // node lookups in parallel workers. -Dledger.harness.analyze=false to measure that.
            if (Boolean.parseBoolean(System.getProperty("ledger.harness.analyze", "true"))) {
                jdbc.execute("ANALYZE log_leaf, log_node");
            }
        }
        // signed now, unless the periodic signer was first
        checkpoints.signLatest();
        assertThat(store.largestCheckpointSize()).isEqualTo(leaves);
        return recordIds;
    }

    /** The plans of a proof's statements, for the middle record in the whole tree (EXPLAIN ANALYZE). */
    private void explain(String recordId, long leafIndex, long size) {
        List<MerkleProofs.Range> ranges = new ArrayList<>(MerkleProofs.inclusionRanges(leafIndex, size));
        ranges.add(new MerkleProofs.Range(0, size));
        List<String> keys = ranges.stream()
                .flatMap(range -> MerkleProofs.decompose(range).stream())
                .distinct()
                .map(node -> Long.toString(LogStore.nodeKey(node)))
                .toList();
        for (String sql : List.of(
                "EXPLAIN ANALYZE SELECT * FROM log_leaf WHERE record_id = '" + recordId + "'",
                "EXPLAIN ANALYZE SELECT MAX(leaf_index) FROM log_leaf",
                "EXPLAIN ANALYZE SELECT * FROM log_checkpoint ORDER BY tree_size DESC FETCH FIRST 1 ROWS ONLY",
                "EXPLAIN ANALYZE SELECT node_level, node_index, hash FROM log_node WHERE node_key = ANY(ARRAY["
                        + String.join(", ", keys) + "])")) {
            System.out.println("[harness] " + sql);
            jdbc.queryForList(sql, String.class).forEach(line -> System.out.println("[harness]   " + line));
        }
    }
}
