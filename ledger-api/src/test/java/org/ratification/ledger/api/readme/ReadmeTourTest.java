package org.ratification.ledger.api.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ratification.ledger.api.ApiTestSupport;
import org.ratification.ledger.api.readme.ReadmeTour.Step;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The README's API tour, run as written: each step of its bash blocks (parsed by {@link
 * ReadmeTour}, whose Javadoc lists the subset of bash it reads) is sent to this service, with
 * {@code localhost:8080} replaced by the test port, {@code $PW} and {@code $AUDITOR_PW} by the test
 * passwords and captured variables by the values earlier steps answered. Every step must answer 2xx,
 * or the status (and problem code) its {@code # → …} comment says. The tour promises to work on a
 * fresh ledger, so this test has a context (and database) of its own, on H2 and on PostgreSQL.
 * Afterwards the dates and states the tour's comments state are checked on the records it made.
 */
@TestPropertySource(properties = "ledger-test.context=readme-tour")
@DirtiesContext
class ReadmeTourTest extends ApiTestSupport {

    private static final Pattern LOCAL_SERVICE = Pattern.compile("(?:http://)?localhost:8080(/.*)?");

    @LocalServerPort
    private int port;

    @Value("${ledger.security.depositary-password}")
    private String depositaryPassword;

    @Value("${ledger.security.auditor-password}")
    private String auditorPassword;

    @TempDir
    private Path directory;

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void everyStepOfTheReadmeTourAnswersAsTheReadmeSays() throws IOException {
        Path readme = readme();
        List<Step> steps = ReadmeTour.parse(Files.readString(readme, StandardCharsets.UTF_8));
        assertThat(steps)
                .as("steps of the section '%s' of %s", ReadmeTour.SECTION, readme)
                .hasSizeGreaterThan(20);
        assertThat(steps).as("steps that capture a value").anyMatch(s -> s.capture() != null);

        run(steps);

        // and what the tour's comments say of the records it made
        JsonNode example = get("/api/treaties/example").body();
        assertThat(example.path("entryIntoForceOn").asText()).isEqualTo("2016-09-08");
        JsonNode germany = get("/api/treaties/example/participants/DEU").body();
        assertThat(germany.path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(germany.path("denunciationEffectiveOn").asText()).isEqualTo("2025-03-01");
        assertThat(get("/api/treaties/example/participants/FRA")
                        .body()
                        .path("amendments")
                        .path(0)
                        .path("entryIntoForceOn")
                        .asText())
                .isEqualTo("2023-04-16");
        assertThat(get("/api/treaties/example/reservations").body().path(0).path("objections"))
                .extracting(o ->
                        o.path("participant").asText() + " " + o.path("timely").asBoolean())
                .containsExactly("DEU true", "ITA false");
        assertThat(get("/api/treaties/cybercrime/participants/NLD")
                        .body()
                        .path("territories")
                        .toString())
                .isEqualTo("[\"Aruba\"]");
        assertThat(get("/api/treaties/cybercrime/participants/NIU")
                        .body()
                        .path("instrument")
                        .path("depositedOn")
                        .asText())
                .isEqualTo("2026-04-14");
        assertThat(get("/api/treaties/rome-statute?asOf=2003-01-01")
                        .body()
                        .path("explanation")
                        .asText())
                // Australia's, then those of docs/examples/rome-statute-status.csv, imported later in the tour
                .startsWith("8 of 60 instruments counted")
                .contains("first day of the month after the 60th day");
    }

    @Test
    void aStepThatDoesNotAnswerAsTheReadmeSaysFailsTheTour() {
        String unknown = "curl -s localhost:8080/api/treaties/no-such-treaty-in-the-tour\n";

        run(ReadmeTour.parseBlock(unknown.replace("\n", "   # → 404 TREATY_NOT_FOUND\n"), 1));
        assertThatThrownBy(() -> run(ReadmeTour.parseBlock(unknown, 1)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("README line 1")
                .hasMessageContaining("404");
        assertThatThrownBy(() -> run(ReadmeTour.parseBlock(unknown.replace("\n", "   # → 404 NOT_SIGNED\n"), 1)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("TREATY_NOT_FOUND");
        assertThatThrownBy(() -> run(ReadmeTour.parseBlock(
                        "ID=$(curl -s localhost:8080/api/treaties/cybercrime | jq -r '.noSuchField')\n", 1)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(".noSuchField");
        assertThatThrownBy(() ->
                        run(ReadmeTour.parseBlock("curl -s localhost:8080/api/treaties/$NOT_CAPTURED_BEFORE\n", 1)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("$NOT_CAPTURED_BEFORE");
    }

    /** Runs the steps in order, as a shell would, and fails at the first that does not answer as written. */
    private void run(List<Step> steps) {
        Map<String, String> variables = new HashMap<>(Map.of("PW", depositaryPassword, "AUDITOR_PW", auditorPassword));
        for (Step step : steps) {
            String where = "README line " + step.line() + ": " + step.source().strip();
            HttpResponse<String> response = send(step, variables, where);
            String answer = "\n  answered " + response.statusCode() + " " + response.body();
            if (step.expectedStatus() == null) {
                assertThat(response.statusCode() / 100).as(where + answer).isEqualTo(2);
            } else {
                assertThat(response.statusCode()).as(where + answer).isEqualTo(step.expectedStatus());
                if (step.expectedCode() != null) {
                    assertThat(json(response.body(), where).path("code").asText())
                            .as(where + answer)
                            .isEqualTo(step.expectedCode());
                }
            }
            if (step.capture() != null) {
                variables.put(step.capture(), captured(step, json(response.body(), where), where + answer));
            }
            if (step.outputFile() != null) {
                try {
                    Files.writeString(directory.resolve(step.outputFile()), response.body());
                } catch (IOException e) {
                    throw new AssertionError(where + ": cannot write " + step.outputFile(), e);
                }
            }
        }
    }

    private HttpResponse<String> send(Step step, Map<String, String> variables, String where) {
        java.util.function.Function<String, String> lookup = name -> {
            String value = variables.get(name);
            if (value == null) {
                throw new AssertionError(where + ": $" + name + " is not set by an earlier step");
            }
            return value;
        };
        ReadmeTour.Curl curl = step.curl();
        String url = curl.url().expand(lookup);
        Matcher local = LOCAL_SERVICE.matcher(url);
        if (!local.matches()) {
            throw new AssertionError(where + ": the tour talks to localhost:8080 only, not " + url);
        }
        String path = local.group(1) == null ? "/" : local.group(1);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30));
        String body = curl.body() == null ? null : curl.body().expand(lookup);
        byte[] file = null;
        if (curl.bodyFile() != null) {
            try {
                file = Files.readAllBytes(readme().getParent().resolve(curl.bodyFile()));
            } catch (IOException e) {
                throw new AssertionError(where + ": no file " + curl.bodyFile() + " in the repository", e);
            }
        }
        request.method(
                curl.method().expand(lookup),
                file != null
                        ? HttpRequest.BodyPublishers.ofByteArray(file)
                        : body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        Map<String, String> headers = new HashMap<>();
        curl.headers()
                .forEach((name, value) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), value.expand(lookup)));
        // what curl sends unless told otherwise
        headers.putIfAbsent("accept", "*/*");
        if (body != null || file != null) {
            headers.putIfAbsent("content-type", "application/x-www-form-urlencoded");
        }
        if (curl.user() != null) {
            headers.put(
                    "authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString(curl.user().expand(lookup).getBytes(StandardCharsets.UTF_8)));
        }
        headers.forEach(request::header);
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(where + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(where + ": interrupted", e);
        }
    }

    /** What {@code jq -r PATH} prints: a string as it is, other values as JSON; missing or null fails. */
    private static String captured(Step step, JsonNode answer, String where) {
        JsonNode node = answer;
        StringBuilder path = new StringBuilder();
        for (Object key : step.jqPath()) {
            node = key instanceof Integer index ? node.path(index) : node.path((String) key);
            path.append(key instanceof Integer index ? "[" + index + "]" : "." + key);
        }
        if (node.isMissingNode() || node.isNull()) {
            fail(where + "\n  has nothing at " + path + " for $" + step.capture());
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }

    private static JsonNode json(String body, String where) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError(where + "\n  answered no JSON: " + body, e);
        }
    }

    /** The project's README: in the working directory or one above it (surefire runs in the module). */
    private static Path readme() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("README.md");
            if (Files.isRegularFile(candidate) && Files.isDirectory(dir.resolve("ledger-api"))) {
                return candidate;
            }
        }
        throw new AssertionError(
                "No README.md beside ledger-api above " + Path.of("").toAbsolutePath());
    }
}
