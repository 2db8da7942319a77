package org.ratification.ledger.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.ratification.ledger.api.admin.InlineRebuilds;
import org.ratification.ledger.api.config.AxonConfiguration;
import org.ratification.ledger.bench.Report.Row;
import org.ratification.ledger.bench.Report.Verdict;

/**
 * Scenario 2: rebuilding the status read model from a store of N events. The store is a treaty
 * history recorded through the API (signatures, ratifications, communications of 197 States),
 * copied with fresh ids as many treaties as N requires (the copy bypasses the service, so the inline
 * read models are then folded once, as after an import). Timed: the direct fold of the status read
 * model ({@link InlineRebuilds}: clear its tables, one ordered scan of the store through its handlers,
 * one transaction). Baseline B3: a plain JDBC scan of the event table in global order (keyset
 * pages of 1,000 rows) with Jackson deserialization of every payload into its event class, using
 * the service's own storage mapper.
 */
final class ReplayScenario {

    static final String NAME = "2 Replay";
    static final String TEMPLATE = "bench-tpl";
    private static final int TEMPLATE_RECORDS = 401;

    private ReplayScenario() {}

    static void run(Bench b) throws Exception {
        Log.info("scenario 2: recording the template history (%d records) through the API", TEMPLATE_RECORDS);
        Fixtures.history(b.client, TEMPLATE, TEMPLATE_RECORDS);
        var template = StoreCloner.read(b.dataSource(), TEMPLATE);
        long before = Processors.count(b.dataSource());
        long wanted = Math.max(0, b.mode.replayEvents() - before);
        long t0 = System.nanoTime();
        List<String> treaties =
                StoreCloner.cloneTreaties(b.database, template, i -> String.format("bench-big-%06d", i), wanted);
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        b.bigStoreTreaties.addAll(treaties.size() > 1 ? treaties.subList(0, treaties.size() - 1) : treaties);
        long events = Processors.count(b.dataSource());
        Log.info(
                "scenario 2: store has %,d events (%d copied treaties, written in %.1f s); waiting for the processors",
                events, treaties.size(), loadSeconds);
        long t1 = System.nanoTime();
        InlineRebuilds inline = b.ledger.context().getBean(InlineRebuilds.class);
        for (String readModel : List.of(Processors.STATUS, "history")) {
            inline.rebuild(Processors.inline(b.axon(), readModel), Processors.tables(b.ledger.context(), readModel));
        }
        Processors.awaitAll(b.axon(), b.dataSource(), Duration.ofMinutes(60));
        Log.info("scenario 2: processors caught up in %.1f s", (System.nanoTime() - t1) / 1e9);
        b.report.run("storeEvents", events);

        SubscribingEventProcessor status = Processors.inline(b.axon(), Processors.STATUS);
        List<String> tables = Processors.tables(b.ledger.context(), Processors.STATUS);
        List<Double> replay = new ArrayList<>();
        List<Double> scan = new ArrayList<>();
        for (int rep = 0; rep <= b.mode.repetitions(); rep++) {
            double r = events / replaySeconds(inline, status, tables);
            double s = scanRate(b.database);
            Log.info(
                    "scenario 2: %s: replay %,.0f events/s, B3 scan %,.0f events/s",
                    rep == 0 ? "warm-up" : "rep " + rep, r, s);
            if (rep > 0) {
                replay.add(r);
                scan.add(s);
            }
        }
        Summary ledger = Summary.of(replay);
        Summary baseline = Summary.of(scan);
        Double ratio = Report.ratio(ledger, baseline);
        b.report.add(new Row(
                NAME,
                String.format("rebuild of the status read model from %,d events", events),
                "events/s",
                ledger,
                "B3 JDBC scan + Jackson",
                baseline,
                ratio,
                "≥ 0.50 × B3",
                ratio != null && ratio >= 0.5 ? Verdict.MET : Verdict.MISSED,
                String.format(
                        "N = %,d (%s mode); replay time %.1f s", events, b.mode.name(), events / ledger.median())));
    }

    private static double replaySeconds(InlineRebuilds inline, SubscribingEventProcessor status, List<String> tables) {
        long t0 = System.nanoTime();
        inline.rebuild(status, tables);
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Events per second of baseline B3 over the whole table. */
    private static double scanRate(Database database) throws Exception {
        ObjectMapper mapper = AxonConfiguration.storageObjectMapper();
        Map<String, Class<?>> classes = new HashMap<>();
        long t0 = System.nanoTime();
        long count = 0;
        try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password());
                PreparedStatement ps = c.prepareStatement(
                        "SELECT global_index, payload_type, payload FROM"
                                + " domain_event_entry WHERE global_index > ? ORDER BY global_index FETCH FIRST 1000 ROWS ONLY")) {
            long last = -1;
            while (true) {
                ps.setLong(1, last);
                int rows = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        last = rs.getLong(1);
                        Class<?> type = classes.computeIfAbsent(rs.getString(2), ReplayScenario::load);
                        Object event = mapper.readValue(rs.getBytes(3), type);
                        if (event == null) {
                            throw new IllegalStateException("null event at " + last);
                        }
                        rows++;
                        count++;
                    }
                }
                if (rows == 0) {
                    break;
                }
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (count == 0) {
            throw new IllegalStateException("B3 read no events");
        }
        return count / seconds;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("unknown payload type " + name, e);
        }
    }
}
