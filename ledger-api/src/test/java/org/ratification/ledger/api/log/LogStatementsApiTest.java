package org.ratification.ledger.api.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.ratification.ledger.api.ApiTestSupport;
import org.ratification.ledger.api.write.CommitCounter;
import org.springframework.context.annotation.Import;

/**
 * What the log adds to a recording, counted at the JDBC level on the request thread (issue 17): nothing,
 * on both databases. The log is appended after the commit ({@link LogTail}), and the record becomes a
 * leaf in a round of the appender.
 */
@Import(CommitCounter.class)
class LogStatementsApiTest extends ApiTestSupport {

    private static final Pattern LOG_TABLE = Pattern.compile("(?i)\\blog_(head|leaf|node|checkpoint)\\b");

    @Test
    void aRecordingRunsNoStatementOfTheLogAndItsRecordBecomesALeafAfterTheCommit() {
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
}
