package org.ratification.ledger.api.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Writes RFC 9457 problem+json from servlet filters and security handlers, which run before
 * Spring MVC's exception handling: the same shape and stable {@code code} as the REST layer's.
 */
public final class ProblemResponses {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemResponses() {}

    public static void write(
            HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code, String detail)
            throws IOException {
        write(response, status.value(), code, detail, request.getRequestURI());
    }

    /** The same, with the path the refusal is about given ({@code instance}; null for none). */
    public static void write(HttpServletResponse response, int status, String code, String detail, String instance)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json(instance, status, code, detail));
        response.flushBuffer();
    }

    /**
     * The stable code of a refusal known only by its HTTP status (container and framework errors):
     * the status's name, with the ledger's names for 401 and 500.
     */
    public static String codeFor(int status) {
        return switch (status) {
            case 400 -> "BAD_REQUEST";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 408 -> "REQUEST_TIMEOUT";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 414 -> "URI_TOO_LONG";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 431 -> "REQUEST_HEADER_FIELDS_TOO_LARGE";
            case 500 -> "INTERNAL_ERROR";
            case 501 -> "NOT_IMPLEMENTED";
            case 503 -> "SERVICE_UNAVAILABLE";
            default -> {
                HttpStatus known = HttpStatus.resolve(status);
                yield known == null ? "HTTP_" + status : known.name();
            }
        };
    }

    /** The problem+json text of a refusal, for writers that are not servlet responses (Tomcat's valve). */
    public static String json(String instance, int status, String code, String detail) {
        ObjectNode body = JSON.createObjectNode();
        body.put("type", type(code));
        body.put("title", title(code));
        body.put("status", status);
        body.put("detail", detail);
        if (instance != null) {
            body.put("instance", instance);
        }
        body.put("code", code);
        try {
            return JSON.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The problem type of a code: a URI reference relative to the service ({@code /problems/NOT_SIGNED}),
     * which answers a short page naming the problem.
     */
    public static String type(String code) {
        return "/problems/" + code;
    }

    /** The title of a code, in sentence case: {@code NOT_SIGNED} is "Not signed". */
    public static String title(String code) {
        String words = code.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
