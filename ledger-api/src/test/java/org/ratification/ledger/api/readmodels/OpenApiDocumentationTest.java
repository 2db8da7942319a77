package org.ratification.ledger.api.readmodels;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI document describes every endpoint of the API, with a summary and examples, its security
 * and every error response as a problem with its codes.
 */
class OpenApiDocumentationTest extends ReadModelTestSupport {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    TestRestTemplate anonymous;

    @Test
    void everyEndpointIsDocumentedWithASummaryAndEveryRequestBodyWithAnExample() {
        JsonNode paths = get("/v3/api-docs").body().path("paths");
        List<String> endpoints = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (!handler.getBeanType().getPackageName().startsWith("org.ratification.ledger")) {
                return;
            }
            for (String path : info.getPatternValues()) {
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    endpoints.add(method + " " + path);
                    JsonNode operation = paths.path(path).path(method.name().toLowerCase(Locale.ROOT));
                    assertThat(operation.isMissingNode())
                            .as(method + " " + path + " is documented")
                            .isFalse();
                    assertThat(operation.path("summary").asText())
                            .as(method + " " + path + " has a summary")
                            .isNotBlank();
                    if (java.util.Arrays.stream(handler.getMethodParameters())
                            .anyMatch(p -> p.hasParameterAnnotation(RequestBody.class))) {
                        assertThat(operation.path("requestBody").findValues("examples"))
                                .as(method + " " + path + " has request examples")
                                .isNotEmpty();
                    }
                }
            }
        });
        assertThat(endpoints)
                .contains(
                        "GET /api/treaties/{treatyId}/history",
                        "GET /api/treaties/{treatyId}/notifications",
                        "GET /api/treaties/{treatyId}/changes",
                        "GET /api/treaties/{treatyId}/participants",
                        "POST /api/treaties",
                        "POST /api/treaties/{treatyId}/corrections",
                        "POST /api/admin/rebuild/{processingGroup}");
        JsonNode participants =
                paths.path("/api/treaties/{treatyId}/participants").path("get");
        assertThat(participants.path("responses").path("200").path("content").has("text/csv"))
                .isTrue();
        JsonNode table = participants
                .path("responses")
                .path("200")
                .path("content")
                .path("application/json")
                .path("schema");
        assertThat(table.path("type").asText())
                .as("the JSON table is documented as rows")
                .isEqualTo("array");
        assertThat(table.path("items").path("$ref").asText()).endsWith("/ParticipantView");
        assertThat(participants.path("parameters").findValuesAsText("name")).contains("asOf", "recordedAt", "status");
        assertThat(paths.path("/api/treaties/{treatyId}/history")
                        .path("get")
                        .path("responses")
                        .path("200")
                        .path("content")
                        .has("application/x-ndjson"))
                .isTrue();
    }

    @Test
    void theContractHasAnInfoAndBothSecuritySchemes() throws IOException {
        JsonNode document = get("/v3/api-docs").body();
        JsonNode info = document.path("info");
        assertThat(info.path("title").asText()).isEqualTo("Ratification Ledger API");
        Properties build = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/build-info.properties")) {
            assertThat(in).as("build-info.properties from the Maven build").isNotNull();
            build.load(in);
        }
        assertThat(info.path("version").asText()).isEqualTo(build.getProperty("build.version"));
        assertThat(info.path("description").asText()).contains("problem+json");
        assertThat(info.path("license").path("name").asText()).isNotBlank();
        JsonNode schemes = document.path("components").path("securitySchemes");
        assertThat(schemes.path("basicAuth").path("type").asText()).isEqualTo("http");
        assertThat(schemes.path("basicAuth").path("scheme").asText()).isEqualTo("basic");
        assertThat(schemes.path("bearerAuth").path("scheme").asText()).isEqualTo("bearer");
        assertThat(document.path("components")
                        .path("schemas")
                        .path("Problem")
                        .path("properties")
                        .has("code"))
                .isTrue();
    }

    @Test
    void theRegistrationDocumentsTheOptionalTitlesInBothLanguages() {
        JsonNode document = get("/v3/api-docs").body();
        JsonNode register = document.path("paths").path("/api/treaties").path("post");
        String ref = register.path("requestBody")
                .path("content")
                .path("application/json")
                .path("schema")
                .path("$ref")
                .asText();
        JsonNode properties = document.path("components")
                .path("schemas")
                .path(ref.substring(ref.lastIndexOf('/') + 1))
                .path("properties");
        assertThat(properties.has("shortTitle")).isTrue();
        assertThat(properties.has("titleFr")).isTrue();
        assertThat(properties.has("shortTitleFr")).isTrue();
        assertThat(register.path("description").asText()).contains("'titleFr'", "'shortTitleFr'");
    }

    @Test
    void everyOperationDeclaresItsErrorsAsProblemsWithTheirCodes() {
        JsonNode document = get("/v3/api-docs").body();
        List<String> checked = new ArrayList<>();
        document.path("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
                    String name = entry.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
                    if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE")
                            .contains(entry.getKey().toUpperCase(Locale.ROOT))) {
                        return;
                    }
                    checked.add(name);
                    JsonNode operation = entry.getValue();
                    JsonNode responses = operation.path("responses");
                    assertThat(responses.has("500")).as(name + " declares 500").isTrue();
                    responses.fields().forEachRemaining(response -> {
                        if (response.getKey().startsWith("4")
                                || response.getKey().startsWith("5")) {
                            JsonNode problem =
                                    response.getValue().path("content").path("application/problem+json");
                            assertThat(problem.path("schema").path("$ref").asText())
                                    .as(name + " " + response.getKey() + " is a problem")
                                    .endsWith("/Problem");
                            assertThat(response.getValue()
                                            .path("x-problem-codes")
                                            .size())
                                    .as(name + " " + response.getKey() + " names its codes")
                                    .isPositive();
                        }
                    });
                    if (operation.has("requestBody") && name.startsWith("POST ")) {
                        for (String status : List.of("400", "401", "403", "409", "413", "415", "422")) {
                            assertThat(responses.has(status))
                                    .as(name + " declares " + status)
                                    .isTrue();
                        }
                        assertThat(operation.path("parameters").findValuesAsText("name"))
                                .as(name + " takes an Idempotency-Key")
                                .contains("Idempotency-Key");
                    }
                    if (name.startsWith("POST ")) {
                        assertThat(operation.path("x-required-role").asText()).isEqualTo("DEPOSITARY");
                        assertThat(operation.path("security").findValuesAsText("basicAuth"))
                                .isNotNull();
                        assertThat(operation.path("security").toString()).contains("basicAuth", "bearerAuth");
                    }
                    if (path.getKey().contains("{treatyId}")) {
                        assertThat(responses.path("404").path("x-problem-codes").toString())
                                .contains("TREATY_NOT_FOUND");
                    }
                    JsonNode created = responses.path("201").path("content");
                    if (!created.isMissingNode()) {
                        assertThat(created.has("*/*"))
                                .as(name + " 201 is typed")
                                .isFalse();
                        assertThat(created.has("application/json"))
                                .as(name + " 201 is JSON")
                                .isTrue();
                    }
                    if (operation.has("requestBody")
                            && name.startsWith("POST ")
                            && !name.endsWith("/import")
                            && !name.startsWith("POST /api/admin/")) {
                        assertThat(created.path("application/json")
                                        .path("schema")
                                        .path("$ref")
                                        .asText())
                                .as(name + " answers 201 with a Recorded")
                                .endsWith("/Recorded");
                        assertThat(responses.path("201").path("headers").has("Location"))
                                .as(name + " 201 has a Location")
                                .isTrue();
                    }
                }));
        assertThat(checked)
                .contains("POST /api/treaties/{treatyId}/signatures", "GET /api/treaties/{treatyId}/history");
        JsonNode history =
                document.path("paths").path("/api/treaties/{treatyId}/history").path("get");
        assertThat(history.path("x-required-role").asText()).isEqualTo("AUDITOR");
        assertThat(history.path("responses").has("401")).isTrue();
        JsonNode status =
                document.path("paths").path("/api/treaties/{treatyId}").path("get");
        assertThat(status.has("security"))
                .as("reading a status needs no credentials")
                .isFalse();
        assertThat(status.path("responses").has("401")).isFalse();
        assertThat(status.path("responses").path("400").path("x-problem-codes").toString())
                .contains("INVALID_DATE");
        JsonNode record = document.path("paths")
                .path("/api/treaties/{treatyId}/history/{sequence}")
                .path("get");
        assertThat(record.path("x-required-role").asText()).isEqualTo("AUDITOR");
        assertThat(record.path("responses").path("404").path("x-problem-codes").toString())
                .contains("TREATY_NOT_FOUND", "RECORD_NOT_FOUND");
        assertThat(record.path("responses").path("400").path("x-problem-codes").toString())
                .contains("INVALID_PARAMETER");
        JsonNode recorded = document.path("components").path("schemas").path("Recorded");
        assertThat(recorded.path("properties").path("sequence").path("type").asText())
                .isEqualTo("integer");
        assertThat(recorded.path("properties").path("recordedAt").path("format").asText())
                .isEqualTo("date-time");
        assertThat(recorded.path("properties").has("recordId")).isTrue();
    }

    /**
     * The security the contract declares is the one the service enforces: every operation that refuses
     * an anonymous request (401) declares the security schemes, its 401 and 403, and the role it needs;
     * every operation that does not, declares none of them.
     */
    @Test
    void everyOperationThatNeedsCredentialsDeclaresThemAndNoOtherDoes() {
        JsonNode document = get("/v3/api-docs").body();
        List<String> protectedOperations = new ArrayList<>();
        document.path("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
                    String method = entry.getKey().toUpperCase(Locale.ROOT);
                    JsonNode operation = entry.getValue();
                    if (!List.of("GET", "POST").contains(method)
                            || operation
                                    .path("responses")
                                    .path("200")
                                    .path("content")
                                    .has("text/event-stream")) {
                        return; // a stream would not end
                    }
                    String name = method + " " + path.getKey();
                    String url = path.getKey()
                            .replace("{treatyId}", "cybercrime")
                            .replace("{sequence}", "0")
                            .replace("{processingGroup}", "status")
                            .replace("{code}", "FRA")
                            .replaceAll("\\{[^}]+}", "x");
                    HttpHeaders headers = new HttpHeaders();
                    headers.setContentType(MediaType.APPLICATION_JSON);
                    int status = anonymous
                            .exchange(
                                    url,
                                    HttpMethod.valueOf(method),
                                    new HttpEntity<>("POST".equals(method) ? "{}" : null, headers),
                                    String.class)
                            .getStatusCode()
                            .value();
                    boolean declared = operation.has("security");
                    assertThat(declared)
                            .as(name + " answers an anonymous request " + status + " and declares security")
                            .isEqualTo(status == 401);
                    if (status == 401) {
                        protectedOperations.add(name);
                        assertThat(operation.path("security").toString()).contains("basicAuth", "bearerAuth");
                        assertThat(operation.path("x-required-role").asText()).isIn("AUDITOR", "DEPOSITARY");
                        assertThat(operation.path("responses").has("401"))
                                .as(name + " declares 401")
                                .isTrue();
                        assertThat(operation.path("responses").has("403"))
                                .as(name + " declares 403")
                                .isTrue();
                    }
                }));
        assertThat(protectedOperations)
                .contains(
                        "GET /api/treaties/{treatyId}/history",
                        "GET /api/treaties/{treatyId}/history/{sequence}",
                        "GET /api/log/leaves",
                        "POST /api/treaties/{treatyId}/signatures");
    }

    @Test
    void theSwaggerUiIsServed() {
        assertThat(getText("/swagger-ui/index.html", "text/html")
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
    }
}
