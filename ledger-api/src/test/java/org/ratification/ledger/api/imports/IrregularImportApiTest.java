package org.ratification.ledger.api.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ratification.ledger.api.ApiTestSupport;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Importing a UNTC table with a succession to a signature ({@code d} in the signature column) and
 * with acknowledged irregularities (the Irregularity column), and the round trip of both through the
 * export in the UNTC layout.
 */
class IrregularImportApiTest extends ApiTestSupport {

    /** The CTBT's final clauses as docs/CLAUSES.md gives them, without the Annex 2 list. */
    private static final String CTBT =
            """
            {"id":"%s","reference":"XXVI-4","title":"Comprehensive Nuclear-Test-Ban Treaty","adoptedOn":"1996-09-10",
             "signature":{"opensOn":"1996-09-24","closesAtEntryIntoForce":true},
             "entryIntoForce":{"instrumentsRequired":44,"daysAfterThreshold":180,"daysAfterLaterInstrument":30,
                               "reioInstrumentsCount":false,"notBefore":"1998-09-24",
                               "laterInstrumentsFrom":"ENTRY_INTO_FORCE","countedInstruments":["RATIFICATION"]},
             "denunciation":{"takesEffectAfterMonths":6}}""";

    /**
     * Three rows of the CTBT's status table as the UN Treaty Collection publishes it (treaties.un.org,
     * MTDSG chapter XXVI, 4): Montenegro succeeded on 23 October 2006 both to the signature and to the
     * ratification of Serbia and Montenegro ("23 Oct 2006 d" in both columns); Fiji was the first State
     * to ratify, on 10 October 1996.
     */
    private static final String CTBT_ROWS =
            """
            Participant,Signature,"Ratification, Acceptance(A), Approval(AA), Accession(a), Succession(d)"
            Australia,24 Sep 1996,9 Jul 1998
            Fiji,24 Sep 1996,10 Oct 1996
            Montenegro,23 Oct 2006 d,23 Oct 2006 d
            """;

    private static final String CLOSED =
            """
            {"id":"%s","reference":"TEST-%s","title":"Convention on irregular histories","adoptedOn":"2000-01-01",
             "signature":{"opensOn":"2000-01-10","closesOn":"2000-12-31"},
             "entryIntoForce":{"instrumentsRequired":2,"daysAfterThreshold":90,"daysAfterLaterInstrument":30,
                               "reioInstrumentsCount":false},
             "denunciation":{"takesEffectAfterMonths":12}}""";

    private static final String HEADER =
            "Participant,Signature,\"Ratification, Acceptance(A), Approval(AA), Accession(a), Succession(d)\"";

    private static final String NOTE = "Deposited as accession, although France had signed.";

    @Test
    void aSuccessionToASignatureIsImportedAsTheSignatureOfTheSuccessorAndExportedWithD() {
        String treaty = register(CTBT, "ctbt");

        Reply dry = importCsv(treaty, CTBT_ROWS, true);
        assertThat(dry.status()).as(dry.body().toString()).isEqualTo(200);
        JsonNode montenegro = row(dry.body(), "Montenegro");
        assertThat(montenegro.path("problems").isMissingNode())
                .as(montenegro.toString())
                .isTrue();
        assertThat(montenegro.at("/actions/0/action").asText()).isEqualTo("SIGNATURE");
        assertThat(montenegro.at("/actions/0/letter").asText()).isEqualTo("d");
        assertThat(montenegro.at("/actions/1/type").asText()).isEqualTo("SUCCESSION");

        Reply imported = importCsv(treaty, CTBT_ROWS, false);
        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(201);
        assertThat(imported.body().path("recorded").asInt()).isEqualTo(6);
        JsonNode row =
                participant(get("/api/treaties/" + treaty + "/participants").body(), "MNE");
        assertThat(row.path("signedOn").asText()).isEqualTo("2006-10-23");
        assertThat(row.path("signatureLetter").asText()).isEqualTo("d");
        assertThat(row.path("signaturePredecessor").asText()).isEqualTo("SCG");
        assertThat(row.at("/instrument/type").asText()).isEqualTo("SUCCESSION");
        assertThat(row.at("/instrument/predecessor").asText()).isEqualTo("SCG");

        String exported = exportUntc(treaty);
        assertThat(exported).contains("Montenegro,23 Oct 2006 d,23 Oct 2006 d\r\n");
        assertThat(importCsv(treaty, exported, false).body().path("recorded").asInt())
                .isZero();
        String fresh = register(CTBT, "ctbt");
        assertThat(importCsv(fresh, exported, false).status()).isEqualTo(201);
        assertThat(exportUntc(fresh)).isEqualTo(exported);
    }

    @Test
    void aSuccessionToASignatureOfAStateWithoutAKnownPredecessorIsAProblemOfItsRow() {
        String treaty = register(CTBT, "ctbt");
        Reply refused = importCsv(treaty, HEADER + "\nFrance,24 Sep 1996 d,\n", false);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(problemCodes(row(refused.body().path("report"), "France"))).containsExactly("PREDECESSOR_UNKNOWN");
    }

    @Test
    void anIrregularityIsImportedOnlyWithItsAcknowledgementAndRoundTrips() {
        String treaty = register(CLOSED, "i");
        long before = storedEvents();

        String plain = HEADER + "\nFrance,1 Mar 2000,1 Jun 2001 a\nGermany,1 Mar 2000,1 Feb 2001\n";
        Reply refused = importCsv(treaty, plain, false);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(problemCodes(row(refused.body().path("report"), "France"))).containsExactly("SIGNATORY_MUST_RATIFY");

        String wrong = HEADER + ",Irregularity\nFrance,1 Mar 2000,1 Jun 2001 a,NOT_SIGNED: n\n"
                + "Germany,1 Mar 2000,1 Feb 2001,\n";
        Reply wrongCode = importCsv(treaty, wrong, false);
        assertThat(wrongCode.status()).isEqualTo(422);
        assertThat(problemCodes(row(wrongCode.body().path("report"), "France"))).contains("IRREGULARITY_NOT_PRESENT");

        String needless = HEADER + ",Irregularity\nFrance,1 Mar 2000,1 Jun 2001 a,SIGNATORY_MUST_RATIFY: n\n"
                + "Germany,1 Mar 2000,1 Feb 2001,SIGNATORY_MUST_RATIFY: n\n";
        assertThat(problemCodes(row(importCsv(treaty, needless, false).body().path("report"), "Germany")))
                .containsExactly("IRREGULARITY_NOT_PRESENT");
        String unreadable = HEADER + ",Irregularity\nFrance,1 Mar 2000,1 Jun 2001 a,a note without a code\n";
        assertThat(problemCodes(row(importCsv(treaty, unreadable, false).body().path("report"), "France")))
                .contains("INVALID_CELL");
        assertThat(storedEvents()).isEqualTo(before);

        String acknowledged = HEADER + ",Irregularity\nFrance,1 Mar 2000,1 Jun 2001 a,\"SIGNATORY_MUST_RATIFY: " + NOTE
                + "\"\nGermany,1 Mar 2000,1 Feb 2001,\n";
        Reply imported = importCsv(treaty, acknowledged, false);
        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(201);
        JsonNode france =
                participant(get("/api/treaties/" + treaty + "/participants").body(), "FRA");
        assertThat(france.at("/irregularities/0/code").asText()).isEqualTo("SIGNATORY_MUST_RATIFY");
        assertThat(france.at("/irregularities/0/note").asText()).isEqualTo(NOTE);

        String exported = exportUntc(treaty);
        assertThat(exported)
                .isEqualTo(HEADER + ",Irregularity\r\n"
                        + "France 1,1 Mar 2000,1 Jun 2001 a,\"SIGNATORY_MUST_RATIFY: " + NOTE + "\"\r\n"
                        + "Germany,1 Mar 2000,1 Feb 2001,\r\n");
        String fresh = register(CLOSED, "i");
        assertThat(importCsv(fresh, exported, false).status()).isEqualTo(201);
        assertThat(exportUntc(fresh)).isEqualTo(exported);
    }

    private String register(String definition, String prefix) {
        String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        Reply reply = post("/api/treaties", definition.replace("%s", id));
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        return id;
    }

    private Reply importCsv(String treaty, String csv, boolean dryRun) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        ResponseEntity<String> response = http.exchange(
                "/api/treaties/" + treaty + "/import" + (dryRun ? "?dryRun=true" : ""),
                HttpMethod.POST,
                new HttpEntity<>(csv.getBytes(StandardCharsets.UTF_8), headers),
                String.class);
        try {
            return new Reply(
                    response.getStatusCode().value(), JSON.readTree(response.getBody()), response.getHeaders());
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + response.getBody(), e);
        }
    }

    private String exportUntc(String treaty) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.parseMediaType("text/csv")));
        ResponseEntity<String> response = http.exchange(
                "/api/treaties/" + treaty + "/participants?layout=untc",
                HttpMethod.GET,
                new HttpEntity<>(headers),
                String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        return response.getBody();
    }

    private static JsonNode row(JsonNode report, String participant) {
        for (JsonNode row : report.path("report")) {
            if (row.path("participant").asText().equals(participant)) {
                return row;
            }
        }
        throw new AssertionError("no row " + participant + " in " + report);
    }

    private static JsonNode participant(JsonNode participants, String code) {
        for (JsonNode p : participants) {
            if (p.path("participant").asText().equals(code)) {
                return p;
            }
        }
        throw new AssertionError("no row of " + code + " in " + participants);
    }

    private static List<String> problemCodes(JsonNode row) {
        return row.path("problems").findValuesAsText("code");
    }
}
