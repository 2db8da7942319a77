package org.ratification.ledger.api.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.ratification.ledger.api.ApiTestSupport;
import org.ratification.ledger.api.database.PostgresDatabases;
import org.ratification.ledger.api.write.CommitCounter;
import org.springframework.context.annotation.Import;

/**
 * What the log adds to a recording, counted at the JDBC level on the request thread (issue 17). On H2
 * four statements of four fixed texts (H2 keeps only a few parsed statements per connection, so every
 * further text made other statements be parsed again): the lock, which also reads the largest signed
 * checkpoint size; the leaf's insert, which reads the record's global index from the event store; the
 * nodes' batch; the head's move. No frontier is read (this node moved the head last) and no
 * checkpoint (none can be larger than a tree that only grows). On PostgreSQL none: the log is appended
 * after the commit ({@link LogTail}).
 */
@Import(CommitCounter.class)
class LogStatementsApiTest extends ApiTestSupport {

    private static final Pattern LOG_TABLE = Pattern.compile("(?i)\\blog_(head|leaf|node|checkpoint)\\b");

    @Test
    void onPostgresqlARecordingRunsNoStatementOfTheLogAndItsRecordBecomesALeafAfterTheCommit() {
        Assumptions.assumeTrue(PostgresDatabases.selected());
        String treaty = registerTreaty(40, 90, 30, false);
        assertThat(sign(treaty, "FRA", "2025-10-25").status()).isEqualTo(201);

        CommitCounter.reset();
        Reply recorded = sign(treaty, "DEU", "2025-10-26");
        assertThat(recorded.status()).isEqualTo(201);
        List<String> all = CommitCounter.statements();
        assertThat(all).as("the recording ran statements").isNotEmpty();
        assertThat(all).noneMatch(s -> LOG_TABLE.matcher(s).find());

        String recordId = recorded.body().path("recordId").asText();
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        jdbc.queryForObject("SELECT COUNT(*) FROM log_leaf WHERE record_id = ?", Long.class, recordId)
                                == 1);
    }

    @Test
    void onH2ARecordingAddsFourLogStatementsOfFourTexts() {
        Assumptions.assumeFalse(PostgresDatabases.selected());
        String treaty = registerTreaty(40, 90, 30, false);
        assertThat(sign(treaty, "FRA", "2025-10-25").status()).isEqualTo(201);

        CommitCounter.reset();
        assertThat(sign(treaty, "DEU", "2025-10-26").status()).isEqualTo(201);
        List<String> all = CommitCounter.statements();
        List<String> log = all.stream().filter(s -> LOG_TABLE.matcher(s).find()).toList();
        System.out.printf(
                "[log statements] a recording: %d statements (%d texts), of which the log's %d: %s%n",
                all.size(), all.stream().distinct().count(), log.size(), log);

        assertThat(log).hasSize(4);
        assertThat(log.get(0))
                .startsWith("SELECT tree_size")
                .contains("log_checkpoint")
                // a statement H2 keeps parsed (it parses every SELECT … FOR UPDATE again)
                .endsWith("FROM FINAL TABLE (UPDATE log_head SET tree_size = tree_size WHERE id = 1)");
        assertThat(log.get(1)).startsWith("INSERT INTO log_leaf").contains("FROM domain_event_entry");
        assertThat(log.get(2)).startsWith("INSERT INTO log_node");
        assertThat(log.get(3)).startsWith("UPDATE log_head");
        assertThat(all)
                .as("no separate look-up of the record's global index")
                .noneMatch(s -> s.startsWith("SELECT global_index FROM domain_event_entry"));
    }
}
