package org.ratification.ledger.api.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ratification.ledger.api.ApiTestSupport;
import org.ratification.ledger.api.verify.OfflineVerifier;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

/**
 * A chain cut after its last records still verifies by itself; the head the ledger published in
 * the status and a head the caller kept (a depositary notification's, an earlier status's) show
 * that records are missing: online ({@code ?expectedHead=}) and offline ({@code verify
 * --expected-head}).
 */
// a context of its own: these tests alter the event store directly, which a shared context's
// verifiable log would (rightly) report as tampering when it is rebuilt
@TestPropertySource(properties = "ledger.log.origin=chain-tampering-test")
class TruncatedChainApiTest extends ApiTestSupport {

    @TempDir
    Path dir;

    private String hashAt(String treaty, long sequence) throws Exception {
        byte[] meta = jdbc.queryForObject(
                "SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = ?",
                byte[].class,
                treaty,
                sequence);
        return JSON.readTree(meta).path("hash").asText();
    }

    /** Registration, two signatures and a deposit; waits until the status shows the fourth head. */
    private String treatyWithFourRecords() throws Exception {
        String treaty = registerTreaty(40, 90, 30, false);
        ratify(treaty, "FRA", "2025-10-25", "2026-01-10");
        assertThat(sign(treaty, "DEU", "2025-10-26").status()).isEqualTo(201);
        String head = hashAt(treaty, 3);
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> head.equals(
                        get("/api/treaties/" + treaty).body().path("headHash").asText()));
        return treaty;
    }

    private void removeLastRecord(String treaty) {
        assertThat(jdbc.update(
                        "DELETE FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 3",
                        treaty))
                .isEqualTo(1);
    }

    private JsonNode verify(String treaty, String query) {
        Reply reply = as(Role.AUDITOR).get("/api/treaties/" + treaty + "/history/verify" + query);
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        return reply.body();
    }

    @Test
    void anIntactChainMatchesThePublishedHeadAndAnyEarlierHeadTheCallerKept() throws Exception {
        String treaty = treatyWithFourRecords();
        String head = hashAt(treaty, 3);
        String earlier = hashAt(treaty, 1);

        JsonNode plain = verify(treaty, "");
        assertThat(plain.path("valid").asBoolean()).isTrue();
        assertThat(plain.at("/publishedHead/hash").asText()).isEqualTo(head);
        assertThat(plain.at("/publishedHead/found").asBoolean()).isTrue();
        assertThat(plain.at("/publishedHead/head").asBoolean()).isTrue();
        assertThat(plain.path("expectedHead").isNull()).isTrue();

        JsonNode atHead = verify(treaty, "?expectedHead=" + head.toUpperCase(Locale.ROOT));
        assertThat(atHead.path("valid").asBoolean()).isTrue();
        assertThat(atHead.at("/expectedHead/found").asBoolean()).isTrue();
        assertThat(atHead.at("/expectedHead/sequence").asLong()).isEqualTo(3);
        assertThat(atHead.at("/expectedHead/head").asBoolean()).isTrue();

        JsonNode atEarlier = verify(treaty, "?expectedHead=" + earlier);
        assertThat(atEarlier.path("valid").asBoolean()).isTrue();
        assertThat(atEarlier.at("/expectedHead/sequence").asLong()).isEqualTo(1);
        assertThat(atEarlier.at("/expectedHead/head").asBoolean()).isFalse();

        JsonNode unknown = verify(treaty, "?expectedHead=" + "ab".repeat(32));
        assertThat(unknown.path("valid").asBoolean()).isFalse();
        assertThat(unknown.at("/expectedHead/found").asBoolean()).isFalse();
        assertThat(unknown.path("firstBrokenRecord").isNull()).isTrue();
    }

    @Test
    void aStoreCutAfterItsLastRecordFailsAgainstThePublishedAndTheExpectedHead() throws Exception {
        String treaty = treatyWithFourRecords();
        String head = hashAt(treaty, 3);
        String earlier = hashAt(treaty, 1);
        removeLastRecord(treaty);

        JsonNode plain = verify(treaty, "");
        assertThat(plain.path("records").asLong()).isEqualTo(3);
        assertThat(plain.path("firstBrokenRecord").isNull())
                .as("the rest of the chain is intact")
                .isTrue();
        assertThat(plain.path("headHash").asText()).isEqualTo(hashAt(treaty, 2));
        assertThat(plain.at("/publishedHead/hash").asText()).isEqualTo(head);
        assertThat(plain.at("/publishedHead/found").asBoolean()).isFalse();
        assertThat(plain.path("valid").asBoolean()).isFalse();

        JsonNode expected = verify(treaty, "?expectedHead=" + head);
        assertThat(expected.path("valid").asBoolean()).isFalse();
        assertThat(expected.at("/expectedHead/found").asBoolean()).isFalse();

        JsonNode stillThere = verify(treaty, "?expectedHead=" + earlier);
        assertThat(stillThere.at("/expectedHead/found").asBoolean()).isTrue();
        assertThat(stillThere.at("/expectedHead/sequence").asLong()).isEqualTo(1);
    }

    @Test
    void anExpectedHeadThatIsNotAHashIsRefused() throws Exception {
        String treaty = treatyWithFourRecords();
        for (String bad : List.of("xyz", "ab".repeat(31), "ab".repeat(33), "g".repeat(64))) {
            Reply reply = as(Role.AUDITOR).get("/api/treaties/" + treaty + "/history/verify?expectedHead=" + bad);
            assertThat(reply.status()).as(bad).isEqualTo(400);
            assertThat(reply.code()).as(bad).isEqualTo("INVALID_EXPECTED_HEAD");
        }
    }

    /** The treaty's history as JSON Lines, read as the depositary. */
    private Path export(String treaty) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.parseMediaType("application/x-ndjson")));
        String lines = http.exchange(
                        "/api/treaties/" + treaty + "/history", HttpMethod.GET, new HttpEntity<>(headers), String.class)
                .getBody();
        assertThat(lines).isNotNull();
        return write(treaty + ".ndjson", lines);
    }

    private Path write(String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private int run(String... args) {
        return OfflineVerifier.run(
                args, new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));
    }

    @Test
    void anExportCutAfterItsLastRecordFailsOfflineAgainstTheExpectedHead() throws Exception {
        String treaty = treatyWithFourRecords();
        String head = hashAt(treaty, 3);
        String earlier = hashAt(treaty, 1);
        // the history read model catches up with the store
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> Files.readAllLines(export(treaty)).stream()
                                .filter(l -> !l.isBlank())
                                .count()
                        == 4);
        Path full = export(treaty);
        List<String> lines =
                Files.readAllLines(full).stream().filter(l -> !l.isBlank()).toList();
        Path cut = write("cut.ndjson", String.join("\n", lines.subList(0, 3)) + "\n");

        OfflineVerifier.Report intact = OfflineVerifier.verify(full, LocalDate.now(), head);
        assertThat(intact.valid()).isTrue();
        assertThat(intact.expectedHead().head()).isTrue();

        OfflineVerifier.Report report = OfflineVerifier.verify(cut, LocalDate.now(), head);
        assertThat(report.chain().valid()).as("the rest of the chain is intact").isTrue();
        assertThat(report.chain().records()).isEqualTo(3);
        assertThat(report.expectedHead().found()).isFalse();
        assertThat(report.valid()).isFalse();
        assertThat(OfflineVerifier.verify(cut, LocalDate.now()).valid())
                .as("without a head kept elsewhere, a cut export cannot be told from a complete one")
                .isTrue();

        assertThat(run(cut.toString())).isZero();
        assertThat(run(cut.toString(), "--expected-head", head)).isEqualTo(1);
        assertThat(run(cut.toString(), "--expected-head", earlier)).isZero();
        assertThat(run(cut.toString(), "--as-of", "2026-12-31", "--expected-head", head))
                .isEqualTo(1);
        assertThat(run(full.toString(), "--expected-head", head, "--as-of", "2026-12-31"))
                .isZero();
        assertThat(run(cut.toString(), "--expected-head", "not-a-hash")).isEqualTo(2);
        assertThat(run(cut.toString(), "--expected-head")).isEqualTo(2);
        assertThat(run(cut.toString(), "--unknown", "x")).isEqualTo(2);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OfflineVerifier.run(
                new String[] {cut.toString(), "--expected-head", head},
                new PrintStream(out),
                new PrintStream(new ByteArrayOutputStream()));
        JsonNode printed = JSON.readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(printed.path("valid").asBoolean()).isFalse();
        assertThat(printed.at("/expectedHead/found").asBoolean()).isFalse();
        assertThat(printed.at("/expectedHead/hash").asText()).isEqualTo(head);
    }
}
