package org.ratification.ledger.api.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs the build, so the deployment files are checked against the application
 * they deploy: docker/compose.yaml's services, images, ports, environment and dependencies against
 * the configuration keys and profiles of the service, and docker/Dockerfile's build, user and
 * health check against the actuator settings.
 */
class DockerComposeTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(LEDGER_[A-Z0-9_]+)(?::([^}]*))?}");

    private static Path root;
    private static Path resources;
    private static Map<String, Object> compose;
    private static Map<String, Map<String, Object>> services;
    private static List<String> dockerfile;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void load() throws IOException {
        Path here = Path.of("").toAbsolutePath();
        while (here != null && !Files.exists(here.resolve("docker/compose.yaml"))) {
            here = here.getParent();
        }
        assertThat(here).as("repository root with docker/compose.yaml").isNotNull();
        root = here;
        resources = root.resolve("ledger-api/src/main/resources");
        try (Reader reader = Files.newBufferedReader(root.resolve("docker/compose.yaml"))) {
            compose = new Yaml().load(reader);
        }
        services = (Map<String, Map<String, Object>>) compose.get("services");
        dockerfile = joinContinuations(Files.readAllLines(root.resolve("docker/Dockerfile")));
    }

    @Test
    void servicesAreNamedAfterTheProfilesAndEveryDependencyExists() {
        assertThat(services).containsKeys("postgres", "kafka");
        for (var service : services.entrySet()) {
            Map<String, Object> definition = service.getValue();
            assertThat(definition.containsKey("image") || definition.containsKey("build"))
                    .as(service.getKey() + " has an image or a build")
                    .isTrue();
            for (String dependency : dependencies(definition)) {
                assertThat(services)
                        .as(service.getKey() + " depends on " + dependency)
                        .containsKey(dependency);
            }
        }
        assertThat(image("postgres")).startsWith("postgres:15");
        assertThat(image("kafka")).startsWith("apache/kafka:");
        assertThat(environment("kafka")).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller");
        for (String node : ledgerNodes()) {
            assertThat(dependencies(services.get(node))).containsExactlyInAnyOrder("postgres", "kafka");
            for (String profile :
                    environment(node).get("SPRING_PROFILES_ACTIVE").split(",")) {
                assertThat(resources.resolve("application-" + profile.trim() + ".yml"))
                        .as("profile " + profile + " of " + node)
                        .exists();
                assertThat(services)
                        .as("a service named after profile " + profile)
                        .containsKey(profile.trim());
            }
        }
    }

    @Test
    void everyLedgerVariableOfTheNodesIsAPlaceholderOfTheirConfiguration() throws IOException {
        for (String node : ledgerNodes()) {
            Map<String, String> environment = environment(node);
            Set<String> placeholders =
                    new HashSet<>(placeholders("application.yml").keySet());
            for (String profile : environment.get("SPRING_PROFILES_ACTIVE").split(",")) {
                placeholders.addAll(
                        placeholders("application-" + profile.trim() + ".yml").keySet());
            }
            for (String variable : environment.keySet()) {
                if (variable.startsWith("LEDGER_")) {
                    assertThat(placeholders).as(node + " sets " + variable).contains(variable);
                } else {
                    assertThat(variable)
                            .as(node + " sets only LEDGER_* and the profiles")
                            .isEqualTo("SPRING_PROFILES_ACTIVE");
                }
            }
        }
    }

    @Test
    void theNodesReachPostgresAndKafkaByTheirServiceNames() {
        Map<String, String> postgres = environment("postgres");
        for (String node : ledgerNodes()) {
            Map<String, String> environment = environment(node);
            URI database = URI.create(environment.get("LEDGER_DB_URL").substring("jdbc:".length()));
            assertThat(database.getScheme()).isEqualTo("postgresql");
            assertThat(database.getHost()).isEqualTo("postgres");
            assertThat(database.getPort()).isEqualTo(5432);
            assertThat(database.getPath()).isEqualTo("/" + postgres.get("POSTGRES_DB"));
            assertThat(environment.get("LEDGER_DB_USER")).isEqualTo(postgres.get("POSTGRES_USER"));
            assertThat(environment.get("LEDGER_DB_PASSWORD")).isEqualTo(postgres.get("POSTGRES_PASSWORD"));
            String bootstrap = environment.get("LEDGER_KAFKA_BOOTSTRAP_SERVERS");
            assertThat(bootstrap).isEqualTo("kafka:9092");
            assertThat(environment("kafka").get("KAFKA_ADVERTISED_LISTENERS")).contains("//" + bootstrap);
        }
    }

    @Test
    void twoNodesServeOnHostPorts8080And8081WithIdsOfTheirOwn() throws IOException {
        String serverPort = placeholders("application.yml").get("LEDGER_PORT");
        assertThat(serverPort).isEqualTo("8080");
        List<String> hostPorts = new ArrayList<>();
        Set<String> nodeIds = new HashSet<>();
        for (String node : ledgerNodes()) {
            for (Object mapping : (List<?>) services.get(node).get("ports")) {
                String[] parts = mapping.toString().split(":");
                hostPorts.add(parts[0]);
                assertThat(parts[1]).as(node + " publishes the server port").isEqualTo(serverPort);
            }
            nodeIds.add(environment(node).get("LEDGER_NODE_ID"));
        }
        assertThat(hostPorts).containsExactlyInAnyOrder("8080", "8081");
        assertThat(nodeIds).hasSize(2).doesNotContainNull();
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyNamedVolumeIsDeclared() {
        Map<String, Object> declared = (Map<String, Object>) compose.get("volumes");
        for (var service : services.entrySet()) {
            for (Object volume : (List<Object>) service.getValue().getOrDefault("volumes", List.of())) {
                String source = volume.toString().split(":")[0];
                if (!source.startsWith(".") && !source.startsWith("/")) {
                    assertThat(declared)
                            .as(service.getKey() + " uses volume " + source)
                            .containsKey(source);
                }
            }
        }
        assertThat(declared).containsKeys("postgres-data", "kafka-data");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDockerfileBuildsWithTheWrapperRunsAsAUserAndChecksReadiness() throws IOException {
        for (String node : ledgerNodes()) {
            Map<String, Object> build = (Map<String, Object>) services.get(node).get("build");
            Path context = root.resolve("docker")
                    .resolve(build.get("context").toString())
                    .normalize();
            assertThat(context).isEqualTo(root);
            assertThat(context.resolve(build.get("dockerfile").toString())).exists();
        }
        assertThat(lines("FROM "))
                .containsExactly("FROM maven:3.9-eclipse-temurin-17 AS build", "FROM eclipse-temurin:17-jre");
        assertThat(lines("RUN ")).anyMatch(line -> line.contains("./mvnw ") && line.contains("package"));
        for (String copy : lines("COPY ")) {
            if (!copy.contains("--from=")) {
                String source = copy.split("\\s+")[1];
                assertThat(root.resolve(source)).as(copy).exists();
            }
        }
        List<String> users = lines("USER ");
        assertThat(users).hasSize(1);
        assertThat(users.get(0)).isNotIn("USER root", "USER 0");
        assertThat(dockerfile.indexOf(users.get(0)))
                .isGreaterThan(dockerfile.indexOf(lines("FROM ").get(1)));

        String healthcheck = lines("HEALTHCHECK ").get(0);
        Matcher url = Pattern.compile("http://localhost:(\\d+)(/\\S*)").matcher(healthcheck);
        assertThat(url.find()).as(healthcheck).isTrue();
        assertThat(url.group(1)).isEqualTo(placeholders("application.yml").get("LEDGER_PORT"));
        assertThat(lines("EXPOSE ")).containsExactly("EXPOSE " + url.group(1));
        assertThat(url.group(2)).isEqualTo("/actuator/health/readiness");
        Map<String, Object> management = (Map<String, Object>) application().get("management");
        String exposed = ((Map<String, Map<String, Map<String, Object>>>) management.get("endpoints"))
                .get("web")
                .get("exposure")
                .get("include")
                .toString();
        assertThat(Arrays.asList(exposed.split(","))).contains("health");
        Map<String, Object> health = ((Map<String, Map<String, Object>>) management.get("endpoint")).get("health");
        assertThat(((Map<String, Object>) health.get("probes")).get("enabled")).isEqualTo(true);
    }

    private static List<String> ledgerNodes() {
        List<String> nodes = services.entrySet().stream()
                .filter(e -> e.getValue().containsKey("build"))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
        assertThat(nodes).hasSize(2);
        return nodes;
    }

    private static String image(String service) {
        return String.valueOf(services.get(service).get("image"));
    }

    @SuppressWarnings("unchecked")
    private static List<String> dependencies(Map<String, Object> service) {
        Object dependsOn = service.get("depends_on");
        if (dependsOn instanceof Map<?, ?> map) {
            return new ArrayList<>((Set<String>) map.keySet());
        }
        return dependsOn == null ? List.of() : (List<String>) dependsOn;
    }

    private static Map<String, String> environment(String service) {
        Object environment = services.get(service).get("environment");
        Map<String, String> variables = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> map) {
            map.forEach((k, v) -> variables.put(k.toString(), v == null ? null : v.toString()));
        } else if (environment instanceof List<?> list) {
            list.forEach(entry -> {
                String[] kv = entry.toString().split("=", 2);
                variables.put(kv[0], kv.length > 1 ? kv[1] : null);
            });
        }
        return variables;
    }

    /** The LEDGER_* placeholders of one configuration file, with their local defaults. */
    private static Map<String, String> placeholders(String file) throws IOException {
        Map<String, String> found = new LinkedHashMap<>();
        Matcher m = PLACEHOLDER.matcher(Files.readString(resources.resolve(file)));
        while (m.find()) {
            found.put(m.group(1), m.group(2));
        }
        return found;
    }

    private static Map<String, Object> application() throws IOException {
        try (Reader reader = Files.newBufferedReader(resources.resolve("application.yml"))) {
            return new Yaml().load(reader);
        }
    }

    private static List<String> lines(String instruction) {
        return dockerfile.stream().filter(line -> line.startsWith(instruction)).toList();
    }

    /** Dockerfile lines with backslash continuations joined and comments dropped. */
    private static List<String> joinContinuations(List<String> raw) {
        List<String> joined = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : raw) {
            String trimmed = line.strip();
            if (current.length() == 0 && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
            } else {
                joined.add(current.append(trimmed).toString().replaceAll("\\s+", " "));
                current.setLength(0);
            }
        }
        return joined;
    }
}
