package org.ratification.ledger.api.config;

import org.ratification.ledger.projections.status.StatusQueries;
import org.ratification.ledger.projections.status.StatusRepository;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The status cache of {@link StatusQueries} (ARCHITECTURE.md, "Caches that cannot be stale").
 *
 * @param rows action and participant rows kept in memory at most; 0: as many as a quarter of the heap
 *     holds at about 300 bytes a row
 */
@ConfigurationProperties("ledger.status-cache")
public record StatusCacheProperties(@DefaultValue("0") long rows) {

    public StatusCacheProperties {
        if (rows < 0) {
            throw new IllegalArgumentException("ledger.status-cache.rows is 0 (a quarter of the heap) or more");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class StatusQueriesConfiguration {

        @Bean
        StatusQueries statusQueries(StatusRepository repository, StatusCacheProperties statusCache) {
            return new StatusQueries(repository, statusCache.rows());
        }
    }
}
