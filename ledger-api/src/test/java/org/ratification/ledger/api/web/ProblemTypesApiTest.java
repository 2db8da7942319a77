package org.ratification.ledger.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.ratification.ledger.api.ApiTestSupport;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

/**
 * A problem's {@code type} is a URI per code, {@code /problems/<code>}, whichever layer refused (a
 * rule of the treaty, the security filters, the framework, the container), its title the code in
 * sentence case; and the type resolves to a short page that names the problem.
 */
class ProblemTypesApiTest extends ApiTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    private int port;

    private static void typed(JsonNode problem, String code, String title) {
        assertThat(problem.path("code").asText()).as(problem.toString()).isEqualTo(code);
        assertThat(problem.path("type").asText()).isEqualTo("/problems/" + code);
        assertThat(problem.path("title").asText()).isEqualTo(title);
    }

    @Test
    void aRuleRefusalIsTypedByItsCodeAndTheTypeResolvesToAPage() throws Exception {
        String treaty = registerTreaty(40, 90, 30, false);
        Reply refused = deposit(treaty, "FRA", "RATIFICATION", "2026-01-10");
        assertThat(refused.status()).isEqualTo(422);
        typed(refused.body(), "NOT_SIGNED", "Not signed");

        String page = URI.create("http://localhost:" + port + "/api/treaties/" + treaty + "/instruments")
                .resolve(refused.body().path("type").asText())
                .getPath();
        RawHttp.Answer answer = RawHttp.get(port, page, "Accept: text/html");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).startsWith("text/html");
        assertThat(answer.body()).contains("<h1>Not signed</h1>", "<code>NOT_SIGNED</code>");
    }

    @Test
    void refusalsOfTheSecurityFiltersAndTheFrameworkAreTypedInSentenceCase() throws Exception {
        Reply anonymous = as(Role.ANONYMOUS).post("/api/treaties", "{}");
        assertThat(anonymous.status()).isEqualTo(401);
        typed(anonymous.body(), "UNAUTHENTICATED", "Unauthenticated");

        Reply method = as(Role.DEPOSITARY).exchange(HttpMethod.PUT, "/api/treaties", "{}");
        assertThat(method.status()).isEqualTo(405);
        typed(method.body(), "METHOD_NOT_ALLOWED", "Method not allowed");

        RawHttp.Answer unmapped = RawHttp.get(port, "/no/such/page", "Accept: text/html");
        assertThat(unmapped.status()).isEqualTo(404);
        typed(JSON.readTree(unmapped.body()), "NOT_FOUND", "Not found");
    }

    @Test
    void aNameThatIsNotACodeHasNoPage() throws Exception {
        RawHttp.Answer answer = RawHttp.get(port, "/problems/not-a-code");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        typed(JSON.readTree(answer.body()), "NOT_FOUND", "Not found");
    }
}
