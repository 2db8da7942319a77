package org.ratification.ledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.ratification.ledger.api.ApiTestSupport;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.endpoint.web.servlet.WebMvcEndpointHandlerMapping;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Walks every endpoint the application maps (taken from Spring MVC's handler mappings, so that
 * endpoints added later are covered without editing this test) with every role, and checks the
 * answer against the access table below. An endpoint that the table does not cover fails the test.
 */
class AccessControlApiTest extends ApiTestSupport {

    enum Access {
        PUBLIC,
        /** The container's error page: open to all; called directly it is a 404 (ErrorPagesApiTest). */
        ERROR_PAGE,
        AUDITOR,
        DEPOSITARY
    }

    private record Rule(Set<String> methods, String pattern, Access access) {}

    private static final Set<String> READ = Set.of("GET", "HEAD");
    private static final Set<String> WRITE = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> ANY = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");

    /** Who may call what; the first rule whose method and pattern match decides. */
    private static final List<Rule> ACCESS = List.of(
            new Rule(ANY, "/error", Access.ERROR_PAGE),
            new Rule(ANY, "/api/admin/**", Access.DEPOSITARY),
            new Rule(READ, "/api/treaties/*/history", Access.AUDITOR),
            new Rule(READ, "/api/treaties/*/history/**", Access.AUDITOR),
            new Rule(READ, "/api/log/leaves", Access.AUDITOR),
            new Rule(READ, "/api/**", Access.PUBLIC),
            new Rule(WRITE, "/api/**", Access.DEPOSITARY),
            new Rule(READ, "/actuator/health", Access.PUBLIC),
            // readiness and liveness are public too (ActuatorExposureApiTest); components are not
            new Rule(READ, "/actuator/health/**", Access.DEPOSITARY),
            new Rule(READ, "/actuator/prometheus", Access.PUBLIC),
            new Rule(ANY, "/actuator/**", Access.DEPOSITARY),
            new Rule(READ, "/v3/api-docs", Access.PUBLIC),
            new Rule(READ, "/v3/api-docs/**", Access.PUBLIC),
            new Rule(READ, "/v3/api-docs.yaml", Access.PUBLIC),
            new Rule(READ, "/swagger-ui.html", Access.PUBLIC),
            new Rule(READ, "/swagger-ui/**", Access.PUBLIC),
            new Rule(READ, "/", Access.PUBLIC),
            new Rule(READ, "/index.html", Access.PUBLIC),
            new Rule(READ, "/webjars/**", Access.PUBLIC),
            new Rule(READ, "/favicon.ico", Access.PUBLIC),
            new Rule(READ, "/treaties/*", Access.PUBLIC),
            new Rule(READ, "/participants/*", Access.PUBLIC),
            new Rule(READ, "/notifications", Access.PUBLIC),
            new Rule(READ, "/fr", Access.PUBLIC),
            new Rule(READ, "/fr/**", Access.PUBLIC),
            new Rule(READ, "/feeds/**", Access.PUBLIC),
            new Rule(READ, "/problems/*", Access.PUBLIC));

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    /** Values for path variables, so that readable endpoints find something to read. */
    private static final Map<String, String> VARIABLES = Map.of("treatyId", "cybercrime", "code", "FRA");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mvc;

    @Autowired
    private ObjectProvider<WebMvcEndpointHandlerMapping> actuator;

    @LocalServerPort
    private int port;

    @Value("${ledger.security.depositary-password}")
    private String depositaryPassword;

    @Value("${ledger.security.auditor-password}")
    private String auditorPassword;

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private record Endpoint(String method, String pattern, boolean readsBody, boolean streams) {}

    private List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        collect(mvc.getHandlerMethods(), endpoints);
        actuator.ifAvailable(m -> collect(m.getHandlerMethods(), endpoints));
        for (String staticPath : List.of("/", "/index.html", "/favicon.ico", "/webjars/none.js")) {
            endpoints.add(new Endpoint("GET", staticPath, false, false));
        }
        return endpoints;
    }

    private static void collect(Map<RequestMappingInfo, HandlerMethod> mappings, List<Endpoint> into) {
        mappings.forEach((info, handler) -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            Set<String> names = new TreeSet<>();
            if (methods.isEmpty()) {
                names.addAll(List.of("GET", "POST"));
            } else {
                methods.forEach(m -> names.add(m.name()));
            }
            boolean readsBody = Arrays.stream(handler.getMethodParameters())
                    .anyMatch(p -> p.hasParameterAnnotation(RequestBody.class));
            boolean streams = info.getProducesCondition().getProducibleMediaTypes().stream()
                    .anyMatch(MediaType.TEXT_EVENT_STREAM::includes);
            for (String pattern : info.getPatternValues()) {
                for (String method : names) {
                    into.add(new Endpoint(method, pattern, readsBody, streams));
                }
            }
        });
    }

    private static Access expected(Endpoint e) {
        return ACCESS.stream()
                .filter(r -> r.methods().contains(e.method()) && PATHS.match(r.pattern(), e.pattern()))
                .map(Rule::access)
                .findFirst()
                .orElse(null);
    }

    @Test
    void everyMappedEndpointAnswersEachRoleAsTheAccessTableSays() throws Exception {
        List<Endpoint> endpoints = endpoints();
        assertThat(endpoints)
                .extracting(Endpoint::pattern)
                .contains(
                        "/api/treaties/{treatyId}/history/verify",
                        "/api/treaties/{treatyId}/signatures",
                        "/actuator/health");
        List<String> unknown = endpoints.stream()
                .filter(e -> expected(e) == null)
                .map(e -> e.method() + " " + e.pattern())
                .toList();
        assertThat(unknown).as("endpoints missing from the access table").isEmpty();

        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            Access access = expected(endpoint);
            for (Role role : Role.values()) {
                if (role == Role.DEPOSITARY && WRITE.contains(endpoint.method()) && !endpoint.readsBody()) {
                    continue; // would run an operation without a body to refuse it; the refusals are checked
                }
                int status = call(endpoint, role);
                String outcome = check(access, role, status);
                if (outcome != null) {
                    wrong.add(endpoint.method() + " " + endpoint.pattern() + " as " + role + ": " + status + " ("
                            + outcome + ")");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static String check(Access access, Role role, int status) {
        if (access == Access.ERROR_PAGE) {
            return status == 401 || status == 403 ? "expected to be let through" : null;
        }
        boolean allowed = access == Access.PUBLIC
                || role == Role.DEPOSITARY
                || (access == Access.AUDITOR && role == Role.AUDITOR);
        if (allowed) {
            return status == 401 || status == 403 || status >= 500 ? "expected to be let through" : null;
        }
        int refusal = role == Role.ANONYMOUS ? 401 : 403;
        return status == refusal ? null : "expected " + refusal;
    }

    private int call(Endpoint endpoint, Role role) throws IOException, InterruptedException {
        String path = endpoint.pattern();
        for (Map.Entry<String, String> v : VARIABLES.entrySet()) {
            path = path.replace("{" + v.getKey() + "}", v.getValue());
        }
        path = path.replaceAll("\\{[^}]+}", "x").replace("/**", "/x").replace("*", "x");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .header(
                        "Accept",
                        endpoint.streams() ? "text/event-stream" : "application/json, application/problem+json");
        String credentials =
                switch (role) {
                    case DEPOSITARY -> "depositary:" + depositaryPassword;
                    case AUDITOR -> "auditor:" + auditorPassword;
                    case ANONYMOUS -> null;
                };
        if (credentials != null) {
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        if (WRITE.contains(endpoint.method())) {
            // malformed on purpose: whoever is let through is refused by the handler, so nothing is recorded
            request.header("Content-Type", "application/json")
                    .method(endpoint.method(), HttpRequest.BodyPublishers.ofString("{\"malformed\":"));
        } else {
            request.method(endpoint.method(), HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<java.io.InputStream> response =
                    client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            int status = response.statusCode();
            if (status == 401 || status == 403) {
                String body;
                try (var in = response.body()) {
                    body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                assertThat(response.headers().firstValue("Content-Type").orElse(""))
                        .startsWith("application/problem+json");
                assertThat(JSON.readTree(body).path("code").asText())
                        .isEqualTo(status == 401 ? "UNAUTHENTICATED" : "FORBIDDEN");
            } else {
                response.body().close();
            }
            return status;
        } catch (HttpTimeoutException e) {
            if (endpoint.streams()) {
                return 200; // admitted: the stream is open and waiting for events
            }
            throw new AssertionError("No answer from " + endpoint.method() + " " + path, e);
        }
    }

    @Test
    void writesWithoutCredentialsAreUnauthenticatedAndWithTheAuditorsForbidden() {
        String body = "{\"participant\":\"FRA\",\"signedOn\":\"2025-10-25\"}";
        long before = storedEvents();

        Reply anonymous = as(Role.ANONYMOUS).post("/api/treaties/cybercrime/signatures", body);
        Reply auditor = as(Role.AUDITOR).post("/api/treaties/cybercrime/signatures", body);

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.code()).isEqualTo("UNAUTHENTICATED");
        assertThat(anonymous.headers().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .isTrue();
        assertThat(anonymous.headers().getFirst("WWW-Authenticate")).startsWith("Basic");
        assertThat(auditor.status()).isEqualTo(403);
        assertThat(auditor.code()).isEqualTo("FORBIDDEN");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void wrongCredentialsAreUnauthenticatedEvenForPublicReading() {
        HttpMethod get = HttpMethod.GET;
        var headers = new org.springframework.http.HttpHeaders();
        headers.setBasicAuth("auditor", "not-the-password");

        Reply reply = as(Role.ANONYMOUS).exchange(get, "/api/treaties/cybercrime", null, headers);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.code()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void theAuditorReadsTheHistoryAndTheDepositaryRecordsUnderItsOwnName() throws Exception {
        String treaty = registerTreaty(40, 90, 30, false);
        assertThat(sign(treaty, "FRA", "2025-10-25").status()).isEqualTo(201);

        assertThat(as(Role.AUDITOR)
                        .get("/api/treaties/" + treaty + "/history/verify")
                        .status())
                .isEqualTo(200);
        byte[] meta = jdbc.queryForObject(
                "SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 1",
                byte[].class,
                treaty);
        assertThat(JSON.readTree(meta).path("recordedBy").asText()).isEqualTo("depositary");
    }
}
