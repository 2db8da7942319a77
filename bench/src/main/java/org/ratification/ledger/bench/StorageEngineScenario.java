package org.ratification.ledger.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.axonframework.common.jpa.SimpleEntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.flywaydb.core.Flyway;
import org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl;
import org.ratification.ledger.api.config.AxonConfiguration;
import org.ratification.ledger.bench.Report.Row;
import org.ratification.ledger.bench.Report.Verdict;
import org.ratification.ledger.core.api.ConventionSignedEvent;
import org.ratification.ledger.core.api.RecordingMetadata;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;

/**
 * Scenario 7: the choice of Axon storage engine, measured. Axon's JDBC engine (the ledger's, on the
 * tables of its own migrations) against Axon's JPA engine (Hibernate, Axon's entities, tables created
 * by Hibernate) on a second fresh database of the run's vendor, with the ledger's serializer and
 * events: appending one event per transaction (what a command does) with 1 and 4 writers, and
 * loading a treaty's stream of 400 events (what a command on an uncached treaty does).
 */
final class StorageEngineScenario {

    static final String NAME = "7 Storage engine";
    private static final int STREAM = 400;

    private StorageEngineScenario() {}

    /** One engine with what it needs, closed after the scenario. */
    private record Engine(String name, EventStorageEngine engine, TransactionManager transactions, Runnable close) {}

    static void run(Mode mode, String vendor, Report report) throws Exception {
        try (Database database = Database.create(vendor);
                HikariDataSource dataSource = dataSource(database)) {
            Serializer serializer = JacksonSerializer.builder()
                    .objectMapper(AxonConfiguration.storageObjectMapper())
                    .build();
            Engine jdbc = jdbc(dataSource, database.vendor(), serializer);
            Engine jpa = jpa(dataSource, serializer);
            try {
                for (Engine e : List.of(jdbc, jpa)) {
                    append(e, "stream-" + e.name(), 0, STREAM);
                }
                for (int writers : List.of(1, 4)) {
                    compare(
                            report,
                            mode,
                            "append one event per transaction, " + writers + " writer(s)",
                            "events/s",
                            jdbc,
                            jpa,
                            e -> appendFor(e, writers, mode.repetition()));
                }
                compare(
                        report,
                        mode,
                        "load a stream of " + STREAM + " events",
                        "loads/s",
                        jdbc,
                        jpa,
                        e -> loadFor(e, "stream-" + e.name(), mode.repetition()));
            } finally {
                jdbc.close().run();
                jpa.close().run();
            }
        }
    }

    private interface Measure {
        double rate(Engine engine) throws Exception;
    }

    /** Warm-up of both, then repetitions alternating the engines; one row, JPA as the baseline. */
    private static void compare(
            Report report, Mode mode, String metric, String unit, Engine jdbc, Engine jpa, Measure measure)
            throws Exception {
        measure.rate(jdbc);
        measure.rate(jpa);
        List<Double> jdbcRates = new ArrayList<>();
        List<Double> jpaRates = new ArrayList<>();
        for (int rep = 1; rep <= mode.repetitions(); rep++) {
            jdbcRates.add(measure.rate(jdbc));
            jpaRates.add(measure.rate(jpa));
            Log.info(
                    "scenario 7: %s rep %d: JDBC %,.0f, JPA %,.0f %s",
                    metric, rep, jdbcRates.get(rep - 1), jpaRates.get(rep - 1), unit);
        }
        Summary j = Summary.of(jdbcRates);
        Summary p = Summary.of(jpaRates);
        report.add(new Row(
                NAME,
                metric + ": JDBC engine (the ledger's)",
                unit,
                j,
                "JPA engine (Hibernate)",
                p,
                Report.ratio(j, p),
                "(choice of engine)",
                Verdict.INFO,
                "ratio > 1: JDBC faster"));
    }

    private static double appendFor(Engine engine, int writers, Duration duration) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        AtomicLong appended = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            String aggregate = "append-" + engine.name() + "-" + UUID.randomUUID();
            running.add(pool.submit(() -> {
                long sequence = 0;
                while (System.nanoTime() < end) {
                    append(engine, aggregate, sequence++, 1);
                    appended.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
        return appended.get() / ((System.nanoTime() - start) / 1e9);
    }

    private static double loadFor(Engine engine, String aggregate, Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        long start = System.nanoTime();
        long loads = 0;
        while (System.nanoTime() < end) {
            int events = engine.transactions().fetchInTransaction(() -> {
                DomainEventStream stream = engine.engine().readEvents(aggregate);
                int n = 0;
                while (stream.hasNext()) {
                    if (stream.next().getPayload() != null) {
                        n++;
                    }
                }
                return n;
            });
            if (events != STREAM) {
                throw new IllegalStateException(engine.name() + " loaded " + events + " events of " + STREAM);
            }
            loads++;
        }
        return loads / ((System.nanoTime() - start) / 1e9);
    }

    /** Appends {@code count} signatures to {@code aggregate} from {@code first} on, one transaction. */
    private static void append(Engine engine, String aggregate, long first, int count) {
        engine.transactions().executeInTransaction(() -> {
            List<GenericDomainEventMessage<?>> events = new ArrayList<>();
            for (long s = first; s < first + count; s++) {
                events.add(new GenericDomainEventMessage<>(
                        "Treaty",
                        aggregate,
                        s,
                        new ConventionSignedEvent(
                                aggregate, UUID.randomUUID().toString(), "FRA", LocalDate.of(2025, 10, 25), "Hanoi"),
                        MetaData.from(Map.of(
                                RecordingMetadata.RECORDED_AT, "2026-11-23T07:00:00Z",
                                RecordingMetadata.RECORDED_BY, "bench",
                                RecordingMetadata.HASH, "0".repeat(64)))));
            }
            engine.engine().appendEvents(events);
        });
    }

    private static HikariDataSource dataSource(Database database) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.url());
        config.setUsername(database.user());
        config.setPassword(database.password());
        config.setMaximumPoolSize(10);
        config.setAutoCommit(false);
        return new HikariDataSource(config);
    }

    /** The ledger's engine, on the tables of the service's own migrations. */
    private static Engine jdbc(DataSource dataSource, String vendor, Serializer serializer) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/" + vendor)
                .load()
                .migrate();
        TransactionManager transactions = new SpringTransactionManager(new DataSourceTransactionManager(dataSource));
        EventStorageEngine engine = JdbcEventStorageEngine.builder()
                .schema(new AxonConfiguration().eventSchema())
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                .transactionManager(transactions)
                .build();
        return new Engine("jdbc", engine, transactions, () -> {});
    }

    /** Axon's JPA engine as its Spring Boot starter would set it up, on Hibernate's own tables. */
    private static Engine jpa(DataSource dataSource, Serializer serializer) {
        LocalContainerEntityManagerFactoryBean factory = new LocalContainerEntityManagerFactoryBean();
        factory.setDataSource(dataSource);
        factory.setPackagesToScan("org.axonframework.eventsourcing.eventstore.jpa");
        factory.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
        factory.setJpaPropertyMap(Map.of(
                "hibernate.hbm2ddl.auto",
                "create",
                // Hibernate's own names (DomainEventEntry), apart from the JDBC engine's tables
                "hibernate.physical_naming_strategy",
                PhysicalNamingStrategyStandardImpl.class.getName()));
        factory.afterPropertiesSet();
        var entityManagerFactory = factory.getObject();
        TransactionManager transactions = new SpringTransactionManager(new JpaTransactionManager(entityManagerFactory));
        EventStorageEngine engine = JpaEventStorageEngine.builder()
                .entityManagerProvider(new SimpleEntityManagerProvider(
                        SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory)))
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .transactionManager(transactions)
                .build();
        return new Engine("jpa", engine, transactions, factory::destroy);
    }
}
