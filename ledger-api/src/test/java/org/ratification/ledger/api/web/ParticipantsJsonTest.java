package org.ratification.ledger.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ratification.ledger.core.api.ParticipantStatus;
import org.ratification.ledger.core.api.ParticipantView;
import org.ratification.ledger.core.rules.StatusCalculator;

class ParticipantsJsonTest {

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final ParticipantsJson renderings = new ParticipantsJson(mapper);

    @Test
    void aStatusIsWrittenOnceAndAnotherStatusObjectIsWrittenAgain() throws Exception {
        StatusCalculator.Status status = status(ParticipantStatus.SIGNATORY);
        byte[] first = renderings.render(status, null).json();
        assertThat(renderings.render(status, null).json()).isSameAs(first);
        assertThat(mapper.readTree(first).get(0).path("participant").asText()).isEqualTo("FRA");

        StatusCalculator.Status moved = status(ParticipantStatus.PARTY);
        byte[] second = renderings.render(moved, null).json();
        assertThat(second).isNotSameAs(first);
        assertThat(mapper.readTree(second).get(0).path("status").asText()).isEqualTo("PARTY");
    }

    @Test
    void theFilterIsPartOfTheRenderingAndTheJsonIsJacksonsOwn() throws Exception {
        StatusCalculator.Status status = status(ParticipantStatus.SIGNATORY);
        assertThat(renderings.render(status, ParticipantStatus.PARTY)).isEmpty();
        assertThat(mapper.readTree(
                        renderings.render(status, ParticipantStatus.PARTY).json()))
                .isEmpty();
        var signatories = renderings.render(status, ParticipantStatus.SIGNATORY);
        assertThat(signatories).hasSize(1);
        assertThat(signatories.json()).isEqualTo(mapper.writeValueAsBytes(List.copyOf(signatories)));
    }

    @Test
    void theRenderingsKeptStayWithinTheBoundInBytes() {
        int oneRendering =
                renderings.render(status(ParticipantStatus.SIGNATORY), null).json().length;
        ParticipantsJson small = new ParticipantsJson(mapper, 3L * oneRendering);
        List<StatusCalculator.Status> statuses = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            StatusCalculator.Status status = status(ParticipantStatus.SIGNATORY);
            statuses.add(status); // alive, so that nothing but the bound drops a rendering
            assertThat(small.render(status, null).json()).hasSize(oneRendering);
            assertThat(small.keptBytes()).isLessThanOrEqualTo(3L * oneRendering);
        }
        assertThat(small.keptBytes()).isPositive();
        // an evicted rendering is written again, the same
        assertThat(small.render(statuses.get(0), null).json())
                .isEqualTo(renderings.render(statuses.get(0), null).json());
    }

    private static StatusCalculator.Status status(ParticipantStatus france) {
        return new StatusCalculator.Status(
                null,
                List.of(new ParticipantView(
                        "FRA",
                        "France",
                        LocalDate.of(2025, 10, 25),
                        "Hanoi",
                        null,
                        null,
                        france,
                        null,
                        null,
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of())));
    }
}
