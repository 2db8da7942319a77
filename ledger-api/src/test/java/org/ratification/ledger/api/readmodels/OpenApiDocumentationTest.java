package org.ratification.ledger.api.readmodels;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The OpenAPI document describes every endpoint of the API, with a summary and examples. */
class OpenApiDocumentationTest extends ReadModelTestSupport {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

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
    void theSwaggerUiIsServed() {
        assertThat(getText("/swagger-ui/index.html", "text/html")
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
    }
}
