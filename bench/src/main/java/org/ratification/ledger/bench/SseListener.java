package org.ratification.ledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BiConsumer;

/**
 * A dashboard: one subscription to {@code GET /api/events/stream}, handing the record id of each
 * event (from the envelope's payload) and its arrival time to a consumer.
 */
final class SseListener implements AutoCloseable {

    private final InputStream body;
    private final Thread reader;

    private SseListener(InputStream body, BiConsumer<String, Long> onEvent) {
        this.body = body;
        this.reader = new Thread(() -> read(onEvent), "sse-listener");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /** Subscribes; answers null (and closes the response) unless the service answers 200. */
    static SseListener open(LedgerClient client, BiConsumer<String, Long> onEvent) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(java.net.URI.create(client.base() + "/api/events/stream"))
                .header("Authorization", client.authorization())
                .header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
        HttpResponse<InputStream> response = client.http()
                .sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                .get(15, java.util.concurrent.TimeUnit.SECONDS);
        if (response.statusCode() != 200) {
            response.body().close();
            Log.info("GET /api/events/stream answered %d", response.statusCode());
            return null;
        }
        return new SseListener(response.body(), onEvent);
    }

    private void read(BiConsumer<String, Long> onEvent) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        long now = System.nanoTime();
                        String recordId = recordId(data.toString());
                        if (recordId != null) {
                            onEvent.accept(recordId, now);
                        }
                        data.setLength(0);
                    }
                } else if (line.startsWith("data:")) {
                    if (!data.isEmpty()) {
                        data.append('\n');
                    }
                    data.append(line.substring(line.startsWith("data: ") ? 6 : 5));
                }
            }
        } catch (Exception e) {
            if (!Thread.currentThread().isInterrupted()) {
                Log.info("SSE stream ended: %s", e.getMessage());
            }
        }
    }

    /** The record id of an event envelope: payload.recordId (or recordId at the top). */
    static String recordId(String json) {
        try {
            JsonNode envelope = LedgerClient.JSON.readTree(json);
            JsonNode id = envelope.path("payload").path("recordId");
            if (id.isMissingNode() || id.isNull()) {
                id = envelope.path("recordId");
            }
            return id.isTextual() ? id.asText() : null;
        } catch (Exception e) {
            return null;
        }
    }

    @Override
    public void close() {
        reader.interrupt();
        try {
            body.close();
        } catch (Exception e) {
            // closing
        }
    }
}
