package org.ratification.ledger.api.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.ratification.ledger.api.security.ProblemResponses;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The servlet container's error page ({@code /error}, replacing Spring Boot's): every error the
 * container forwards here (a {@code sendError}, an exception no handler took) is answered as
 * problem+json with the stable code of its status, whatever the client accepts. Asked for directly,
 * {@code /error} is a path like any other that holds nothing: 404 {@code NOT_FOUND}.
 */
@Controller
class ErrorPages implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (!(status instanceof Integer code) || request.getDispatcherType() != jakarta.servlet.DispatcherType.ERROR) {
            ProblemResponses.write(response, 404, "NOT_FOUND", detail(404), request.getRequestURI());
            return;
        }
        String instance = uri == null ? null : uri.toString();
        if (rejected(request.getAttribute(RequestDispatcher.ERROR_EXCEPTION))) {
            ProblemResponses.write(
                    response,
                    400,
                    "REQUEST_REJECTED",
                    "The request was refused because its path or headers are not in normal form.",
                    instance);
            return;
        }
        int value = code < 400 ? 500 : code;
        ProblemResponses.write(response, value, ProblemResponses.codeFor(value), detail(value), instance);
    }

    private static boolean rejected(Object exception) {
        for (Throwable t = exception instanceof Throwable e ? e : null; t != null; t = t.getCause()) {
            if (t instanceof RequestRejectedException) {
                return true;
            }
        }
        return false;
    }

    /** A sentence for each status the container reports by itself. */
    static String detail(int status) {
        return switch (status) {
            case 400 -> "The request is malformed.";
            case 401 -> "This request needs credentials.";
            case 403 -> "Your role does not allow this request.";
            case 404 -> "Nothing exists at this path.";
            case 405 -> "This method is not allowed at this path.";
            case 408 -> "The request was not received in time.";
            case 413 -> "The request body is too large.";
            case 414 -> "The request's URI is too long.";
            case 415 -> "The request body's media type is not accepted here.";
            case 431 -> "The request's headers are too large.";
            case 503 -> "The ledger is not available at the moment; try again later.";
            default -> status >= 500
                    ? "The ledger could not complete the request; nothing was recorded unless a record id was"
                            + " returned."
                    : "The request was refused.";
        };
    }
}
