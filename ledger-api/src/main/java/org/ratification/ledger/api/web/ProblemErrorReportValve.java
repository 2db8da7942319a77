package org.ratification.ledger.api.web;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.ratification.ledger.api.security.ProblemResponses;
import org.ratification.ledger.api.security.SecurityHeaders;

/**
 * Tomcat's report of the errors it finds before a request reaches the application (a request line
 * or headers too large or malformed, an encoded slash or an invalid URI): problem+json with a stable
 * code instead of Tomcat's HTML page. A request line too long is 414 {@code URI_TOO_LONG}, headers
 * too large 431 {@code REQUEST_HEADER_FIELDS_TOO_LARGE}; other refusals keep Tomcat's status.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    public ProblemErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        if (tooLarge(throwable)) {
            status = requestLineRead(request) ? 431 : 414;
        }
        String code = ProblemResponses.codeFor(status);
        String instance = requestLineRead(request) ? request.getRequestURI() : null;
        try {
            response.reset();
            response.setStatus(status);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            SecurityHeaders.write(response);
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(ProblemResponses.json(instance, status, code, ErrorPages.detail(status)));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the response was committed meanwhile: nothing more to say
        }
    }

    /** Tomcat reports a request line or header section beyond its buffer as "too large". */
    private static boolean tooLarge(Throwable throwable) {
        for (Throwable t = throwable; t != null; t = t.getCause()) {
            if (t.getMessage() != null
                    && t.getMessage().toLowerCase(Locale.ROOT).contains("too large")) {
                return true;
            }
        }
        return false;
    }

    /** Whether Tomcat read the request's URI (it sets it once the whole target is read) before it refused it. */
    private static boolean requestLineRead(Request request) {
        String uri = request.getCoyoteRequest().requestURI().toString();
        return uri != null && !uri.isEmpty();
    }
}
