package org.ratification.ledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.ratification.ledger.api.storage.EventStoreProperties;
import org.ratification.ledger.core.participants.Participant;
import org.ratification.ledger.core.participants.ParticipantRegistry;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * More clients writing to one treaty at once than the service has database connections, across a
 * snapshot: every write is answered. (The snapshot used to be taken on the writing thread while it
 * held the treaty's lock, waiting for a connection that the writers queued on that lock held.)
 */
class ConcurrentWritersApiTest extends ApiTestSupport {

    @Autowired
    DataSource dataSource;

    @Autowired
    EventStoreProperties eventStore;

    @Test
    void moreWritersOnOneTreatyThanConnectionsAreAllAnsweredAcrossASnapshot() throws Exception {
        int connections = dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize();
        List<String> states = ParticipantRegistry.standard().all().stream()
                .filter(p -> !p.isReio())
                .map(Participant::code)
                .limit(eventStore.snapshotThreshold() + 20L)
                .toList();
        assertThat(states).hasSize(eventStore.snapshotThreshold() + 20);
        String treaty = registerTreaty(40, 90, 30, false);

        ExecutorService clients = Executors.newFixedThreadPool(connections * 2 + 4);
        List<Future<Reply>> replies = new ArrayList<>();
        for (String state : states) {
            replies.add(clients.submit(() -> sign(treaty, state, "2025-10-25")));
        }
        List<String> failures = new ArrayList<>();
        for (Future<Reply> reply : replies) {
            Reply r = reply.get();
            if (r.status() != 201) {
                failures.add(r.status() + " " + r.body());
            }
        }
        clients.shutdown();

        assertThat(failures).isEmpty();
        assertThat(get("/api/treaties/" + treaty).body().path("signatories").asInt())
                .isEqualTo(states.size());
    }
}
