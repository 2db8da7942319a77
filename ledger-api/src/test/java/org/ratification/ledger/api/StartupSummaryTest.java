package org.ratification.ledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class StartupSummaryTest {

    @Test
    void theLineNamesPortDatabaseAndProfilesWithoutCredentials() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty(
                        "spring.datasource.url",
                        "jdbc:postgresql://ledger:s3cret@db.example:5432/ledger?password=s3cret&ssl=true");
        environment.setActiveProfiles("postgres", "kafka");
        String line = StartupSummary.line(environment, 8081);
        assertThat(line)
                .startsWith("Ratification ledger ")
                .contains("listens on port 8081 (every address)")
                .contains("database jdbc:postgresql://db.example:5432/ledger?password=***&ssl=true")
                .endsWith("profiles postgres,kafka")
                .doesNotContain("s3cret");
    }

    @Test
    void theEmbeddedDefaultIsNamed() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:h2:file:./data/ledger;USER=sa;PASSWORD=x;WRITE_DELAY=0");
        String line = StartupSummary.line(environment, 8080);
        assertThat(line)
                .contains("database jdbc:h2:file:./data/ledger;USER=***;PASSWORD=***;WRITE_DELAY=0")
                .endsWith("profiles (default: embedded H2)");
    }
}
