package org.ratification.ledger.api.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.Test;
import org.ratification.ledger.api.ApiTestSupport;
import org.ratification.ledger.api.database.PostgresDatabases;
import org.ratification.ledger.core.api.ConventionSignedEvent;
import org.ratification.ledger.projections.status.StatusProjection;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * A recording is one database transaction: the event, its status facts, the treaty's chain head
 * and its audit history row commit together (counted at the JDBC level on the request thread, on
 * H2 and on PostgreSQL); a read-model handler that fails refuses the write and nothing is recorded.
 */
@Import({CommitCounter.class, OneCommitPerRecordingApiTest.FailingReadModel.class})
class OneCommitPerRecordingApiTest extends ApiTestSupport {

    /** Signatures of this participant make the test's inline read model fail. */
    static final String REFUSED_BY_READ_MODEL = "MLT";

    @Test
    void eachRecordingIsOneCommitAndIsReadAtOnce() {
        CommitCounter.reset();
        String treaty = registerTreaty(40, 90, 30, false);
        assertOneCommit("registration");

        CommitCounter.reset();
        assertThat(sign(treaty, "FRA", "2025-10-25").status()).isEqualTo(201);
        assertOneCommit("signature");
        assertThat(get("/api/treaties/" + treaty + "/participants/FRA").status())
                .isEqualTo(200);

        CommitCounter.reset();
        Reply deposited = deposit(treaty, "FRA", "RATIFICATION", "2026-01-10");
        assertThat(deposited.status()).isEqualTo(201);
        assertOneCommit("deposit");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM history_record WHERE treaty_id = ?", Integer.class, treaty))
                .isEqualTo(3);
        assertThat(jdbc.queryForObject(
                        "SELECT head_sequence FROM status_chain_head WHERE treaty_id = ?", Long.class, treaty))
                .isEqualTo(2L);

        CommitCounter.reset();
        assertThat(sign(treaty, "FRA", "2025-10-26").code()).isEqualTo("ALREADY_SIGNED");
        assertThat(CommitCounter.autoCommittedWrites()).isZero();
    }

    /**
     * The statements of a signature on a treaty the node holds: none reads the store before the event's
     * insert (the cached treaty is not checked first), and on PostgreSQL the inline read models' three
     * writes go out together as one statement text, one round trip: three round trips in all with the
     * commit (bench/RESULTS.md §0nb).
     */
    @Test
    void aRecordingOnACachedTreatyReadsNothingFirstAndSendsItsReadModelsTogether() {
        String treaty = registerTreaty(40, 90, 30, false);
        assertThat(sign(treaty, "FRA", "2025-10-25").status()).isEqualTo(201);

        CommitCounter.reset();
        assertThat(sign(treaty, "DEU", "2025-10-25").status()).isEqualTo(201);
        assertOneCommit("signature");
        List<String> statements = CommitCounter.statements();
        int insert = indexOf(statements, "INSERT INTO domain_event_entry");
        assertThat(insert).as("the event's insert in %s", statements).isNotNegative();
        assertThat(statements.subList(0, insert))
                .as("statements before the insert")
                .noneMatch(sql -> sql.contains("domain_event_entry"));
        if (PostgresDatabases.selected()) {
            assertThat(statements).hasSize(2);
            assertThat(statements.get(1))
                    .contains("INSERT INTO history_record")
                    .contains("INSERT INTO status_chain_head")
                    .contains("INSERT INTO status_record");
        }
        assertThat(jdbc.queryForObject(
                        "SELECT head_sequence FROM status_chain_head WHERE treaty_id = ?", Long.class, treaty))
                .isEqualTo(2L);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM status_record WHERE treaty_id = ? AND participant = 'DEU'",
                        Integer.class,
                        treaty))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM history_record WHERE treaty_id = ?", Integer.class, treaty))
                .isEqualTo(3);
    }

    private static int indexOf(List<String> statements, String start) {
        for (int i = 0; i < statements.size(); i++) {
            if (statements.get(i).stripLeading().startsWith(start)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void aReadModelThatFailsRefusesTheWriteAndNothingIsRecorded() {
        String treaty = registerTreaty(40, 90, 30, false);
        long events = storedEvents();

        Reply refused = sign(treaty, REFUSED_BY_READ_MODEL, "2025-10-25");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(500);
        assertThat(storedEvents()).as("the event was not appended").isEqualTo(events);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM status_record WHERE treaty_id = ?", Integer.class, treaty))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM history_record WHERE treaty_id = ?", Integer.class, treaty))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT head_sequence FROM status_chain_head WHERE treaty_id = ?", Long.class, treaty))
                .isZero();
        assertThat(get("/api/treaties/" + treaty + "/participants/" + REFUSED_BY_READ_MODEL)
                        .status())
                .isEqualTo(404);

        assertThat(sign(treaty, "FRA", "2025-10-25").status())
                .as("the next write takes the sequence number the refused one did not")
                .isEqualTo(201);
        assertThat(jdbc.queryForObject(
                        "SELECT head_sequence FROM status_chain_head WHERE treaty_id = ?", Long.class, treaty))
                .isEqualTo(1L);
    }

    private static void assertOneCommit(String what) {
        assertThat(CommitCounter.commits()).as("commits of a " + what).isEqualTo(1);
        assertThat(CommitCounter.autoCommittedWrites())
                .as("writes outside the transaction of a " + what)
                .isZero();
    }

    /** An inline handler of the status processing group that fails on one participant's signature. */
    @TestConfiguration(proxyBeanMethods = false)
    static class FailingReadModel {

        @Bean
        Failing failingStatusHandler() {
            return new Failing();
        }

        @ProcessingGroup(StatusProjection.NAME)
        static class Failing {
            @EventHandler
            void on(ConventionSignedEvent event) {
                if (REFUSED_BY_READ_MODEL.equals(event.participant())) {
                    throw new IllegalStateException("this read model cannot take " + event.participant());
                }
            }
        }
    }
}
