package org.ratification.ledger.api.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.junit.jupiter.api.Test;

/** The log's horizon on H2: the recordings in progress, and the stores it can vouch for. */
class OpenRecordingsTest {

    @Test
    void onlyAStoreEmbeddedInThisProcessAloneHasItsRecordingsAllInThisJvm() {
        assertThat(OpenRecordings.embeddedAlone(
                        "jdbc:h2:file:./data/ledger;AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0"))
                .isTrue();
        assertThat(OpenRecordings.embeddedAlone("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1"))
                .isTrue();
        assertThat(OpenRecordings.embeddedAlone("jdbc:h2:./data/ledger")).isTrue();
        assertThat(OpenRecordings.embeddedAlone("jdbc:h2:file:./data/ledger;AUTO_SERVER=TRUE"))
                .isFalse();
        assertThat(OpenRecordings.embeddedAlone("jdbc:h2:file:./data/ledger;auto_server = true"))
                .isFalse();
        assertThat(OpenRecordings.embeddedAlone("jdbc:h2:tcp://localhost/~/ledger"))
                .isFalse();
        assertThat(OpenRecordings.embeddedAlone("jdbc:h2:ssl://localhost/~/ledger"))
                .isFalse();
    }

    @Test
    void theRoundWaitsForTheTicketsHeldWhenItLookedAndNotForLaterOnes() throws Exception {
        OpenRecordings open = new OpenRecordings(SimpleCommandBus.builder().build());
        long held = open.begin();
        assertThat(open.awaitThoseOpenNow(Duration.ofMillis(50)))
                .as("a ticket still held")
                .isFalse();

        CompletableFuture<Boolean> round =
                CompletableFuture.supplyAsync(() -> open.awaitThoseOpenNow(Duration.ofSeconds(10)));
        Thread.sleep(100);
        long later = open.begin(); // taken after the round looked: not waited for
        assertThat(round).isNotDone();
        open.end(held);
        assertThat(round.get(5, TimeUnit.SECONDS)).isTrue();
        open.end(later);
        assertThat(open.awaitThoseOpenNow(Duration.ZERO)).isTrue();
    }
}
