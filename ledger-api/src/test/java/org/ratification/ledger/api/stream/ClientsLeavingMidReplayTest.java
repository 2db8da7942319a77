package org.ratification.ledger.api.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.ratification.ledger.api.ApiTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Thousands of clients that ask for a replay from the start and hang up after its first byte, eight
 * at a time: a sender thread then writes to, or ends, a response whose client is gone while the
 * container handles the same error, and its request's thread may still be leaving the filters.
 * No thread dies of it (a sender that ended a broken response through its emitter used to, after
 * the container's error: Tomcat refuses that to an application thread; CI once saw Tomcat's header
 * list broken by two threads writing headers at once), and every subscription ends. A race: the old
 * code failed here in three executions of four, and {@link SubscriptionTest} fails on it every time.
 */
class ClientsLeavingMidReplayTest extends ApiTestSupport {

    private static final int CLIENTS = 4_000;

    @LocalServerPort
    private int port;

    @Autowired
    private LiveEvents live;

    private void replayAndHangUp() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/events/stream?lastEventId=-1 HTTP/1.1\r\nHost: localhost\r\n"
                            + "Accept: text/event-stream\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.getInputStream().read();
        } catch (IOException e) {
            // refused or reset: the server's side is what is checked
        }
    }

    @Test
    void noThreadDiesWhenClientsHangUpMidReplayAndEverySubscriptionEnds() throws Exception {
        for (int i = 0; i < 20; i++) {
            registerTreaty(40, 90, 30, false);
        }
        List<Throwable> uncaught = new CopyOnWriteArrayList<>();
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> uncaught.add(e));
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            for (int i = 0; i < CLIENTS; i++) {
                clients.execute(this::replayAndHangUp);
            }
            clients.shutdown();
            assertThat(clients.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
            await("every subscription ended").atMost(Duration.ofSeconds(30)).until(() -> live.subscribers() == 0);
        } finally {
            clients.shutdownNow();
            Thread.setDefaultUncaughtExceptionHandler(previous);
        }
        assertThat(uncaught).isEmpty();
    }
}
