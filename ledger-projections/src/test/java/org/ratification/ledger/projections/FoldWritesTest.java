package org.ratification.ledger.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** A fold's held state belongs to that fold: none outside it, and none left over by one that failed. */
class FoldWritesTest {

    private final Object owner = new Object();
    private final JdbcTemplate jdbc = new JdbcTemplate();

    @Test
    void stateExistsOnlyDuringAFoldAndDiesWithAFailedOne() {
        assertThat(FoldWrites.<List<String>>state(owner, ArrayList::new)).isNull();
        assertThatThrownBy(() -> FoldWrites.during(jdbc, () -> {
                    List<String> held = FoldWrites.state(owner, ArrayList::new);
                    held.add("from the failed fold");
                    assertThat(FoldWrites.<List<String>>state(owner, ArrayList::new))
                            .isSameAs(held);
                    throw new IllegalStateException("fold failed");
                }))
                .hasMessage("fold failed");
        List<String> next = FoldWrites.during(jdbc, () -> FoldWrites.state(owner, ArrayList::new));
        assertThat(next).isEmpty();
        assertThat(FoldWrites.<List<String>>state(owner, ArrayList::new)).isNull();
    }
}
