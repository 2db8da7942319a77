package org.ratification.ledger.api.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ratification.ledger.api.ApiTestSupport;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * A subscriber that never reads hurts only itself (issue 12 §4): a dozen anonymous replays from the
 * start on sockets that never read do not delay the live feed of another subscriber, and anonymous
 * replays beyond the cap are refused with 429 TOO_MANY_REPLAYS. The server's send buffers are made
 * small, and a replay from the start carries several times what they and the client's receive buffer
 * hold, so that a replay that is not read cannot finish (a replay that finishes gives its place back,
 * and the cap could not be shown; with 61 events, 19 KB, it finished on a fast machine); raw sockets
 * on the loopback only, bounded in count and time.
 */
@Import(StuckSubscribersTest.SmallSendBuffers.class)
@TestPropertySource(properties = "ledger.stream.max-anonymous-replays=12")
class StuckSubscribersTest extends ApiTestSupport {

    private static final int STUCK = 12;

    /** Treaties registered before the replays: about 300 bytes of stream each. */
    private static final int TREATIES = 200;

    /** What a replay from the start must carry at least: several times the buffers between the two ends. */
    private static final int REPLAY_BYTES = 40_000;

    private static final Duration WAIT = Duration.ofSeconds(5);

    @TestConfiguration
    static class SmallSendBuffers {
        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> smallSendBuffers() {
            return factory -> factory.addConnectorCustomizers(connector -> {
                connector.setProperty("socket.txBufSize", "4096");
                connector.setProperty("socket.appWriteBufSize", "1024");
            });
        }
    }

    @LocalServerPort
    private int port;

    @Value("${ledger.security.auditor-password}")
    private String auditorPassword;

    private String url(String query) {
        return "http://127.0.0.1:" + port + "/api/events/stream" + query;
    }

    /** Subscribes from the start of the store (with credentials if given) and never reads a byte. */
    private Socket replay(String authorization) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(1024);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(10_000);
        OutputStream out = socket.getOutputStream();
        out.write(("GET /api/events/stream?lastEventId=-1 HTTP/1.1\r\nHost: localhost\r\n"
                        + "Accept: text/event-stream\r\n"
                        + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                        + "\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    /**
     * The status line and headers of the answer to a replay (and the problem of a 429); the socket
     * is closed after, so the server's next write to it fails and the subscription ends.
     */
    private static String head(Socket socket) throws IOException {
        try (socket) {
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            int b;
            while (!head.toString().endsWith("\r\n\r\n") && (b = in.read()) != -1) {
                head.append((char) b);
            }
            if (head.toString().startsWith("HTTP/1.1 429")) {
                while (head.indexOf("}") < 0 && (b = in.read()) != -1) {
                    head.append((char) b);
                }
            }
            return head.toString();
        }
    }

    @Test
    void stuckAnonymousReplaysDoNotDelayTheLiveFeedAndAreCapped() throws Exception {
        for (int i = 0; i < TREATIES; i++) {
            registerTreaty(40, 90, 30, false);
        }
        // a replay catches up to where the stream's reader was when it joined: the reader must have
        // passed these records first, or the replays have nothing to send and never take their places
        String marker;
        try (SseClient live = SseClient.connect(url(""), null)) {
            assertThat(live.nextComment(WAIT)).isEqualTo("connected");
            marker = registerTreaty(40, 90, 30, false);
            assertThat(JSON.readTree(live.nextEvent(WAIT).data())
                            .path("treatyId")
                            .asText())
                    .isEqualTo(marker);
        }
        try (SseClient replay = SseClient.connect(url(""), "-1")) {
            long bytes = 0;
            String treaty = null;
            while (!marker.equals(treaty)) {
                String data = replay.nextEvent(WAIT).data();
                bytes += data.length();
                treaty = JSON.readTree(data).path("treatyId").asText();
            }
            assertThat(bytes)
                    .as("a replay from the start must outgrow the socket buffers, or a stuck one finishes")
                    .isGreaterThan(REPLAY_BYTES);
        }
        List<Socket> stuck = new ArrayList<>();
        try {
            for (int i = 0; i < STUCK; i++) {
                stuck.add(replay(null));
            }
            await("an anonymous replay over the cap is refused")
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> head(replay(null)).startsWith("HTTP/1.1 429"));
            String refused = head(replay(null));
            assertThat(refused).startsWith("HTTP/1.1 429");
            assertThat(refused.toLowerCase()).contains("retry-after:").contains("application/problem+json");
            assertThat(refused).contains("\"code\":\"TOO_MANY_REPLAYS\"");

            String auditor = head(replay("Basic "
                    + Base64.getEncoder()
                            .encodeToString(("auditor:" + auditorPassword).getBytes(StandardCharsets.UTF_8))));
            assertThat(auditor).as("a replay with credentials is not capped").startsWith("HTTP/1.1 200");

            try (SseClient live = SseClient.connect(url(""), null)) {
                assertThat(live.nextComment(WAIT)).isEqualTo("connected");
                String treaty = registerTreaty(40, 90, 30, false);

                JsonNode event = JSON.readTree(live.nextEvent(WAIT).data());

                assertThat(event.path("treatyId").asText()).isEqualTo(treaty);
            }
        } finally {
            for (Socket socket : stuck) {
                socket.close();
            }
        }
        await("an anonymous replay after the stuck ones closed")
                .atMost(Duration.ofSeconds(30))
                .until(() -> head(replay(null)).startsWith("HTTP/1.1 200"));
    }
}
