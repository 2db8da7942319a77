package org.ratification.ledger.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.ratification.ledger.core.api.TreatyStatusView;

class StatusLineJsonTest {

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final StatusLineJson lines = new StatusLineJson(mapper);

    @Test
    void aRenderedLineIsWrittenOnceAndIsJacksonsOwnJson() throws Exception {
        TreatyStatusView line = line(1, "aa");
        assertThat(lines.render(line)).isSameAs(line);
        byte[] kept = lines.json(line);
        assertThat(lines.json(line)).isSameAs(kept).isEqualTo(mapper.writeValueAsBytes(line));
    }

    @Test
    void anEqualLineThatWasNotRenderedIsWrittenAgainNeverTakenFromTheKeptOne() throws Exception {
        TreatyStatusView rendered = lines.render(line(1, "aa"));
        TreatyStatusView equal = line(1, "aa");
        assertThat(equal).isEqualTo(rendered);
        assertThat(lines.json(equal)).isNotSameAs(lines.json(rendered)).isEqualTo(lines.json(rendered));
        TreatyStatusView moved = line(2, "bb");
        assertThat(mapper.readTree(lines.json(moved)).path("headHash").asText()).isEqualTo("bb");
    }

    @Test
    void theRenderingsKeptStayWithinTheBoundInBytes() {
        int one = lines.json(line(1, "aa")).length;
        StatusLineJson small = new StatusLineJson(mapper, 3L * one);
        java.util.List<TreatyStatusView> alive = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            TreatyStatusView line = small.render(line(1, "aa"));
            alive.add(line); // alive, so that nothing but the bound drops a rendering
            assertThat(small.keptBytes()).isLessThanOrEqualTo(3L * one);
        }
        assertThat(small.keptBytes()).isPositive();
    }

    private static TreatyStatusView line(int signatories, String head) {
        return new TreatyStatusView(
                "t",
                "T-1",
                "Test treaty",
                LocalDate.of(2026, 1, 1),
                40,
                0,
                0,
                signatories,
                0,
                0,
                null,
                null,
                null,
                false,
                true,
                "0 of 40 instruments counted.",
                head);
    }
}
