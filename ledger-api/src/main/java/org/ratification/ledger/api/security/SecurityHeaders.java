package org.ratification.ledger.api.security;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The security headers of every response of the service: a Content-Security-Policy that allows
 * only the service's own scripts, styles, images and connections (no inline scripts, no framing),
 * and the usual companions. Spring Security writes them for every request that reaches its filter
 * chain; the refusals written before it (the firewall, Tomcat's own error reports) write them here.
 */
public final class SecurityHeaders {

    /**
     * Every page of the service (the dashboard, the API, errors): same-origin resources only, no
     * inline script or style, no plugins, no framing, forms and {@code <base>} to itself only.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self';"
            + " form-action 'self'; frame-ancestors 'none'";

    /**
     * Swagger UI ({@code /swagger-ui/**}): the same, except that its React components set inline
     * styles; scripts stay same-origin only.
     */
    public static final String SWAGGER_UI_CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self';"
            + " style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self';"
            + " object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static final String REFERRER_POLICY = "no-referrer";

    public static final String PERMISSIONS_POLICY =
            "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";

    private SecurityHeaders() {}

    /** For responses written outside Spring Security's filter chain. */
    public static void write(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", REFERRER_POLICY);
        response.setHeader("Cache-Control", "no-store");
    }
}
