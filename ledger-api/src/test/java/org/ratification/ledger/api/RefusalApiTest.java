package org.ratification.ledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ratification.ledger.core.api.CommunicationKind;
import org.ratification.ledger.core.api.InstrumentType;
import org.ratification.ledger.core.api.ParticipantStatus;

/**
 * Every refusal is problem+json with a stable code and the right status, and records nothing:
 * 400 malformed input, 404 unknown treaty, 409 duplicates, 422 rules of the treaty.
 */
class RefusalApiTest extends ApiTestSupport {

    private void assertRefused(Reply reply, int status, String code, long eventsBefore) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(status);
        assertThat(reply.code()).isEqualTo(code);
        assertThat(reply.headers().getContentType().toString()).startsWith("application/problem+json");
        assertThat(reply.body().path("detail").asText()).isNotBlank();
        assertThat(storedEvents()).as("a refused request records nothing").isEqualTo(eventsBefore);
    }

    @Test
    void malformedJsonIsRefusedWith400() {
        String treaty = registerTreaty(40, 90, 30, false);
        long before = storedEvents();
        assertRefused(
                post("/api/treaties/" + treaty + "/signatures", "{\"participant\":"), 400, "MALFORMED_JSON", before);
        assertRefused(post("/api/treaties/" + treaty + "/signatures", ""), 400, "MALFORMED_JSON", before);
    }

    @Test
    void badDatesMissingAndUnknownFieldsAreRefusedWith400() {
        String treaty = registerTreaty(40, 90, 30, false);
        long before = storedEvents();
        String path = "/api/treaties/" + treaty + "/signatures";
        assertRefused(post(path, "{\"participant\":\"FRA\",\"signedOn\":\"2025-02-30\"}"), 400, "INVALID_DATE", before);
        assertRefused(post(path, "{\"participant\":\"FRA\",\"signedOn\":\"25/10/2025\"}"), 400, "INVALID_DATE", before);
        assertRefused(post(path, "{\"participant\":\"FRA\"}"), 400, "MISSING_FIELD", before);
        assertRefused(post(path, "{\"signedOn\":\"2025-10-25\"}"), 400, "MISSING_FIELD", before);
        assertRefused(
                post(path, "{\"participant\":\"FRA\",\"signedOn\":\"2025-10-25\",\"extra\":1}"),
                400,
                "UNKNOWN_FIELD",
                before);
        assertRefused(post(path, "{\"participant\":42,\"signedOn\":\"2025-10-25\"}"), 400, "INVALID_VALUE", before);
        assertRefused(
                post(path, "{\"participant\":\"F1\",\"signedOn\":\"2025-10-25\"}"),
                400,
                "INVALID_PARTICIPANT_CODE",
                before);
        assertRefused(
                post(
                        "/api/treaties/" + treaty + "/instruments",
                        "{\"participant\":\"FRA\",\"type\":\"PROMISE\",\"depositedOn\":\"2025-10-25\"}"),
                400,
                "INVALID_VALUE",
                before);
        assertRefused(get("/api/treaties/" + treaty + "?asOf=yesterday"), 400, "INVALID_DATE", before);
    }

    @Test
    void anUnknownEnumValueIsRefusedWithTheAllowedValues() {
        String treaty = registerTreaty(40, 90, 30, false);
        long before = storedEvents();
        Reply instrument = post(
                "/api/treaties/" + treaty + "/instruments",
                "{\"participant\":\"FRA\",\"type\":\"PROMISE\",\"depositedOn\":\"2025-10-25\"}");
        assertRefused(instrument, 400, "INVALID_VALUE", before);
        List<String> instrumentTypes =
                Arrays.stream(InstrumentType.values()).map(Enum::name).toList();
        assertThat(instrument.body().path("detail").asText())
                .startsWith("The field 'type' has an invalid value; allowed: ")
                .contains(String.join(", ", instrumentTypes));
        assertThat(JSON.convertValue(instrument.body().path("allowedValues"), List.class))
                .isEqualTo(instrumentTypes);

        Reply nested = post(
                "/api/treaties/" + treaty + "/communications",
                "{\"participant\":\"FRA\",\"kind\":\"COMPLAINT\",\"receivedOn\":\"2025-10-25\",\"text\":\"x\"}");
        assertRefused(nested, 400, "INVALID_VALUE", before);
        assertThat(JSON.convertValue(nested.body().path("allowedValues"), List.class))
                .isEqualTo(Arrays.stream(CommunicationKind.values())
                        .map(Enum::name)
                        .toList());

        Reply parameter = get("/api/treaties/" + treaty + "/participants?status=ASLEEP");
        assertRefused(parameter, 400, "INVALID_PARAMETER", before);
        assertThat(parameter.body().path("detail").asText())
                .isEqualTo("The parameter 'status' has an invalid value; allowed: "
                        + String.join(
                                ", ",
                                Arrays.stream(ParticipantStatus.values())
                                        .map(Enum::name)
                                        .toList())
                        + ".");
    }

    @Test
    void anUnknownTreatyIsRefusedWith404() {
        long before = storedEvents();
        assertRefused(sign("no-such-treaty", "FRA", "2025-10-25"), 404, "TREATY_NOT_FOUND", before);
        assertRefused(get("/api/treaties/no-such-treaty"), 404, "TREATY_NOT_FOUND", before);
        assertRefused(get("/api/treaties/no-such-treaty/participants"), 404, "TREATY_NOT_FOUND", before);
    }

    @Test
    void aSecondSignatureIsRefusedWith409() {
        String treaty = registerTreaty(40, 90, 30, false);
        assertThat(sign(treaty, "FRA", "2025-10-25").status()).isEqualTo(201);
        long before = storedEvents();
        assertRefused(sign(treaty, "FRA", "2025-10-26"), 409, "ALREADY_SIGNED", before);
    }

    @Test
    void aSecondInstrumentIsRefusedWith409() {
        String treaty = registerTreaty(40, 90, 30, false);
        ratify(treaty, "FRA", "2025-10-25", "2025-11-01");
        long before = storedEvents();
        assertRefused(deposit(treaty, "FRA", "ACCEPTANCE", "2025-12-01"), 409, "ALREADY_DEPOSITED", before);
    }

    @Test
    void registeringATreatyTwiceIsRefusedWith409() {
        String treaty = registerTreaty(40, 90, 30, false);
        long before = storedEvents();
        Reply again = post(
                "/api/treaties",
                """
                {"id":"%s","reference":"R","title":"T","adoptedOn":"2024-12-24",
                 "signature":{"opensOn":"2025-01-01","closesOn":"2026-12-31"},
                 "entryIntoForce":{"instrumentsRequired":3,"daysAfterThreshold":90,
                   "daysAfterLaterInstrument":30,"reioInstrumentsCount":false},
                 "denunciation":{"takesEffectAfterMonths":12}}"""
                        .formatted(treaty));
        assertRefused(again, 409, "TREATY_ALREADY_REGISTERED", before);
    }

    @Test
    void anIncompleteTreatyDefinitionIsRefusedWith400() {
        long before = storedEvents();
        assertRefused(
                post(
                        "/api/treaties",
                        """
                {"id":"x1","reference":"R","title":"T","adoptedOn":"2024-12-24",
                 "signature":{"opensOn":"2025-01-01","closesOn":"2026-12-31"},
                 "entryIntoForce":{"instrumentsRequired":3,"daysAfterThreshold":90,"reioInstrumentsCount":false},
                 "denunciation":{"takesEffectAfterMonths":12}}"""),
                400,
                "MISSING_FIELD",
                before);
        assertRefused(
                post(
                        "/api/treaties",
                        """
                {"id":"x2","reference":"R","title":"T","adoptedOn":"2024-12-24",
                 "signature":{"opensOn":"2026-01-01","closesOn":"2025-12-31"},
                 "entryIntoForce":{"instrumentsRequired":3,"daysAfterThreshold":90,
                   "daysAfterLaterInstrument":30,"reioInstrumentsCount":false},
                 "denunciation":{"takesEffectAfterMonths":12}}"""),
                400,
                "INVALID_TREATY_DEFINITION",
                before);
    }

    @Test
    void aSignatureBeforeThePeriodOpensIsRefusedWith422() {
        long before = storedEvents();
        assertRefused(sign("cybercrime", "FRA", "2025-10-24"), 422, "SIGNATURE_PERIOD_NOT_OPEN", before);
    }

    @Test
    void ratificationWithoutSignatureIsRefusedWith422() {
        String treaty = registerTreaty(40, 90, 30, false);
        long before = storedEvents();
        assertRefused(deposit(treaty, "FRA", "RATIFICATION", "2025-11-01"), 422, "NOT_SIGNED", before);
    }

    @Test
    void accessionByASignatoryIsRefusedWith422() {
        String treaty = registerTreaty(40, 90, 30, false);
        assertThat(sign(treaty, "FRA", "2025-10-25").status()).isEqualTo(201);
        long before = storedEvents();
        assertRefused(deposit(treaty, "FRA", "ACCESSION", "2025-11-01"), 422, "SIGNATORY_MUST_RATIFY", before);
    }

    @Test
    void accessionByANonSignatoryIsRecorded() {
        String treaty = registerTreaty(40, 90, 30, false);
        Reply acceded = deposit(treaty, "NIU", "ACCESSION", "2026-02-01");
        assertThat(acceded.status()).isEqualTo(201);
    }

    @Test
    void theEuropeanUnionMaySignOnlyAfterAMemberState() {
        String treaty = registerTreaty(40, 90, 30, false);
        long before = storedEvents();
        assertRefused(sign(treaty, "EU", "2025-10-25"), 422, "REIO_MEMBER_NOT_SIGNED", before);
        assertThat(sign(treaty, "USA", "2025-10-25").status())
                .as("not a member")
                .isEqualTo(201);
        before = storedEvents();
        assertRefused(sign(treaty, "EU", "2025-10-25"), 422, "REIO_MEMBER_NOT_SIGNED", before);
        assertThat(sign(treaty, "AUT", "2025-10-25").status()).isEqualTo(201);
        assertThat(sign(treaty, "EU", "2025-10-25").status()).isEqualTo(201);
    }

    @Test
    void theEuropeanUnionMayDepositOnlyAfterAMemberStateAndWithADeclarationOfCompetence() {
        String treaty = registerTreaty(40, 90, 30, false);
        assertThat(sign(treaty, "AUT", "2025-10-25").status()).isEqualTo(201);
        assertThat(sign(treaty, "EU", "2025-10-25").status()).isEqualTo(201);
        long before = storedEvents();
        assertRefused(
                post(
                        "/api/treaties/" + treaty + "/instruments",
                        """
                {"participant":"EU","type":"APPROVAL","depositedOn":"2025-12-01","declarations":["competence"]}"""),
                422,
                "REIO_MEMBER_NOT_BOUND",
                before);
        assertThat(deposit(treaty, "AUT", "RATIFICATION", "2025-11-01").status())
                .isEqualTo(201);
        before = storedEvents();
        assertRefused(deposit(treaty, "EU", "APPROVAL", "2025-12-01"), 422, "REIO_COMPETENCE_NOT_DECLARED", before);
    }

    @Test
    void aDateInTheFutureIsRefusedWith422() {
        String treaty = registerTreaty(40, 90, 30, false);
        long before = storedEvents();
        String tomorrow =
                java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(2).toString();
        assertRefused(sign(treaty, "FRA", tomorrow), 422, "DATE_IN_FUTURE", before);
    }

    @Test
    void aDenunciationByANonPartyIsRefusedWith422() {
        String treaty = registerTreaty(40, 90, 30, false);
        ratify(treaty, "FRA", "2025-10-25", "2025-11-01");
        long before = storedEvents();
        assertRefused(
                post(
                        "/api/treaties/" + treaty + "/denunciations",
                        "{\"participant\":\"FRA\",\"receivedOn\":\"2026-01-01\"}"),
                422,
                "NOT_A_PARTY",
                before);
    }

    @Test
    void anUnknownParticipantIsRefused() {
        String treaty = registerTreaty(40, 90, 30, false);
        long before = storedEvents();
        assertRefused(sign(treaty, "XYZ", "2025-10-25"), 422, "UNKNOWN_PARTICIPANT", before);
        assertRefused(get("/api/treaties/" + treaty + "/participants/XYZ"), 404, "UNKNOWN_PARTICIPANT", before);
        assertRefused(get("/api/treaties/" + treaty + "/participants/FRA"), 404, "NO_ACTION_RECORDED", before);
    }

    @Test
    void anUnknownPathIsProblemJson() {
        Reply reply = get("/api/nothing-here");
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.code()).isEqualTo("NOT_FOUND");
    }
}
