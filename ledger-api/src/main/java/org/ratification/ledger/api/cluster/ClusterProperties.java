package org.ratification.ledger.api.cluster;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.UUID;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How several nodes share one database.
 *
 * @param nodeId the owner this node writes into token_entry when it claims a segment; blank gives
 *     the process name plus a random suffix, unique even for two instances in one JVM
 * @param claimTimeout after how long without an update another node may take over a segment claim
 *     (of a node that died without releasing it)
 * @param commandRetries how often a command that lost a race on its treaty is sent again before
 *     the client is answered 409 CONCURRENT_WRITE
 * @param commandRetryInterval the wait before the first retry; it doubles with each further retry
 */
@ConfigurationProperties("ledger.cluster")
public record ClusterProperties(
        @DefaultValue("") String nodeId,
        @DefaultValue("10s") Duration claimTimeout,
        @DefaultValue("4") int commandRetries,
        @DefaultValue("20ms") Duration commandRetryInterval) {

    public ClusterProperties {
        if (nodeId == null || nodeId.isBlank()) {
            nodeId = ManagementFactory.getRuntimeMXBean().getName() + "-"
                    + UUID.randomUUID().toString().substring(0, 8);
        }
    }
}
