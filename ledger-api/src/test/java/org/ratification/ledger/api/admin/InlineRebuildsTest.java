package org.ratification.ledger.api.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.junit.jupiter.api.Test;
import org.ratification.ledger.api.ApiTestSupport;
import org.ratification.ledger.projections.status.StatusProjection;
import org.springframework.beans.factory.annotation.Autowired;

/** A direct fold either replaces a read model whole or leaves it as it was. */
class InlineRebuildsTest extends ApiTestSupport {

    private static final List<String> TABLES = List.of("status_treaty", "status_record", "status_chain_head");

    @Autowired
    InlineRebuilds inline;

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void aFoldThatFailsHalfWayLeavesTheOldRowsAndTheRecordingsGoOn() {
        String treaty = registerTreaty(3, 30, 30, false);
        for (String state : List.of("FRA", "DEU", "ITA", "ESP")) {
            assertThat(sign(treaty, state, "2025-01-04").status()).isEqualTo(201);
        }
        Map<String, List<Map<String, Object>>> before = snapshot();
        SubscribingEventProcessor status = processing
                .eventProcessor(StatusProjection.NAME, SubscribingEventProcessor.class)
                .orElseThrow();
        long events = storedEvents();
        AtomicLong handled = new AtomicLong();
        // the status handlers, failing on the store's last event: after the reset and most rows
        EventHandlerInvoker failing = new EventHandlerInvoker() {
            private final EventHandlerInvoker handlers = status.eventHandlerInvoker();

            @Override
            public boolean canHandle(EventMessage<?> event, Segment segment) {
                return true;
            }

            @Override
            public void handle(EventMessage<?> event, Segment segment) throws Exception {
                if (handled.incrementAndGet() == events) {
                    throw new IllegalStateException("a handler failed");
                }
                if (handlers.canHandle(event, segment)) {
                    handlers.handle(event, segment);
                }
            }

            @Override
            public void performReset() {
                handlers.performReset();
            }
        };

        assertThatThrownBy(() -> inline.rebuild(StatusProjection.NAME, failing, TABLES))
                .hasStackTraceContaining("a handler failed");

        assertThat(handled).hasValue(events);
        assertThat(snapshot()).as("rolled back whole").isEqualTo(before);
        assertThat(inline.folding(StatusProjection.NAME)).isFalse();
        assertThat(sign(treaty, "POL", "2025-02-01").status())
                .as("recordings go on after a failed fold")
                .isEqualTo(201);
        assertThat(inline.rebuild(status, TABLES)).isEqualTo(events + 1);
    }

    private Map<String, List<Map<String, Object>>> snapshot() {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        for (String table : TABLES) {
            tables.put(table, jdbc.queryForList("SELECT * FROM " + table + " ORDER BY treaty_id, 1"));
        }
        return tables;
    }
}
