package org.ratification.ledger.api;

import java.util.Arrays;
import org.ratification.ledger.api.verify.OfflineVerifier;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The ratification ledger service. */
@SpringBootApplication(scanBasePackages = "org.ratification.ledger")
@ConfigurationPropertiesScan
public class LedgerApplication {

    public static void main(String[] args) {
        if (args.length > 0 && "verify".equals(args[0])) {
            System.exit(OfflineVerifier.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        // Axon's anonymous usage reporting has no place in a depositary's service
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(LedgerApplication.class, args);
    }
}
