package org.ratification.ledger.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ratification.ledger.api.ApiTestSupport;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A body that does not arrive holds no worker for long (issue 12 §4): the unread body of a refused
 * request is not drained (the connection is closed after the answer), and a body trickling in is
 * given up after the deadline with 408 REQUEST_TIMEOUT. Raw sockets on the loopback only, bounded
 * in count and time.
 */
class SlowBodiesApiTest extends ApiTestSupport {

    /** How long a test waits for the server to answer and close; the server's read timeout is 10 s. */
    private static final int PATIENCE_MILLIS = 5_000;

    @LocalServerPort
    private int port;

    @Value("${ledger.security.depositary-password}")
    private String depositaryPassword;

    private Socket open() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        return socket;
    }

    private static void sendHead(Socket socket, String authorization, int contentLength) throws IOException {
        String head = "POST /api/treaties HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Accept: application/json\r\n"
                + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                + "Content-Length: " + contentLength + "\r\n\r\n{";
        OutputStream out = socket.getOutputStream();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Everything the server sends until it closes the connection; fails if it keeps it open. */
    private static String readUntilClosed(Socket socket, int millis) throws IOException {
        socket.setSoTimeout(millis);
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[4096];
        try {
            int read;
            while ((read = in.read(buffer)) != -1) {
                received.write(buffer, 0, read);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("The server kept the connection open after answering: "
                    + received.toString(StandardCharsets.UTF_8));
        }
        return received.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theUnreadBodyOfARefusedRequestIsNotDrainedTheConnectionIsClosed() throws IOException {
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                Socket socket = open();
                sockets.add(socket);
                sendHead(socket, null, 100_000);
            }
            for (Socket socket : sockets) {
                String response = readUntilClosed(socket, PATIENCE_MILLIS);
                assertThat(response).startsWith("HTTP/1.1 401");
                assertThat(response).contains("\"code\":\"UNAUTHENTICATED\"");
            }
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
        assertThat(get("/api/treaties/cybercrime").status()).isEqualTo(200);
    }

    @Test
    void aBodyThatTricklesInIsGivenUpAfterTheDeadline() throws Exception {
        String credentials = "Basic "
                + Base64.getEncoder()
                        .encodeToString(("depositary:" + depositaryPassword).getBytes(StandardCharsets.UTF_8));
        try (Socket socket = open()) {
            sendHead(socket, credentials, 1_000);
            Thread drip = new Thread(() -> {
                try {
                    OutputStream out = socket.getOutputStream();
                    for (int i = 0; i < 30 && !Thread.currentThread().isInterrupted(); i++) {
                        Thread.sleep(1_000);
                        out.write(' ');
                        out.flush();
                    }
                } catch (IOException | InterruptedException e) {
                    // the server closed the connection, or the test is over
                }
            });
            drip.setDaemon(true);
            drip.start();
            try {
                String response = readUntilClosed(socket, 20_000);

                assertThat(response).startsWith("HTTP/1.1 408");
                assertThat(response).contains("\"code\":\"REQUEST_TIMEOUT\"");
            } finally {
                drip.interrupt();
            }
        }
    }
}
