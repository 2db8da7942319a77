package org.ratification.ledger.bench;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.config.Configuration;

/** What the scenarios of one run share: sizes, the database, the service, its client and the report. */
final class Bench {

    final Mode mode;
    final Database database;
    final Credentials credentials;
    final Report report;
    final InProcessLedger ledger;
    final LedgerClient client;
    final Writes writes;

    /** Highest recording throughput scenario 1 measured (requests per second); NaN before it ran. */
    double maxRecordingRate = Double.NaN;

    /** Scenario 3's rate when given ({@code --dashboard-rate}); null: half of {@link #maxRecordingRate}. */
    Double dashboardRate;

    /** Treaties of the big store (scenario 2), read by scenario 4. */
    final List<String> bigStoreTreaties = new ArrayList<>();

    /** A run's writes continue across services (--log=both), so that no signature is sent twice. */
    Bench(Mode mode, Database database, Credentials credentials, Report report, InProcessLedger ledger, Writes writes) {
        this.mode = mode;
        this.database = database;
        this.credentials = credentials;
        this.report = report;
        this.ledger = ledger;
        this.client = new LedgerClient(ledger.port(), credentials);
        this.writes = writes;
    }

    DataSource dataSource() {
        return ledger.dataSource();
    }

    Configuration axon() {
        return ledger.axon();
    }
}
