package org.ratification.ledger.api.readmodels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ratification.ledger.api.LedgerApplication;
import org.ratification.ledger.api.write.LedgerWriter;
import org.ratification.ledger.core.api.SignConventionCommand;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * At start-up, a read model whose stored version differs from the version its projection declares
 * is rebuilt from the event store (an inline one by a direct fold, before the service starts); the
 * others are left alone.
 */
class ReadModelVersionTest {

    @Test
    void aReadModelWhoseVersionChangedIsRebuiltAtStartUp() {
        String url = "jdbc:h2:mem:versions-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        List<Map<String, Object>> history;
        try (ConfigurableApplicationContext first = start(url)) {
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            first.getBean(LedgerWriter.class)
                    .record(id -> new SignConventionCommand("cybercrime", id, "FRA", LocalDate.of(2025, 10, 25), null));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM history_record", Integer.class) == 2);
            history = rows(jdbc);
            assertThat(jdbc.queryForObject(
                            "SELECT version FROM read_model_version WHERE name = 'history'", Integer.class))
                    .isEqualTo(2);
        }

        {
            // between the two runs: an older version of the history read model left a row it should not have
            JdbcTemplate offline =
                    new JdbcTemplate(new org.springframework.jdbc.datasource.DriverManagerDataSource(url, "sa", ""));
            offline.update("UPDATE read_model_version SET version = 0 WHERE name = 'history'");
            offline.update("UPDATE history_record SET recorded_by = 'old version'");
            offline.update("UPDATE status_record SET place = 'kept'");
        }

        try (ConfigurableApplicationContext second = start(url)) {
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            assertThat(rows(jdbc)).as("folded before the service started").isEqualTo(history);
            assertThat(jdbc.queryForObject(
                            "SELECT version FROM read_model_version WHERE name = 'history'", Integer.class))
                    .isEqualTo(2);
            // the status read model's version did not change, so it was not rebuilt
            assertThat(jdbc.queryForList("SELECT place FROM status_record", String.class))
                    .containsExactly("kept");
        }
    }

    private static ConfigurableApplicationContext start(String url) {
        return new SpringApplicationBuilder(LedgerApplication.class)
                .profiles("test")
                .run("--spring.datasource.url=" + url, "--server.port=0");
    }

    private static List<Map<String, Object>> rows(JdbcTemplate jdbc) {
        return jdbc.queryForList("SELECT * FROM history_record ORDER BY global_position");
    }
}
