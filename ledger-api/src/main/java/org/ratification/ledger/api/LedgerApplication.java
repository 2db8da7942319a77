package org.ratification.ledger.api;

import java.util.concurrent.atomic.AtomicBoolean;
import org.ratification.ledger.api.cli.LedgerCommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/** The ratification ledger service. */
@SpringBootApplication(scanBasePackages = "org.ratification.ledger")
@ConfigurationPropertiesScan
public class LedgerApplication {

    /** The command line ({@link LedgerCommandLine}); without a command, the service starts. */
    public static void main(String[] args) {
        AtomicBoolean serving = new AtomicBoolean();
        int exit = LedgerCommandLine.execute(args, System.out, System.err, springArguments -> {
            serving.set(true);
            return start(springArguments);
        });
        if (!serving.get() || exit != LedgerCommandLine.OK) {
            System.exit(exit);
        }
    }

    static ConfigurableApplicationContext start(String[] springArguments) {
        // Axon's anonymous usage reporting has no place in a depositary's service
        System.setProperty("axoniq.update-checker.disabled", "true");
        // nor its advertisement for AxonIQ Console (eight lines at every start)
        System.setProperty("disable-axoniq-console-message", "true");
        return SpringApplication.run(LedgerApplication.class, springArguments);
    }
}
