package org.ratification.ledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.ratification.ledger.api.cluster.ClusterProperties;
import org.ratification.ledger.api.config.LedgerProperties;
import org.ratification.ledger.api.config.StatusCacheProperties;
import org.ratification.ledger.api.kafka.KafkaPublisherProperties;
import org.ratification.ledger.api.security.SecuritySettings;
import org.ratification.ledger.api.storage.EventStoreProperties;
import org.ratification.ledger.api.stream.StreamProperties;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The rule for configuration: the defaults of ledger.* live in the @ConfigurationProperties records
 * only; application*.yml maps LEDGER_* variables onto them and repeats no default.
 */
class ConfigurationDefaultsTest {

    private static final Pattern MAPPING = Pattern.compile("\\$\\{LEDGER_[A-Z0-9_]+:}");

    @Test
    void theYamlFilesRepeatNoDefaultOfTheRecords() throws IOException {
        for (String file : List.of("application.yml", "application-postgres.yml", "application-oidc.yml")) {
            for (PropertySource<?> source : yaml(file)) {
                if (source.getSource() instanceof Map<?, ?> properties) {
                    properties.forEach((name, value) -> {
                        // what the oidc profile is for, not a default
                        boolean profileSetting = file.equals("application-oidc.yml")
                                && name.toString().equals("ledger.security.mode");
                        if (name.toString().startsWith("ledger.") && !profileSetting) {
                            assertThat(value.toString())
                                    .as(file + ": " + name + " only maps a variable, with no default of its own")
                                    .matches(MAPPING);
                        }
                    });
                }
            }
        }
    }

    @Test
    void withNoVariableSetTheRecordsDefaultsApply() throws IOException {
        Binder binder = binder(Map.of(), "application.yml", "application-postgres.yml");
        ClusterProperties cluster = binder.bindOrCreate("ledger.cluster", ClusterProperties.class);
        assertThat(cluster.claimTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(cluster.nodeId()).isNotBlank();
        assertThat(binder.bindOrCreate("ledger", LedgerProperties.class).treatyDefinitions())
                .isEqualTo("classpath*:treaties/*.json");
        assertThat(binder.bindOrCreate("ledger.event-store", EventStoreProperties.class)
                        .snapshotThreshold())
                .isEqualTo(100);
        assertThat(binder.bindOrCreate("ledger.kafka", KafkaPublisherProperties.class)
                        .topic())
                .isEqualTo("ledger.events");
        assertThat(binder.bindOrCreate("ledger.stream", StreamProperties.class).heartbeat())
                .isEqualTo(Duration.ofSeconds(15));
        assertThat(binder.bindOrCreate("ledger.status-cache", StatusCacheProperties.class)
                        .rows())
                .as("0: a quarter of the heap")
                .isZero();
    }

    @Test
    void theDocumentedVariablesReachTheirProperties() throws IOException {
        Binder binder = binder(
                Map.of(
                        "LEDGER_CLAIM_TIMEOUT", "30s",
                        "LEDGER_NODE_ID", "node-7",
                        "LEDGER_KAFKA_TOPIC", "depositary.events",
                        "LEDGER_KAFKA_BOOTSTRAP_SERVERS", "broker:9092",
                        "LEDGER_STREAM_HEARTBEAT", "5s",
                        "LEDGER_DEPOSITARY_PASSWORD", "correct horse"),
                "application.yml",
                "application-postgres.yml");
        ClusterProperties cluster = binder.bindOrCreate("ledger.cluster", ClusterProperties.class);
        assertThat(cluster.claimTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(cluster.nodeId()).isEqualTo("node-7");
        KafkaPublisherProperties kafka = binder.bindOrCreate("ledger.kafka", KafkaPublisherProperties.class);
        assertThat(kafka.topic()).isEqualTo("depositary.events");
        assertThat(kafka.bootstrapServers()).isEqualTo("broker:9092");
        assertThat(binder.bindOrCreate("ledger.stream", StreamProperties.class).heartbeat())
                .isEqualTo(Duration.ofSeconds(5));
        assertThat(binder.bindOrCreate("ledger.security", SecuritySettings.class)
                        .depositaryPassword())
                .isEqualTo("correct horse");
    }

    @Test
    void theOidcProfileKeepsTheRecordsDefaultsAndMapsItsVariables() throws IOException {
        SecuritySettings unset = binder(Map.of(), "application.yml", "application-oidc.yml")
                .bindOrCreate("ledger.security", SecuritySettings.class);
        assertThat(unset.mode()).isEqualTo(SecuritySettings.Mode.OIDC);
        assertThat(unset.oidc().rolesClaim()).isEqualTo("roles");
        assertThat(unset.oidc().principalClaim()).isEqualTo("sub");
        Binder binder = binder(
                Map.of(
                        "LEDGER_OIDC_ISSUER_URI", "https://issuer.example",
                        "LEDGER_OIDC_AUDIENCES", "ratification-ledger,ledger-api",
                        "LEDGER_OIDC_ROLES_CLAIM", "realm_access.roles",
                        "LEDGER_OIDC_PRINCIPAL_CLAIM", "preferred_username"),
                "application.yml",
                "application-oidc.yml");
        SecuritySettings set = binder.bindOrCreate("ledger.security", SecuritySettings.class);
        // issuer and audience go to Spring Boot's resource server, which verifies the tokens
        OAuth2ResourceServerProperties.Jwt jwt = binder.bindOrCreate(
                        "spring.security.oauth2.resourceserver", OAuth2ResourceServerProperties.class)
                .getJwt();
        assertThat(jwt.getIssuerUri()).isEqualTo("https://issuer.example");
        assertThat(jwt.getAudiences()).containsExactly("ratification-ledger", "ledger-api");
        assertThat(jwt.getJwkSetUri()).as("discovered from the issuer").isNull();
        assertThat(set.oidc().rolesClaim()).isEqualTo("realm_access.roles");
        assertThat(set.oidc().principalClaim()).isEqualTo("preferred_username");
    }

    private static Binder binder(Map<String, Object> environment, String... files) throws IOException {
        // the environment first, then later files before earlier ones, as profiles override application.yml
        MutablePropertySources ordered = new MutablePropertySources();
        ordered.addFirst(new SystemEnvironmentPropertySource("environment", environment));
        for (int i = files.length - 1; i >= 0; i--) {
            for (PropertySource<?> source : yaml(files[i])) {
                ordered.addLast(source);
            }
        }
        return new Binder(ConfigurationPropertySources.from(ordered), new PropertySourcesPlaceholdersResolver(ordered));
    }

    private static List<PropertySource<?>> yaml(String file) throws IOException {
        return new YamlPropertySourceLoader().load(file, new ClassPathResource(file));
    }
}
