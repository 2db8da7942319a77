package org.ratification.ledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The write API end to end: what is recorded, what is refused, and that a refusal records nothing. */
class RecordingApiTest extends ApiTestSupport {

    @Test
    void theCybercrimeConventionIsRegisteredAtStartOnce() {
        Reply treaty = get("/api/treaties/cybercrime");
        assertThat(treaty.status()).isEqualTo(200);
        assertThat(treaty.body().path("reference").asText()).isEqualTo("XVIII-16");
        assertThat(treaty.body().path("instrumentsRequired").asInt()).isEqualTo(40);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = 'cybercrime'"
                                + " AND sequence_number = 0",
                        Long.class))
                .isEqualTo(1L);
    }

    @Test
    void aSignatureAndADepositAreReadBackAtOnce() {
        String treaty = registerTreaty(40, 90, 30, false);
        Reply signed = sign(treaty, "FRA", "2025-10-25");
        assertThat(signed.status()).isEqualTo(201);
        assertThat(signed.body().path("recordId").asText()).isNotBlank();
        Reply deposited = deposit(treaty, "FRA", "RATIFICATION", "2026-01-10");
        assertThat(deposited.status()).isEqualTo(201);

        Reply france = get("/api/treaties/" + treaty + "/participants/FRA");
        assertThat(france.status()).isEqualTo(200);
        assertThat(france.body().path("signedOn").asText()).isEqualTo("2025-10-25");
        assertThat(france.body().path("instrument").path("type").asText()).isEqualTo("RATIFICATION");
        assertThat(france.body().path("instrument").path("depositedOn").asText()).isEqualTo("2026-01-10");
        assertThat(france.body().path("status").asText()).isEqualTo("CONTRACTING");
        assertThat(get("/api/treaties/" + treaty).body().path("signatories").asInt()).isEqualTo(1);
    }
}
