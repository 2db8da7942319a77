package org.ratification.ledger.api.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.ratification.ledger.api.ApiTestSupport;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.ConnectionCallback;

/**
 * What one recording's commit writes on H2 (bench/RESULTS.md §0h): MVStore rewrites, at each commit,
 * the changed pages of every map the transaction touched, so each table and index a recording writes
 * costs its commit pages of its own. Counted from the maps' root pages right before the recording and
 * right after its commit, on the request thread (H2 only). None of the log's: it is appended after the
 * commit, by the appender's rounds.
 */
@Import(CommitCounter.class)
class RecordingMapsApiTest extends ApiTestSupport {

    @Test
    void aSignatureWritesTheMapsOfItsEventAndItsReadModelsOnly() throws InterruptedException {
        String product =
                jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
        Assumptions.assumeTrue("H2".equals(product), "H2's maps");
        String treaty = registerTreaty(40, 90, 30, false);
        assertThat(sign(treaty, "FRA", "2025-10-25").status()).isEqualTo(201);
        Thread.sleep(1_500); // the notifications' batch and the log's checkpoint of that recording

        H2Maps.Roots before = jdbc.execute((ConnectionCallback<H2Maps.Roots>) H2Maps::roots);
        AtomicReference<H2Maps.Roots> after = new AtomicReference<>();
        CommitCounter.reset();
        CommitCounter.afterCommit(c -> after.compareAndSet(null, H2Maps.roots(c)));
        assertThat(sign(treaty, "DEU", "2025-10-26").status()).isEqualTo(201);
        CommitCounter.reset();

        Set<String> written = after.get().changedSince(before);
        System.out.printf("[maps] a signature's commit wrote %d maps: %s%n", written.size(), written);
        assertThat(written)
                .containsExactlyInAnyOrder(
                        "DOMAIN_EVENT_ENTRY",
                        "DOMAIN_EVENT_ENTRY UNIQUE(AGGREGATE_IDENTIFIER,SEQUENCE_NUMBER)",
                        "DOMAIN_EVENT_ENTRY UNIQUE(EVENT_IDENTIFIER)",
                        "DOMAIN_EVENT_ENTRY(TIME_STAMP)",
                        "HISTORY_RECORD",
                        "HISTORY_RECORD PRIMARY KEY(TREATY_ID,SEQUENCE_NUMBER)",
                        "HISTORY_RECORD(CORRECTS_RECORD_ID)",
                        "HISTORY_RECORD(TREATY_ID,RECORDED_NANOS)",
                        "STATUS_RECORD",
                        "STATUS_RECORD PRIMARY KEY(RECORD_ID)",
                        "STATUS_RECORD(TREATY_ID,POSITION)",
                        "STATUS_CHAIN_HEAD",
                        "STATUS_CHAIN_HEAD PRIMARY KEY(TREATY_ID)");
    }
}
