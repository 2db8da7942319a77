package org.ratification.ledger.api.cluster;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Shares the segments of every event processor among the live nodes. Axon lets the first node
 * claim every free segment; every {@code ledger.cluster.balance-interval} each node reports itself
 * alive in ledger_node, counts the nodes seen within three intervals, and releases the segments it
 * holds beyond its fair share (segments / nodes, rounded up) for two intervals, so that the other
 * nodes claim them. A node that stops releases its claims and leaves ledger_node; one that dies
 * loses its claims after {@code ledger.cluster.claim-timeout} and drops out of the count.
 */
@Component
public class SegmentBalancer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    private final JdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;
    private final ClusterProperties properties;
    private ScheduledExecutorService scheduler;

    public SegmentBalancer(
            DataSource dataSource, EventProcessingConfiguration processing, ClusterProperties properties) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.processing = processing;
        this.properties = properties;
    }

    /** Reports this node alive and releases what it holds beyond its share; answers the live nodes. */
    public synchronized int balance() {
        heartbeat();
        int nodes = liveNodes();
        for (EventProcessor processor : processing.eventProcessors().values()) {
            if (processor instanceof StreamingEventProcessor streaming && streaming.isRunning()) {
                balance(streaming, nodes);
            }
        }
        return nodes;
    }

    private void balance(StreamingEventProcessor processor, int nodes) {
        Integer segments = jdbc.queryForObject(
                "SELECT COUNT(*) FROM token_entry WHERE processor_name = ?", Integer.class, processor.getName());
        if (segments == null || segments == 0) {
            return;
        }
        int share = (segments + nodes - 1) / nodes;
        List<Integer> held =
                processor.processingStatus().keySet().stream().sorted().toList();
        int surplus = held.size() - share;
        if (surplus <= 0) {
            return;
        }
        for (Integer segment : held.subList(held.size() - surplus, held.size())) {
            processor.releaseSegment(segment, interval().multipliedBy(2).toMillis(), TimeUnit.MILLISECONDS);
        }
        log.info(
                "Released {} of {} segments of '{}' for the other nodes (share {} of {} across {} nodes)",
                surplus,
                held.size(),
                processor.getName(),
                share,
                segments,
                nodes);
    }

    private void heartbeat() {
        int updated = jdbc.update(
                "UPDATE ledger_node SET seen_at = CURRENT_TIMESTAMP WHERE node_id = ?", properties.nodeId());
        if (updated == 0) {
            jdbc.update(
                    "INSERT INTO ledger_node (node_id, seen_at) VALUES (?, CURRENT_TIMESTAMP)", properties.nodeId());
        }
    }

    private int liveNodes() {
        OffsetDateTime now = jdbc.queryForObject("SELECT CURRENT_TIMESTAMP", OffsetDateTime.class);
        OffsetDateTime cutoff = now.minus(interval().multipliedBy(3));
        List<OffsetDateTime> seen =
                jdbc.query("SELECT seen_at FROM ledger_node", (rs, row) -> rs.getObject(1, OffsetDateTime.class));
        return (int) Math.max(1, seen.stream().filter(at -> at.isAfter(cutoff)).count());
    }

    private Duration interval() {
        return properties.balanceInterval();
    }

    @Override
    public void start() {
        if (properties.balanceInterval().isZero()) {
            return;
        }
        long every = properties.balanceInterval().toMillis();
        scheduler = Executors.newSingleThreadScheduledExecutor(new AxonThreadFactory("segment-balancer"));
        scheduler.scheduleWithFixedDelay(this::balanceQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    private void balanceQuietly() {
        try {
            balance();
        } catch (RuntimeException e) {
            log.warn("Could not balance event processor segments: {}", e.getMessage());
        }
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
            try {
                jdbc.update("DELETE FROM ledger_node WHERE node_id = ?", properties.nodeId());
            } catch (RuntimeException e) {
                log.debug("Could not sign off node {}: {}", properties.nodeId(), e.getMessage());
            }
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
