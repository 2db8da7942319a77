package org.ratification.ledger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The harness's own logic; no timing is asserted. */
class HarnessTest {

    @Test
    void theBaselineTableIsTheEventTableOfTheServicesOwnMigrationsRenamed() throws Exception {
        for (String vendor : List.of("h2", "postgresql")) {
            List<String> ddl = EventTableCopy.statements(vendor);
            assertThat(ddl).anySatisfy(s -> assertThat(s).startsWithIgnoringCase("CREATE TABLE bench_b1_event"));
            assertThat(ddl).allSatisfy(s -> assertThat(s).doesNotContain("domain_event_entry"));
            String table = ddl.stream()
                    .filter(s -> s.toLowerCase().startsWith("create table"))
                    .findFirst()
                    .orElseThrow();
            assertThat(table)
                    .contains("payload", "meta_data", "global_index", "UNIQUE (aggregate_identifier, sequence_number)");
        }
        assertThat(EventTableCopy.statements("postgresql"))
                .anySatisfy(s -> assertThat(s).startsWithIgnoringCase("CREATE SEQUENCE bench_b1_event_seq"));
    }

    @Test
    void aCopiedEventGetsTheNewTreatyAndFreshIdsAndKeepsEverythingElse() {
        String payload = "{\"treatyId\":\"bench-tpl\",\"recordId\":\"0a1b2c3d-1111-2222-3333-444455556666\","
                + "\"participant\":\"FRA\",\"text\":\"about bench-tpl\"}";
        String copy = StoreCloner.rename(payload, "bench-tpl", "bench-big-000007", "c0000007");
        assertThat(copy)
                .isEqualTo("{\"treatyId\":\"bench-big-000007\",\"recordId\":\"c0000007-1111-2222-3333-444455556666\","
                        + "\"participant\":\"FRA\",\"text\":\"about bench-tpl\"}");
    }

    @Test
    void summariesAreTheMedianMinimumAndMaximumOfTheRepetitions() {
        Summary odd = Summary.of(List.of(5.0, 1.0, 3.0, 9.0, 7.0));
        assertThat(odd.median()).isEqualTo(5.0);
        assertThat(odd.min()).isEqualTo(1.0);
        assertThat(odd.max()).isEqualTo(9.0);
        assertThat(Summary.of(List.of(4.0, 1.0, 2.0, 3.0)).median()).isEqualTo(2.5);
        assertThat(Summary.of(List.of(Double.NaN)).isMissing()).isTrue();
    }

    @Test
    void anEventIsMatchedToItsAcknowledgementWhicheverComesFirst() {
        Arrivals arrivals = new Arrivals();
        arrivals.acknowledged("a", 1_000_000L);
        arrivals.arrived("a", 6_000_000L);
        arrivals.arrived("b", 2_000_000L);
        arrivals.acknowledged("b", 3_000_000L);
        arrivals.acknowledged("c", 4_000_000L);
        assertThat(arrivals.latency().count()).isEqualTo(2);
        assertThat(arrivals.latency().maxMillis()).isBetween(4.99, 5.01);
        assertThat(arrivals.early()).isEqualTo(1);
        assertThat(arrivals.missing()).isEqualTo(1);
    }

    @Test
    void writesSpreadOverTreatiesWithDistinctSignatoriesThenGoOnAsCommunications() {
        Writes writes = new Writes(2);
        List<Writes.Write> first = List.of(writes.next(), writes.next(), writes.next());
        assertThat(first.get(0).path()).isEqualTo("/api/treaties/bench-rec-000/signatures");
        assertThat(first.get(1).path()).isEqualTo("/api/treaties/bench-rec-001/signatures");
        assertThat(first.get(2).body().get("participant"))
                .isNotEqualTo(first.get(0).body().get("participant"));
        Writes.Write last = null;
        for (int i = 3; i <= 2 * Fixtures.STATES.size(); i++) {
            last = writes.next();
        }
        assertThat(last.path()).endsWith("/communications");
    }

    @Test
    void recordIdsAreReadFromTheEventEnvelope() {
        assertThat(SseListener.recordId("{\"type\":\"SIGNATURE\",\"payload\":{\"recordId\":\"r-1\"}}"))
                .isEqualTo("r-1");
        assertThat(SseListener.recordId("not json")).isNull();
    }

    @Test
    void smallRatiosKeepTwoSignificantDigits() {
        assertThat(Report.ratioText(0.0000422)).isEqualTo("0.000042");
        assertThat(Report.ratioText(0.047)).isEqualTo("0.047");
        assertThat(Report.ratioText(2.014)).isEqualTo("2.01");
    }
}
