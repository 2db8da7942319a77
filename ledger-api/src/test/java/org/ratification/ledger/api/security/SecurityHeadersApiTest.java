package org.ratification.ledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ratification.ledger.api.ApiTestSupport;
import org.ratification.ledger.api.web.RawHttp;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every response of the service carries a Content-Security-Policy that allows only its own
 * scripts (no inline script, no framing) and the usual security headers: pages, API answers,
 * refusals and errors alike. Swagger UI gets the same policy with inline styles allowed.
 */
class SecurityHeadersApiTest extends ApiTestSupport {

    @LocalServerPort
    private int port;

    @Test
    void everyKindOfResponseCarriesThePolicyAndTheUsualHeaders() throws Exception {
        for (String target : List.of(
                "/",
                "/index.html",
                "/dashboard.js",
                "/api/treaties",
                "/api/treaties/cybercrime",
                "/api/treaties/no-such-treaty",
                "/api/treaties/cybercrime/history",
                "/actuator/health",
                "/v3/api-docs",
                "/no/such/page",
                "/error")) {
            RawHttp.Answer answer = RawHttp.get(port, target);
            String csp = answer.header("Content-Security-Policy");
            assertThat(csp).as(target).isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY);
            assertThat(csp).as(target).contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'");
            assertThat(csp).as(target).doesNotContain("unsafe-inline", "unsafe-eval");
            assertThat(answer.header("X-Content-Type-Options")).as(target).isEqualTo("nosniff");
            assertThat(answer.header("X-Frame-Options")).as(target).isEqualTo("DENY");
            assertThat(answer.header("Referrer-Policy")).as(target).isEqualTo("no-referrer");
            assertThat(answer.header("Permissions-Policy")).as(target).contains("camera=()");
        }
    }

    @Test
    void swaggerUiAllowsInlineStylesButNoInlineScript() throws Exception {
        RawHttp.Answer page = RawHttp.get(port, "/swagger-ui/index.html");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Security-Policy"))
                .isEqualTo(SecurityHeaders.SWAGGER_UI_CONTENT_SECURITY_POLICY)
                .contains("script-src 'self';", "frame-ancestors 'none'")
                .doesNotContain("script-src 'self' 'unsafe-inline'");
        // the page loads its scripts from files: the policy lets it run
        assertThat(page.body()).doesNotContainPattern("<script>\\s*\\S");
    }

    @Test
    void theDashboardHasNoInlineScriptOrStyleThePolicyWouldBlock() throws Exception {
        String html = RawHttp.get(port, "/index.html").body();

        assertThat(html).contains("<script src=\"/dashboard.js\"");
        assertThat(html).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");
        assertThat(html).doesNotContainPattern("\\son[a-z]+=");
        assertThat(html).doesNotContain("<style", " style=");
    }
}
