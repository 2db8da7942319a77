package org.ratification.ledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The aggregate is the consistency boundary: of identical deposits sent at once, one is recorded. */
class ConcurrentDepositsApiTest extends ApiTestSupport {

    @Test
    void twentyConcurrentIdenticalDepositsRecordExactlyOne() throws Exception {
        String treaty = registerTreaty(40, 90, 30, false);
        assertThat(sign(treaty, "FRA", "2025-10-25").status()).isEqualTo(201);
        int senders = 20;
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Reply>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < senders; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return deposit(treaty, "FRA", "RATIFICATION", "2026-01-10");
                }));
            }
            start.countDown();
            List<Reply> replies = new ArrayList<>();
            for (Future<Reply> future : futures) {
                replies.add(future.get());
            }

            assertThat(replies).filteredOn(r -> r.status() == 201).hasSize(1);
            assertThat(replies).filteredOn(r -> r.status() == 409).hasSize(senders - 1);
            assertThat(replies)
                    .filteredOn(r -> r.status() == 409)
                    .extracting(Reply::code)
                    .isSubsetOf("ALREADY_DEPOSITED", "CONCURRENT_WRITE");
            assertThat(jdbc.queryForObject(
                            "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                            Long.class,
                            treaty))
                    .isEqualTo(3);
            assertThat(get("/api/treaties/" + treaty)
                            .body()
                            .path("instrumentsDeposited")
                            .asInt())
                    .isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
