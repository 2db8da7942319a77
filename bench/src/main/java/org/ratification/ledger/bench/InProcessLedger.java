package org.ratification.ledger.bench;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.config.Configuration;
import org.ratification.ledger.api.LedgerApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service under test, started in this JVM exactly as {@code java -jar ledger-api.jar} starts it
 * (same application class, same application.yml), on a random port and the run's database.
 */
final class InProcessLedger implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final int port;

    private InProcessLedger(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    static InProcessLedger start(Database database, Credentials credentials, List<String> extra) {
        List<String> args = new ArrayList<>(database.springArguments());
        args.addAll(credentials.springArguments());
        args.add("--server.port=0");
        args.add("--spring.main.banner-mode=off");
        args.add("--logging.level.root=WARN");
        // Axon's janitor prints a stack trace for every unit of work over 10 s: the results say it better.
        args.add("--logging.level.axon-janitor=ERROR");
        // Hibernate is on the benchmark's class path for scenario 7 only; the service runs without JPA as shipped
        args.add("--spring.autoconfigure.exclude="
                + "org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration,"
                + "org.axonframework.springboot.autoconfig.JpaAutoConfiguration,"
                + "org.axonframework.springboot.autoconfig.JpaEventStoreAutoConfiguration");
        args.addAll(extra);
        long t0 = System.nanoTime();
        SpringApplication application = new SpringApplication(LedgerApplication.class);
        InProcessLedger ledger = new InProcessLedger(application.run(args.toArray(String[]::new)));
        Log.info(
                "ledger started in-process on port %d (%s) in %.1f s",
                ledger.port, database.vendor(), (System.nanoTime() - t0) / 1e9);
        return ledger;
    }

    int port() {
        return port;
    }

    DataSource dataSource() {
        return context.getBean(DataSource.class);
    }

    Configuration axon() {
        return context.getBean(Configuration.class);
    }

    ConfigurableApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        context.close();
    }
}
