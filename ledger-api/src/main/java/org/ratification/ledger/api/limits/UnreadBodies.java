package org.ratification.ledger.api.limits;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A refused request's unread body is not drained: after a response of 400 or more (401 before
 * authentication, 413, 408...) to a request whose body has not been read to its end, the server
 * closes the connection instead of reading (swallowing) the rest of the body, so a client that
 * declares {@code Content-Length: 100000} and sends one byte does not hold a worker until the read
 * timeout. Requests that were answered normally keep their connection.
 */
@Configuration
public class UnreadBodies {

    /** Request attribute set once the body has been read (by {@link BodyLimitFilter}). */
    public static final String BODY_READ = UnreadBodies.class.getName() + ".bodyRead";

    /** Before Spring Security (-100), so that its refusals are seen. */
    static final int ORDER = -110;

    /**
     * Announces {@code Connection: close} on a refusal of a request whose body was not read, before
     * the answer is committed, so that the client does not send its next request on a connection
     * the valve below is about to close.
     */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> announceCloseOnRefusedBody() {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new AnnounceClose());
        registration.setOrder(ORDER);
        return registration;
    }

    static final class AnnounceClose extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            boolean body = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
            if (!body) {
                chain.doFilter(request, response);
                return;
            }
            chain.doFilter(request, new HttpServletResponseWrapper(response) {
                @Override
                public void setStatus(int status) {
                    announce(status);
                    super.setStatus(status);
                }

                @Override
                public void sendError(int status) throws IOException {
                    announce(status);
                    super.sendError(status);
                }

                @Override
                public void sendError(int status, String message) throws IOException {
                    announce(status);
                    super.sendError(status, message);
                }

                private void announce(int status) {
                    if (status >= 400 && request.getAttribute(BODY_READ) == null && !isCommitted()) {
                        setHeader("Connection", "close");
                    }
                }
            });
        }
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> closeInsteadOfDrainingRefusedBodies() {
        return factory -> factory.addEngineValves(new CloseOnRefusedBody());
    }

    /**
     * The valve: an engine valve, so it acts once the host has finished with the request (error
     * pages included; closing marks the exchange as an error, which must not make the host render
     * an error page over the answer already written).
     */
    static final class CloseOnRefusedBody extends ValveBase {

        CloseOnRefusedBody() {
            super(true);
        }

        @Override
        public void invoke(Request request, Response response) throws IOException, ServletException {
            getNext().invoke(request, response);
            if (response.getStatus() >= 400 && !request.isAsyncStarted() && unreadBody(request)) {
                if (!response.isCommitted()) {
                    response.setHeader("Connection", "close");
                }
                // only a connection whose close the client was told of: closing one it may still reuse
                // would fail the client's next request; an answer committed without the header is drained
                if ("close".equalsIgnoreCase(response.getHeader("Connection"))) {
                    request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
                }
            }
        }

        private static boolean unreadBody(Request request) {
            boolean declared = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
            if (!declared) {
                return false;
            }
            AtomicBoolean finished = new AtomicBoolean();
            request.getCoyoteRequest().action(ActionCode.REQUEST_BODY_FULLY_READ, finished);
            return !finished.get();
        }
    }
}
