package org.ratification.ledger.api.idempotency;

import java.time.Clock;
import org.ratification.ledger.api.limits.LimitSettings;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the idempotency filter after Spring Security and the body limit. */
@Configuration
class IdempotencyConfiguration {

    static final int ORDER = -80;

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(
            IdempotencyStore store, IdempotencySettings settings, Clock clock, LimitSettings limits) {
        var registration = new FilterRegistrationBean<>(new IdempotencyFilter(
                store, settings, clock, limits.maxRequestBody().toBytes()));
        registration.setOrder(ORDER);
        registration.addUrlPatterns("/api/*");
        return registration;
    }
}
