package org.ratification.ledger.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Cache-Control of the public pages' static assets, so a page costs one data request once its
 * assets are cached: WebJars (their content changes only with their version) for a day, the pages'
 * own scripts and style sheets for ten minutes and then revalidated by Last-Modified, the HTML
 * document never without revalidation.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class StaticAssetCaching extends OncePerRequestFilter {

    static final String WEBJARS = "public, max-age=86400";
    static final String ASSETS = "public, max-age=600";
    static final String DOCUMENT = "no-cache";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
            if (path.startsWith("/webjars/")) {
                response.setHeader(HttpHeaders.CACHE_CONTROL, WEBJARS);
            } else if (!path.startsWith("/api/") && (path.endsWith(".js") || path.endsWith(".css"))) {
                response.setHeader(HttpHeaders.CACHE_CONTROL, ASSETS);
            } else if (path.equals("/") || path.endsWith(".html")) {
                response.setHeader(HttpHeaders.CACHE_CONTROL, DOCUMENT);
            }
        }
        chain.doFilter(request, response);
    }
}
