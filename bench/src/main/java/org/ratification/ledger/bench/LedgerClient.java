package org.ratification.ledger.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** The service's REST API over HTTP/1.1, with the depositary's Basic credentials on every request. */
final class LedgerClient {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String base;
    private final String authorization;

    LedgerClient(int port, Credentials credentials) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        this.base = "http://127.0.0.1:" + port;
        this.authorization = credentials.depositaryHeader();
    }

    record Response(int status, String body) {

        boolean created() {
            return status == 201;
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }
    }

    String base() {
        return base;
    }

    HttpClient http() {
        return http;
    }

    String authorization() {
        return authorization;
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization);
    }

    private HttpRequest postRequest(String path, Object body) {
        try {
            return request(path)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    Response post(String path, Object body) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(postRequest(path, body), HttpResponse.BodyHandlers.ofString());
        return new Response(r.statusCode(), r.body());
    }

    CompletableFuture<Response> postAsync(String path, Object body) {
        return http.sendAsync(postRequest(path, body), HttpResponse.BodyHandlers.ofString())
                .thenApply(r -> new Response(r.statusCode(), r.body()));
    }

    Response get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        return new Response(r.statusCode(), r.body());
    }

    /** A GET whose body is read and discarded; completes with the status code. */
    CompletableFuture<Integer> getAsync(String path) {
        return http.sendAsync(request(path).GET().build(), HttpResponse.BodyHandlers.discarding())
                .thenApply(HttpResponse::statusCode);
    }

    /** A write that must succeed (fixtures); answers its record id. */
    String record(String path, Object body) throws IOException, InterruptedException {
        Response r = post(path, body);
        if (!r.created()) {
            throw new IllegalStateException("POST " + path + " answered " + r.status() + ": " + r.body());
        }
        return r.json().path("recordId").asText();
    }
}
