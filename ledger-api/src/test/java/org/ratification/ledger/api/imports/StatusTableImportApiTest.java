package org.ratification.ledger.api.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ratification.ledger.api.ApiTestSupport;
import org.ratification.ledger.api.cli.ImportCommand;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import picocli.CommandLine;

/**
 * Importing a published status table (UNTC layout) through {@code POST /api/treaties/{id}/import}
 * and the jar's {@code import} command, and exporting it with {@code ?layout=untc}: a real table
 * (the Hostages Convention, {@code published/hostages-convention.csv}, sources in SOURCES.md), the
 * dry run, idempotency, all-or-nothing, bounds, the round trip and an import interrupted midway.
 */
class StatusTableImportApiTest extends ApiTestSupport {

    /** International Convention against the Taking of Hostages, art. 17-19 (UNTC XVIII-5). */
    private static final String HOSTAGES =
            """
            {"id":"%s","reference":"XVIII-5","title":"International Convention against the Taking of Hostages",
             "adoptedOn":"1979-12-17","signature":{"opensOn":"1979-12-18","closesOn":"1980-12-31"},
             "entryIntoForce":{"instrumentsRequired":22,"daysAfterThreshold":30,"daysAfterLaterInstrument":30,
                               "reioInstrumentsCount":false},
             "denunciation":{"takesEffectAfterMonths":12}}""";

    /** Signatures (7) and instruments (46) of the 47 transcribed rows. */
    private static final int ACTIONS = 53;

    @Autowired
    private StatusTableImport imports;

    @LocalServerPort
    private int port;

    /** Without credentials: each request sets its own. */
    @Autowired
    private TestRestTemplate plain;

    @Value("${ledger.security.depositary-password:}")
    private String depositaryPassword;

    @Test
    void aDryRunOfThePublishedTableReportsEveryRowAndRecordsNothing() throws IOException {
        String treaty = hostages();
        long before = storedEvents();

        Reply dry = importCsv(treaty, published(), true);

        assertThat(dry.status()).as(dry.body().toString()).isEqualTo(200);
        assertThat(dry.body().path("dryRun").asBoolean()).isTrue();
        assertThat(dry.body().path("rows").asInt()).isEqualTo(47);
        assertThat(dry.body().path("toRecord").asInt()).isEqualTo(ACTIONS);
        assertThat(dry.body().path("problems").asInt()).isZero();
        assertThat(dry.body().path("recorded").asInt()).isZero();
        assertThat(dry.body().path("source").asText()).isEqualTo("sha256:" + sha256(published()));
        JsonNode china = row(dry.body(), "China 3, 4");
        assertThat(china.path("code").asText()).isEqualTo("CHN");
        assertThat(china.path("line").asLong()).isEqualTo(35);
        assertThat(china.path("actions").get(0).path("type").asText()).isEqualTo("ACCESSION");
        assertThat(china.path("actions").get(0).path("outcome").asText()).isEqualTo("WOULD_RECORD");
        JsonNode bosnia = row(dry.body(), "Bosnia and Herzegovina 2");
        assertThat(bosnia.path("code").asText()).isEqualTo("BIH");
        assertThat(bosnia.path("actions").get(0).path("letter").asText()).isEqualTo("d");
        assertThat(row(dry.body(), "Austria").path("actions")).hasSize(2);
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(get("/api/treaties/" + treaty + "/participants").body()).isEmpty();
    }

    @Test
    void thePublishedTableIsRecordedWithItsSourceAndASecondImportRecordsNothing() throws Exception {
        String treaty = hostages();

        Reply imported = importCsv(treaty, published(), false);

        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(201);
        assertThat(imported.body().path("recorded").asInt()).isEqualTo(ACTIONS);
        JsonNode participants = get("/api/treaties/" + treaty + "/participants").body();
        assertThat(participants).hasSize(47);
        JsonNode austria = participant(participants, "AUT");
        assertThat(austria.path("signedOn").asText()).isEqualTo("1980-10-03");
        assertThat(austria.path("instrument").path("type").asText()).isEqualTo("RATIFICATION");
        assertThat(austria.path("instrument").path("depositedOn").asText()).isEqualTo("1986-08-22");
        JsonNode croatia = participant(participants, "HRV").path("instrument");
        assertThat(croatia.path("type").asText()).isEqualTo("SUCCESSION");
        assertThat(croatia.path("predecessor").asText()).isEqualTo("YUG");
        assertThat(croatia.path("boundFrom").asText()).isEqualTo("1991-10-08");
        assertThat(participant(participants, "COD").path("instrument").isNull()).isTrue();
        assertThat(participant(participants, "CPV")
                        .path("instrument")
                        .path("letter")
                        .asText())
                .isEqualTo("a");

        // every record carries the file's SHA-256 as its source, in the audit history
        JsonNode history =
                get("/api/treaties/" + treaty + "/history?size=500").body().path("records");
        List<String> sources = new ArrayList<>();
        history.forEach(r -> {
            if (!r.path("type").asText().contains("REGISTERED")) {
                sources.add(r.path("metadata").path("source").asText());
            }
        });
        assertThat(sources).hasSize(ACTIONS).containsOnly("sha256:" + sha256(published()));
        // Axon's own correlation data is still there
        assertThat(history.get(1).path("metadata").has("traceId")).isTrue();
        // recorded in legal-date order: Belgium's and Chile's signatures of 3 January 1980 come first
        assertThat(history.get(1).path("legalDate").asText()).isEqualTo("1980-01-03");
        List<String> recordedOrder = new ArrayList<>();
        history.forEach(r -> recordedOrder.add(
                r.path("sequence").asLong() + " " + r.path("legalDate").asText()));
        List<String> legalDates = recordedOrder.stream()
                .sorted(java.util.Comparator.comparingLong(e -> Long.parseLong(e.substring(0, e.indexOf(' ')))))
                .skip(1)
                .map(e -> e.substring(e.indexOf(' ') + 1))
                .toList();
        assertThat(legalDates).hasSize(ACTIONS).isSorted();

        long before = storedEvents();
        Reply again = importCsv(treaty, published(), false);
        assertThat(again.status()).as(again.body().toString()).isEqualTo(200);
        assertThat(again.body().path("recorded").asInt()).isZero();
        assertThat(again.body().path("toRecord").asInt()).isZero();
        assertThat(again.body().path("alreadyRecorded").asInt()).isEqualTo(ACTIONS);
        assertThat(row(again.body(), "Austria")
                        .path("actions")
                        .get(1)
                        .path("outcome")
                        .asText())
                .isEqualTo("ALREADY_RECORDED");
        assertThat(row(again.body(), "Austria")
                        .path("actions")
                        .get(1)
                        .path("recordId")
                        .asText())
                .isEqualTo(austria.path("instrument").path("recordId").asText());
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void oneBadRowRefusesTheWholeTableAndRecordsNothing() {
        String treaty = hostages();
        long before = storedEvents();
        String table =
                """
                Participant,Signature,"Ratification, Acceptance(A), Approval(AA), Accession(a), Succession(d)"
                Austria,3 Oct 1980,22 Aug 1986
                Belgium,3 Jan 1980,16 Apr 1999 a
                Chile,3 Jan 1980,31 Feb 1981
                Atlantis,,1 Jan 1990 a
                Canada,18 Feb 1980,4 Dec 1985
                """;

        Reply refused = importCsv(treaty, table.getBytes(StandardCharsets.UTF_8), false);

        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(422);
        assertThat(refused.headers().getContentType()).hasToString("application/problem+json");
        assertThat(refused.code()).isEqualTo("IMPORT_REFUSED");
        JsonNode report = refused.body().path("report");
        assertThat(report.path("problems").asInt()).isEqualTo(3);
        assertThat(problemCodes(row(report, "Belgium"))).containsExactly("SIGNATORY_MUST_RATIFY");
        assertThat(problemCodes(row(report, "Chile"))).containsExactly("INVALID_CELL");
        assertThat(problemCodes(row(report, "Atlantis"))).containsExactly("UNKNOWN_PARTICIPANT");
        assertThat(row(report, "Atlantis").has("code")).isFalse();
        assertThat(row(report, "Austria").path("actions").get(0).path("outcome").asText())
                .isEqualTo("NOT_RECORDED");
        assertThat(row(report, "Austria").path("problems").isMissingNode()).isTrue();
        assertThat(storedEvents()).isEqualTo(before);

        // the dry run reports the same problems, answered 200
        Reply dry = importCsv(treaty, table.getBytes(StandardCharsets.UTF_8), true);
        assertThat(dry.status()).isEqualTo(200);
        assertThat(dry.body().path("problems").asInt()).isEqualTo(3);
    }

    @Test
    void participantsAreFoundByFormerAndOlderNamesAndFootnotesAndOtherLettersAndColumnsAreRead() {
        String treaty = "t-" + UUID.randomUUID().toString().substring(0, 8);
        Reply registered = post(
                "/api/treaties",
                """
                {"id":"%s","reference":"TEST-%s","title":"Test","adoptedOn":"2000-01-01",
                 "signature":{"opensOn":"2000-01-01","closesOn":"2030-12-31"},
                 "entryIntoForce":{"instrumentsRequired":30,"daysAfterThreshold":90,"daysAfterLaterInstrument":30,
                                   "reioInstrumentsCount":false},
                 "denunciation":{"takesEffectAfterMonths":12}}"""
                        .formatted(treaty, treaty));
        assertThat(registered.status()).isEqualTo(201);
        String table =
                """
                Participant,Signature,"Ratification, Acceptance(A), Approval(AA), Formal confirmation(c), Accession(a), Succession(d), Definitive signature(s)",Denunciation
                Swaziland,,7 Jun 2004 a,
                Turkey,12 Dec 2000,21 May 2004 AA,
                The former Yugoslav Republic of Macedonia,12 Dec 2000,12 Jan 2005 A,
                Cape Verde,,26 Sep 2001 s,
                St. Lucia,26 Sep 2001 s,,
                Czech Republic,"12 Dec 2000",,
                "Germany2,3",12 Dec 2000,14 Jun 2006,
                Côte d’Ivoire,,4 Jan 2010 a,
                Montenegro,,23 Oct 2006 d,1 Jan 2020
                """;

        Reply dry = importCsv(treaty, table.getBytes(StandardCharsets.UTF_8), true);

        assertThat(dry.status()).as(dry.body().toString()).isEqualTo(200);
        assertThat(dry.body().path("problems").asInt())
                .as(dry.body().toString())
                .isZero();
        assertThat(dry.body().path("ignoredColumns")).hasSize(1);
        assertThat(dry.body().path("ignoredColumns").get(0).asText()).isEqualTo("Denunciation");
        List<String> codes = new ArrayList<>();
        dry.body().path("report").forEach(r -> codes.add(r.path("code").asText()));
        assertThat(codes).containsExactly("SWZ", "TUR", "MKD", "CPV", "LCA", "CZE", "DEU", "CIV", "MNE");
        assertThat(row(dry.body(), "Turkey").path("actions").get(1).path("type").asText())
                .isEqualTo("APPROVAL");
        assertThat(row(dry.body(), "The former Yugoslav Republic of Macedonia")
                        .path("actions")
                        .get(1)
                        .path("type")
                        .asText())
                .isEqualTo("ACCEPTANCE");
        assertThat(row(dry.body(), "Cape Verde")
                        .path("actions")
                        .get(0)
                        .path("type")
                        .asText())
                .isEqualTo("DEFINITIVE_SIGNATURE");
        assertThat(row(dry.body(), "St. Lucia")
                        .path("actions")
                        .get(0)
                        .path("type")
                        .asText())
                .isEqualTo("DEFINITIVE_SIGNATURE");

        Reply imported = importCsv(treaty, table.getBytes(StandardCharsets.UTF_8), false);
        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(201);
        JsonNode montenegro =
                get("/api/treaties/" + treaty + "/participants/MNE").body();
        assertThat(montenegro.path("instrument").path("predecessor").asText()).isEqualTo("SCG");
        assertThat(montenegro.path("instrument").path("boundFrom").asText()).isEqualTo("2006-06-03");
    }

    @Test
    void aTableTheLedgerCannotReadIsRefusedAsAWhole() throws IOException {
        String treaty = hostages();
        long before = storedEvents();
        String header = "Participant,Signature,\"Ratification, Acceptance(A), Approval(AA), Accession(a)\"\n";

        assertRefused(treaty, "Name,Date,Kind\nAustria,,22 Aug 1986\n", 400, "UNEXPECTED_HEADER");
        assertRefused(treaty, "", 400, "EMPTY_TABLE");
        assertRefused(treaty, header + "\"Austria,,22 Aug 1986\n", 400, "MALFORMED_CSV");
        assertRefused(treaty, header + "Austria,," + "x".repeat(UntcTable.MAX_CELL + 1) + "\n", 400, "CELL_TOO_LONG");
        assertRefused(
                treaty,
                header + "Austria,,22 Aug 1986" + ",".repeat(UntcTable.MAX_COLUMNS) + "\n",
                400,
                "TOO_MANY_COLUMNS");
        assertRefused(treaty, header + "Austria\u0007,,22 Aug 1986\n", 400, "CONTROL_CHARACTERS");
        assertRefused(treaty, header + "Austria,,1 Jan 1981 a\n".repeat(UntcTable.MAX_ROWS + 1), 400, "TOO_MANY_ROWS");
        Reply notUtf8 = importCsv(treaty, new byte[] {'P', 'a', (byte) 0xff, '\n'}, false);
        assertThat(notUtf8.code()).isEqualTo("INVALID_ENCODING");
        Reply huge = importCsv(treaty, (header + "Austria,,1 Jan 1981 a\n".repeat(20_000)).getBytes(), false);
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.code()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertRefused("no-such-treaty", header + "Austria,,22 Aug 1986\n", 404, "TREATY_NOT_FOUND");
        assertThat(importAs(Role.AUDITOR, treaty, published()).status()).isEqualTo(403);
        assertThat(importAs(Role.ANONYMOUS, treaty, published()).status()).isEqualTo(401);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void theExportInTheUntcLayoutImportedIntoAFreshTreatyGivesTheSameTable() throws IOException {
        String first = hostages();
        assertThat(importCsv(first, published(), false).status()).isEqualTo(201);
        String exported = exportUntc(first);
        assertThat(exported)
                .startsWith("Participant,Signature,\"Ratification, Acceptance(A), Approval(AA), Accession(a),"
                        + " Succession(d)\"\r\n")
                .contains("\r\nAustria,3 Oct 1980,22 Aug 1986\r\n")
                .contains("\r\nBosnia and Herzegovina,,1 Sep 1993 d\r\n")
                .contains("\r\nAfghanistan,,24 Sep 2003 a\r\n");

        String second = hostages();
        Reply imported = importCsv(second, exported.getBytes(StandardCharsets.UTF_8), false);

        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(201);
        assertThat(imported.body().path("recorded").asInt()).isEqualTo(ACTIONS);
        assertThat(exportUntc(second)).isEqualTo(exported);
        assertThat(rawCsv("/api/treaties/" + first + "/participants?layout=excel")
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
    }

    @Test
    void anImportInterruptedMidwayKeepsWhatItRecordedAndImportingAgainRecordsTheRest() throws IOException {
        String treaty = hostages();
        // another writer records Austria's signature, exactly as the table has it, once two actions are in
        imports.beforeEachRecording(recordedSoFar -> {
            if (recordedSoFar == 2) { // by then, Belgium's and Chile's signatures
                imports.beforeEachRecording(null);
                assertThat(sign(treaty, "AUT", "1980-10-03").status()).isEqualTo(201);
            }
        });
        Reply interrupted;
        try {
            interrupted = importCsv(treaty, published(), false);
        } finally {
            imports.beforeEachRecording(null);
        }

        assertThat(interrupted.status()).as(interrupted.body().toString()).isEqualTo(409);
        assertThat(interrupted.code()).isEqualTo("IMPORT_INTERRUPTED");
        // in legal-date order, six signatures of 1980 came before Austria's, which the other writer had recorded
        assertThat(interrupted.body().path("detail").asText())
                .contains("line 10")
                .contains("ALREADY_SIGNED")
                .contains("after 6 of 53");
        assertThat(interrupted.body().path("report").path("recorded").asInt()).isEqualTo(6);
        assertThat(row(interrupted.body().path("report"), "Belgium")
                        .path("actions")
                        .get(0)
                        .path("outcome")
                        .asText())
                .isEqualTo("RECORDED");
        assertThat(row(interrupted.body().path("report"), "Austria")
                        .path("actions")
                        .get(0)
                        .path("outcome")
                        .asText())
                .isEqualTo("NOT_RECORDED");
        assertThat(problemCodes(row(interrupted.body().path("report"), "Austria")))
                .containsExactly("ALREADY_SIGNED");
        // the six recorded stay, with the other writer's
        assertThat(get("/api/treaties/" + treaty + "/participants").body()).hasSize(7);

        Reply again = importCsv(treaty, published(), false);
        assertThat(again.status()).as(again.body().toString()).isEqualTo(201);
        assertThat(again.body().path("alreadyRecorded").asInt()).isEqualTo(7);
        assertThat(again.body().path("recorded").asInt()).isEqualTo(ACTIONS - 7);
        assertThat(get("/api/treaties/" + treaty + "/participants").body()).hasSize(47);
    }

    @Test
    void theJarsImportCommandSendsTheTableAndTellsByItsExitCode(@TempDir Path dir) throws IOException {
        String treaty = hostages();
        Path table = dir.resolve("hostages.csv");
        Files.write(table, published());
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "Participant,Signature,Ratification\nAtlantis,,1 Jan 1990 a\n");
        Map<String, String> env = Map.of("LEDGER_DEPOSITARY_PASSWORD", depositaryPassword, "WRONG", "nope");
        String url = "http://localhost:" + port;

        Run dry = cli(env, table.toString(), "--treaty", treaty, "--url", url + "/", "--dry-run");
        assertThat(dry.exit()).as(dry.err()).isZero();
        assertThat(JSON.readTree(dry.out()).path("toRecord").asInt()).isEqualTo(ACTIONS);
        assertThat(get("/api/treaties/" + treaty + "/participants").body()).isEmpty();

        Run real = cli(env, table.toString(), "--treaty", treaty, "--url", url);
        assertThat(real.exit()).as(real.err()).isZero();
        assertThat(JSON.readTree(real.out()).path("recorded").asInt()).isEqualTo(ACTIONS);

        Run refused = cli(env, bad.toString(), "--treaty", treaty, "--url", url);
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err().strip()).contains("IMPORT_REFUSED").doesNotContain("\n");

        assertThat(cli(env, table.toString(), "--treaty", treaty, "--url", url, "--password-env", "WRONG")
                        .exit())
                .isEqualTo(ImportCommand.UNREACHABLE);
        assertThat(cli(env, dir.resolve("missing.csv").toString(), "--treaty", treaty, "--url", url)
                        .exit())
                .isEqualTo(ImportCommand.UNREACHABLE);
        assertThat(cli(env, table.toString(), "--url", url).exit()).isEqualTo(2);
    }

    @Test
    void theReadmesExampleTableImportsAfterTheTourAndSkipsWhatTheTourRecorded() throws IOException {
        String treaty = "rome-" + UUID.randomUUID().toString().substring(0, 8);
        Reply registered = post(
                "/api/treaties",
                """
                {"id":"%s","reference":"XVIII-10","title":"Rome Statute of the International Criminal Court",
                 "adoptedOn":"1998-07-17","signature":{"opensOn":"1998-07-17","closesOn":"2000-12-31"},
                 "entryIntoForce":{"instrumentsRequired":60,"daysAfterThreshold":60,"daysAfterLaterInstrument":60,
                                   "reioInstrumentsCount":true,"rounding":"FIRST_DAY_OF_NEXT_MONTH"},
                 "denunciation":{"takesEffectAfterMonths":12}}"""
                        .formatted(treaty));
        assertThat(registered.status()).isEqualTo(201);
        ratify(treaty, "AUS", "1998-12-09", "2002-07-01");
        byte[] example = Files.readAllBytes(Path.of("..", "docs", "examples", "rome-statute-status.csv"));

        Reply dry = importCsv(treaty, example, true);
        assertThat(dry.body().path("problems").asInt())
                .as(dry.body().toString())
                .isZero();
        assertThat(dry.body().path("alreadyRecorded").asInt()).isEqualTo(2);
        Reply imported = importCsv(treaty, example, false);

        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(201);
        assertThat(imported.body().path("recorded").asInt()).isEqualTo(21);
        assertThat(get("/api/treaties/" + treaty + "/participants").body()).hasSize(12);
    }

    // --- helpers ----------------------------------------------------------------------------------

    record Run(int exit, String out, String err) {}

    private static Run cli(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine commandLine = new CommandLine(new ImportCommand(env::get));
        commandLine.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        commandLine.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        int exit = commandLine.execute(args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private String hostages() {
        String id = "hostages-" + UUID.randomUUID().toString().substring(0, 8);
        Reply reply = post("/api/treaties", HOSTAGES.formatted(id));
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        return id;
    }

    private static byte[] published() throws IOException {
        try (InputStream in =
                StatusTableImportApiTest.class.getResourceAsStream("/published/hostages-convention.csv")) {
            return in.readAllBytes();
        }
    }

    private Reply importCsv(String treaty, byte[] csv, boolean dryRun) {
        return importAs(Role.DEPOSITARY, treaty, csv, dryRun);
    }

    private Reply importAs(Role role, String treaty, byte[] csv) {
        return importAs(role, treaty, csv, false);
    }

    private Reply importAs(Role role, String treaty, byte[] csv, boolean dryRun) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        authenticate(headers, role);
        ResponseEntity<String> response = plain.exchange(
                "/api/treaties/" + treaty + "/import" + (dryRun ? "?dryRun=true" : ""),
                HttpMethod.POST,
                new HttpEntity<>(csv, headers),
                String.class);
        try {
            JsonNode body = response.getBody() == null ? JSON.nullNode() : JSON.readTree(response.getBody());
            return new Reply(response.getStatusCode().value(), body, response.getHeaders());
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + response.getBody(), e);
        }
    }

    private void assertRefused(String treaty, String csv, int status, String code) {
        Reply reply = importCsv(treaty, csv.getBytes(StandardCharsets.UTF_8), false);
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(status);
        assertThat(reply.code()).as(reply.body().toString()).isEqualTo(code);
        assertThat(reply.headers().getContentType()).hasToString("application/problem+json");
    }

    private String exportUntc(String treaty) {
        ResponseEntity<String> response = rawCsv("/api/treaties/" + treaty + "/participants?layout=untc");
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        return response.getBody();
    }

    private ResponseEntity<String> rawCsv(String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.parseMediaType("text/csv"), MediaType.APPLICATION_PROBLEM_JSON));
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private static JsonNode row(JsonNode report, String participant) {
        for (JsonNode row : report.path("report")) {
            if (row.path("participant").asText().equals(participant)) {
                return row;
            }
        }
        throw new AssertionError("No row for " + participant + " in " + report);
    }

    private static JsonNode participant(JsonNode participants, String code) {
        for (JsonNode p : participants) {
            if (p.path("participant").asText().equals(code)) {
                return p;
            }
        }
        throw new AssertionError("No participant " + code + " in " + participants);
    }

    private static List<String> problemCodes(JsonNode row) {
        List<String> codes = new ArrayList<>();
        row.path("problems").forEach(p -> codes.add(p.path("code").asText()));
        return codes;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
