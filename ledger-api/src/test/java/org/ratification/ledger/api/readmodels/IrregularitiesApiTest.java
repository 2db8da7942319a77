package org.ratification.ledger.api.readmodels;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ratification.ledger.api.verify.OfflineVerifier;

/**
 * Acknowledged irregularities (issue 14): the depositary records, deliberately and with a note, an
 * action a rule refuses; the note stays on the record, its row, its notification (English and
 * French), time travel, the export and the offline verifier. And a succession to a signature (a
 * {@code d} in the signature column), which counts as a signature for a later ratification.
 */
class IrregularitiesApiTest extends ReadModelTestSupport {

    private static final ObjectMapper VIEWS = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static final String NOTE = "The State had signed; the depositary received an instrument of accession.";

    @TempDir
    Path dir;

    /** A treaty whose signature period closed in 2000: two instruments, 90 days. */
    private String closedTreaty() {
        String id = "i-" + UUID.randomUUID().toString().substring(0, 8);
        Reply reply = post(
                "/api/treaties",
                """
                {"id":"%s","reference":"TEST-%s","title":"Convention on irregular histories","adoptedOn":"2000-01-01",
                 "signature":{"opensOn":"2000-01-10","closesOn":"2000-12-31"},
                 "entryIntoForce":{"instrumentsRequired":2,"daysAfterThreshold":90,"daysAfterLaterInstrument":30,
                                   "reioInstrumentsCount":false},
                 "denunciation":{"takesEffectAfterMonths":12}}"""
                        .formatted(id, id));
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        return id;
    }

    private Reply accession(String treaty, String participant, String date, String irregularity) {
        return post(
                "/api/treaties/" + treaty + "/instruments",
                "{\"participant\":\"%s\",\"type\":\"ACCESSION\",\"depositedOn\":\"%s\"%s}"
                        .formatted(participant, date, irregularity == null ? "" : ",\"irregularity\":" + irregularity));
    }

    @Test
    void anAccessionByASignatoryIsRefusedWithoutAnAcknowledgementAndRecordedWithOne() throws Exception {
        String treaty = closedTreaty();
        recordId(sign(treaty, "FRA", "2000-03-01"));
        ratify(treaty, "DEU", "2000-03-01", "2001-02-01");
        long before = storedEvents();

        Reply refused = accession(treaty, "FRA", "2001-06-01", null);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("SIGNATORY_MUST_RATIFY");
        Reply wrongCode = accession(treaty, "FRA", "2001-06-01", "{\"code\":\"NOT_SIGNED\",\"note\":\"n\"}");
        assertThat(wrongCode.status()).isEqualTo(422);
        assertThat(wrongCode.code()).isEqualTo("IRREGULARITY_NOT_PRESENT");
        assertThat(wrongCode.body().path("detail").asText()).contains("SIGNATORY_MUST_RATIFY");
        Reply notAllowed = accession(treaty, "FRA", "2001-06-01", "{\"code\":\"ALREADY_DEPOSITED\",\"note\":\"n\"}");
        assertThat(notAllowed.code()).isEqualTo("IRREGULARITY_NOT_ACKNOWLEDGEABLE");
        assertThat(storedEvents()).isEqualTo(before);

        String accession = recordId(accession(
                treaty, "FRA", "2001-06-01", "{\"code\":\"SIGNATORY_MUST_RATIFY\",\"note\":\"" + NOTE + "\"}"));

        // the row: the instrument counts, and the note is the row's footnote
        JsonNode france = participant(
                get("/api/treaties/" + treaty + "/participants?asOf=2002-01-01").body(), "FRA");
        assertThat(france.path("instrument").path("type").asText()).isEqualTo("ACCESSION");
        assertThat(france.path("status").asText()).isEqualTo("PARTY");
        assertThat(france.path("irregularities")).hasSize(1);
        assertThat(france.at("/irregularities/0/recordId").asText()).isEqualTo(accession);
        assertThat(france.at("/irregularities/0/action").asText()).isEqualTo("INSTRUMENT");
        assertThat(france.at("/irregularities/0/code").asText()).isEqualTo("SIGNATORY_MUST_RATIFY");
        assertThat(france.at("/irregularities/0/note").asText()).isEqualTo(NOTE);
        assertThat(get("/api/treaties/" + treaty + "?asOf=2002-01-01")
                        .body()
                        .path("parties")
                        .asInt())
                .isEqualTo(2);

        // the CSV and the UNTC layout: a footnote mark after the name, the note in its column
        String csv = getText("/api/treaties/" + treaty + "/participants?asOf=2002-01-01", "text/csv")
                .getBody();
        assertThat(csv)
                .contains("FRA,France,2000-03-01,2001-06-01 a,ACCESSION,2001-08-30,PARTY,,,,,"
                        + "SIGNATORY_MUST_RATIFY: " + NOTE + "\r\n");
        String untc = getText("/api/treaties/" + treaty + "/participants?asOf=2002-01-01&layout=untc", "text/csv")
                .getBody();
        assertThat(untc)
                .startsWith("Participant,Signature,\"Ratification, Acceptance(A), Approval(AA), Accession(a),"
                        + " Succession(d)\",Irregularity\r\n")
                .contains("France 1,1 Mar 2000,1 Jun 2001 a,SIGNATORY_MUST_RATIFY: " + NOTE + "\r\n")
                .contains("Germany,1 Mar 2000,1 Feb 2001,\r\n");

        // the record, in the history and its export
        JsonNode history = awaitHistory(treaty, 5);
        JsonNode record = history.path("records").get(4);
        assertThat(record.path("recordId").asText()).isEqualTo(accession);
        assertThat(record.at("/payload/irregularity/code").asText()).isEqualTo("SIGNATORY_MUST_RATIFY");
        assertThat(record.at("/payload/irregularity/note").asText()).isEqualTo(NOTE);

        // the notification, in English and in French
        JsonNode notes = awaitNotifications(treaty, 4);
        assertThat(notes.get(3).path("recordId").asText()).isEqualTo(accession);
        assertThat(notes.get(3).path("text").asText()).contains("Note by the depositary: " + NOTE);
        JsonNode french = get("/api/notifications?treaty=" + treaty + "&action=INSTRUMENT&lang=fr")
                .body();
        assertThat(french.toString()).contains("Note du dépositaire : " + NOTE);

        // time travel: as recorded now, and before the accession was recorded
        JsonNode now = participant(
                get("/api/treaties/" + treaty + "/participants?asOf=2002-01-01&recordedAt=" + Instant.now())
                        .body(),
                "FRA");
        assertThat(now.path("irregularities")).isEqualTo(france.path("irregularities"));

        // the offline verifier, from the export alone, shows the same row
        Path file = dir.resolve(treaty + ".ndjson");
        Files.writeString(
                file,
                getText("/api/treaties/" + treaty + "/history", "application/x-ndjson")
                        .getBody(),
                StandardCharsets.UTF_8);
        OfflineVerifier.Report report = OfflineVerifier.verify(file, LocalDate.of(2002, 1, 1));
        assertThat(report.chain().valid()).isTrue();
        assertThat((JsonNode) VIEWS.valueToTree(report.participants()))
                .isEqualTo(get("/api/treaties/" + treaty + "/participants?asOf=2002-01-01")
                        .body());
    }

    @Test
    void aNeedlessAcknowledgementIsRefusedAndNothingIsRecorded() {
        String treaty = closedTreaty();
        long before = storedEvents();
        Reply needless = accession(treaty, "NRU", "2001-06-01", "{\"code\":\"SIGNATORY_MUST_RATIFY\",\"note\":\"n\"}");
        assertThat(needless.status()).isEqualTo(422);
        assertThat(needless.code()).isEqualTo("IRREGULARITY_NOT_PRESENT");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void theAcknowledgementIsBoundedBeforeAnythingIsSent() {
        String treaty = closedTreaty();
        recordId(sign(treaty, "FRA", "2000-03-01"));
        long before = storedEvents();
        assertThat(accession(
                                treaty,
                                "FRA",
                                "2001-06-01",
                                "{\"code\":\"SIGNATORY_MUST_RATIFY\",\"note\":\"%s\"}".formatted("x".repeat(2_001)))
                        .code())
                .isEqualTo("TEXT_TOO_LONG");
        assertThat(accession(treaty, "FRA", "2001-06-01", "{\"code\":\"SIGNATORY_MUST_RATIFY\",\"note\":\"a\\u0007b\"}")
                        .code())
                .isEqualTo("CONTROL_CHARACTERS");
        assertThat(accession(treaty, "FRA", "2001-06-01", "{\"code\":\"SIGNATORY_MUST_RATIFY\"}")
                        .code())
                .isEqualTo("MISSING_FIELD");
        Reply badCode = accession(treaty, "FRA", "2001-06-01", "{\"code\":\"signatory\",\"note\":\"n\"}");
        assertThat(badCode.status()).isEqualTo(400);
        assertThat(badCode.code()).isEqualTo("INVALID_IRREGULARITY_CODE");
        assertThat(accession(treaty, "FRA", "2001-06-01", "{\"code\":\"SIGNATORY_MUST_RATIFY\",\"note\":\"n\",\"x\":1}")
                        .status())
                .isEqualTo(400);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aSignatureAfterThePeriodIsRecordedWithItsAcknowledgementOnTheSignature() {
        String treaty = closedTreaty();
        Reply late = sign(treaty, "ITA", "2001-01-05");
        assertThat(late.code()).isEqualTo("SIGNATURE_PERIOD_CLOSED");
        recordId(post(
                "/api/treaties/" + treaty + "/signatures",
                "{\"participant\":\"ITA\",\"signedOn\":\"2001-01-05\",\"irregularity\":"
                        + "{\"code\":\"SIGNATURE_PERIOD_CLOSED\",\"note\":\"Signed after the closing date.\"}}"));
        JsonNode notes = awaitNotifications(treaty, 1);
        assertThat(notes.get(0).path("text").asText())
                .endsWith("Note by the depositary: Signed after the closing date.");
        JsonNode italy =
                participant(get("/api/treaties/" + treaty + "/participants").body(), "ITA");
        assertThat(italy.at("/irregularities/0/action").asText()).isEqualTo("SIGNATURE");
    }

    /**
     * A successor State succeeds to its predecessor's signature after the signature period closed,
     * and ratifies later: the succession counts as its signature.
     */
    @Test
    void aSuccessionToASignatureCountsAsASignatureForALaterRatification() throws Exception {
        String treaty = closedTreaty();
        assertThat(deposit(treaty, "MNE", "RATIFICATION", "2007-01-10").code()).isEqualTo("NOT_SIGNED");
        assertThat(sign(treaty, "MNE", "2006-10-23").code()).isEqualTo("SIGNATURE_PERIOD_CLOSED");

        String succession = recordId(post(
                "/api/treaties/" + treaty + "/signatures",
                "{\"participant\":\"MNE\",\"signedOn\":\"2006-10-23\",\"predecessor\":\"SCG\"}"));
        recordId(deposit(treaty, "MNE", "RATIFICATION", "2007-01-10"));

        JsonNode montenegro =
                participant(get("/api/treaties/" + treaty + "/participants").body(), "MNE");
        assertThat(montenegro.path("signedOn").asText()).isEqualTo("2006-10-23");
        assertThat(montenegro.path("signatureLetter").asText()).isEqualTo("d");
        assertThat(montenegro.path("signaturePredecessor").asText()).isEqualTo("SCG");
        assertThat(montenegro.path("instrument").path("type").asText()).isEqualTo("RATIFICATION");
        assertThat(getText("/api/treaties/" + treaty + "/participants", "text/csv")
                        .getBody())
                .contains("MNE,Montenegro,2006-10-23 d,2007-01-10,RATIFICATION,");
        assertThat(getText("/api/treaties/" + treaty + "/participants?layout=untc", "text/csv")
                        .getBody())
                .contains("Montenegro,23 Oct 2006 d,10 Jan 2007\r\n");

        JsonNode notes = awaitNotifications(treaty, 2);
        assertThat(notes.get(0).path("recordId").asText()).isEqualTo(succession);
        assertThat(notes.get(0).path("subject").asText()).isEqualTo("MONTENEGRO: SUCCESSION TO THE SIGNATURE");
        assertThat(notes.get(0).path("text").asText())
                .contains("On 23 October 2006, the Secretary-General received from Montenegro a notification of"
                        + " succession to the signature of the Convention on irregular histories by Serbia and"
                        + " Montenegro.");
        assertThat(get("/api/notifications?treaty=" + treaty + "&action=SIGNATURE&lang=fr")
                        .body()
                        .toString())
                .contains("SUCCESSION À LA SIGNATURE")
                .contains("notification de succession à la signature de : Serbie-et-Monténégro");

        // time travel before the succession was recorded shows no signature; now it does
        JsonNode history = awaitHistory(treaty, 3);
        String registeredAt = history.path("records").get(0).path("recordedAt").asText();
        JsonNode then = get("/api/treaties/" + treaty + "/participants?recordedAt=" + registeredAt)
                .body();
        assertThat(then).isEmpty();

        Path file = dir.resolve(treaty + ".ndjson");
        Files.writeString(
                file,
                getText("/api/treaties/" + treaty + "/history", "application/x-ndjson")
                        .getBody(),
                StandardCharsets.UTF_8);
        OfflineVerifier.Report report = OfflineVerifier.verify(file, LocalDate.now());
        assertThat(report.chain().valid()).isTrue();
        assertThat(report.participants().get(0).signatureLetter()).isEqualTo("d");
        assertThat(report.participants().get(0).signaturePredecessor()).isEqualTo("SCG");
    }

    private static JsonNode participant(JsonNode participants, String code) {
        for (JsonNode p : participants) {
            if (p.path("participant").asText().equals(code)) {
                return p;
            }
        }
        throw new AssertionError("no row of " + code + " in " + participants);
    }
}
