package org.ratification.ledger.api;

import java.util.Arrays;
import java.util.regex.Pattern;
import org.ratification.ledger.api.cli.LedgerCommandLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** One line at start-up: the version, where the service listens, which database, which profiles. */
@Component
class StartupSummary {

    private static final Logger LOG = LoggerFactory.getLogger(StartupSummary.class);

    private static final Pattern USER_INFO = Pattern.compile("//[^/@?;]*@");
    private static final Pattern SECRET_PARAMETER =
            Pattern.compile("(?i)([?;&](?:password|user|username|sslpassword|sslkey)=)[^;&]*");

    @EventListener
    void ready(ApplicationReadyEvent event) {
        LOG.info(line(event.getApplicationContext().getEnvironment(), port(event)));
    }

    static String line(Environment environment, int port) {
        String address = environment.getProperty("server.address", "every address");
        String[] profiles = environment.getActiveProfiles();
        return "Ratification ledger " + version() + " listens on port " + port + " (" + address + "), database "
                + withoutCredentials(environment.getProperty("spring.datasource.url", "(none)")) + ", profiles "
                + (profiles.length == 0 ? "(default: embedded H2)" : String.join(",", Arrays.asList(profiles)));
    }

    /** A JDBC URL without user name or password: {@code //user:secret@host} and {@code password=…} hidden. */
    static String withoutCredentials(String jdbcUrl) {
        String url = USER_INFO.matcher(jdbcUrl).replaceAll("//");
        return SECRET_PARAMETER.matcher(url).replaceAll("$1***");
    }

    private static int port(ApplicationReadyEvent event) {
        return event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null
                ? web.getWebServer().getPort()
                : -1;
    }

    private static String version() {
        try {
            return LedgerCommandLine.BuildVersion.version();
        } catch (java.io.IOException e) {
            return "(version unknown)";
        }
    }
}
