package org.ratification.ledger.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.axonframework.config.Configuration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.ratification.ledger.projections.ReadModelVersion;

/** The service's streaming event processors: where they are, and waiting for them to reach the head. */
final class Processors {

    static final String STATUS = "status";

    private Processors() {}

    /** An inline read model's (subscribing) processor. */
    static SubscribingEventProcessor inline(Configuration axon, String name) {
        return axon.eventProcessingConfiguration()
                .eventProcessor(name, SubscribingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no inline processor named '" + name + "'"));
    }

    /** The tables the projections of a processing group declare on {@code @ReadModelVersion}. */
    static List<String> tables(org.springframework.context.ApplicationContext context, String group) {
        List<String> tables = new java.util.ArrayList<>();
        for (Object bean :
                context.getBeansWithAnnotation(ReadModelVersion.class).values()) {
            Class<?> type = org.springframework.aop.support.AopUtils.getTargetClass(bean);
            ProcessingGroup processingGroup = type.getAnnotation(ProcessingGroup.class);
            if (processingGroup != null && processingGroup.value().equals(group)) {
                tables.addAll(List.of(type.getAnnotation(ReadModelVersion.class).tables()));
            }
        }
        return tables;
    }

    /** Stops a processor (if it exists) so that it adds no load to the scenarios after it. */
    static void stop(Configuration axon, String name) {
        axon.eventProcessingConfiguration().eventProcessor(name).ifPresent(p -> {
            p.shutDown();
            Log.info("processor %s stopped", name);
        });
    }

    static List<StreamingEventProcessor> all(Configuration axon) {
        return axon.eventProcessingConfiguration().eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .toList();
    }

    /** The global index of the latest event in the store (-1 if none). */
    static long head(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT MAX(global_index) FROM domain_event_entry")) {
            rs.next();
            long max = rs.getLong(1);
            return rs.wasNull() ? -1 : max;
        }
    }

    static long count(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM domain_event_entry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Whether the processor has claimed the whole segment space and every segment has processed up to
     * {@code head}. (A segment reset for a replay keeps its replay token until an event newer than the
     * reset position arrives, so "replaying" stays true at the head and is not a sign of work left.)
     */
    static boolean atHead(StreamingEventProcessor processor, long head) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        double covered = 0;
        for (EventTrackerStatus s : status.values()) {
            if (s.isErrorState() || s.getCurrentPosition().orElse(-1) < head) {
                return false;
            }
            covered += 1.0 / (s.getSegment().getMask() + 1);
        }
        return covered > 0.999;
    }

    /** Waits until the processor is at {@code head}; answers false on time-out. */
    static boolean awaitHead(StreamingEventProcessor processor, long head, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!atHead(processor, head)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(5);
        }
        return true;
    }

    /** Waits until every running streaming processor is at the head of the store. */
    static void awaitAll(Configuration axon, DataSource dataSource, Duration timeout)
            throws SQLException, InterruptedException {
        long head = head(dataSource);
        for (StreamingEventProcessor p : all(axon)) {
            if (p.isRunning() && !awaitHead(p, head, timeout)) {
                Log.warnOnce("processor " + p.getName() + " did not reach position " + head + " within " + timeout);
            }
        }
    }
}
