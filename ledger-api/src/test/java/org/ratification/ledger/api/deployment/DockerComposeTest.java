package org.ratification.ledger.api.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
import org.ratification.ledger.api.cli.LedgerCommandLine;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs the build, so the deployment files are checked against the application
 * they deploy: docker/compose.yaml's services, images, ports, environment and dependencies against
 * the configuration keys and profiles of the service, its passwords against the environment, and
 * docker/Dockerfile's dependency layer, layered jar, user and health check (the jar's own
 * {@code health} command) against the build and the actuator settings.
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
    void passwordsComeFromTheEnvironmentTheSameForBothNodes() {
        Map<String, String> postgres = environment("postgres");
        assertThat(postgres.get("POSTGRES_PASSWORD")).startsWith("${LEDGER_DB_PASSWORD:?");
        Set<Map<String, String>> secretsPerNode = new HashSet<>();
        for (String node : ledgerNodes()) {
            Map<String, String> environment = environment(node);
            Map<String, String> secrets = new LinkedHashMap<>();
            for (String variable :
                    List.of("LEDGER_DB_PASSWORD", "LEDGER_DEPOSITARY_PASSWORD", "LEDGER_AUDITOR_PASSWORD")) {
                // ${NAME:?message}: compose refuses to start without the variable, and no password is in the file
                assertThat(environment.get(variable))
                        .as(node + " takes " + variable + " from the environment, required")
                        .startsWith("${" + variable + ":?");
                secrets.put(variable, environment.get(variable));
            }
            secretsPerNode.add(secrets);
        }
        assertThat(secretsPerNode).as("both nodes share the same secrets").hasSize(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDockerfileCachesDependenciesBuildsWithTheImagesMavenAndShipsALayeredJar() {
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
        for (String copy : lines("COPY ")) {
            if (!copy.contains("--from=")) {
                String source = copy.split("\\s+")[1];
                assertThat(root.resolve(source)).as(copy).exists();
            }
        }
        // the dependency layer: only poms are copied before go-offline, sources after it
        int goOffline = indexOf(line -> line.startsWith("RUN ") && line.contains("dependency:go-offline"));
        int firstSources = indexOf(line -> line.startsWith("COPY ") && line.contains("/src/"));
        assertThat(goOffline).as("a go-offline layer").isPositive().isLessThan(firstSources);
        for (String copy : dockerfile.subList(0, goOffline)) {
            if (copy.startsWith("COPY ")) {
                assertThat(copy.split("\\s+")[1]).as(copy).endsWith("pom.xml");
            }
        }
        for (String module : List.of("ledger-core", "ledger-projections", "ledger-api")) {
            assertThat(dockerfile.subList(0, goOffline)).contains("COPY " + module + "/pom.xml " + module + "/");
        }
        // the image's Maven, not the wrapper (which would download Maven again)
        assertThat(lines("RUN ")).noneMatch(line -> line.contains("mvnw"));
        assertThat(lines("RUN "))
                .anyMatch(line -> line.startsWith("RUN mvn ")
                        && line.contains(" package")
                        && line.contains("-Djarmode=tools -jar ledger-api/target/ledger-api.jar extract --layers"));
        // a layer per rate of change, in Spring Boot's order, and nothing installed in the runtime image
        List<String> layers = lines("COPY --from=build").stream()
                .map(line -> line.replaceAll(".*/layers/([a-z-]+)/.*", "$1"))
                .toList();
        assertThat(layers)
                .containsExactly("dependencies", "spring-boot-loader", "snapshot-dependencies", "application");
        assertThat(dockerfile)
                .noneMatch(line -> line.contains("apt-get") || line.contains("curl") || line.contains("wget"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theImageRunsAsAUserAndChecksReadinessWithTheJarsOwnHealthCommand() throws IOException {
        List<String> users = lines("USER ");
        assertThat(users).hasSize(1);
        assertThat(users.get(0)).isNotIn("USER root", "USER 0");
        assertThat(dockerfile.indexOf(users.get(0)))
                .isGreaterThan(dockerfile.indexOf(lines("FROM ").get(1)));

        List<String> entrypoint = execForm(lines("ENTRYPOINT ").get(0).substring("ENTRYPOINT ".length()));
        assertThat(entrypoint).startsWith("java").contains("-jar");
        String jar = entrypoint.get(entrypoint.indexOf("-jar") + 1);
        assertThat(lines("WORKDIR ")).last().isEqualTo("WORKDIR " + Path.of(jar).getParent());
        assertThat(lines("COPY --from=build").get(3))
                .as("the application layer holds the jar")
                .endsWith(" ./");

        String healthcheck = lines("HEALTHCHECK ").get(0);
        List<String> check = execForm(healthcheck.substring(healthcheck.indexOf("CMD ") + "CMD ".length()));
        assertThat(check).startsWith("java").contains("-jar");
        assertThat(check.get(check.indexOf("-jar") + 1)).isEqualTo(jar);
        List<String> command = check.subList(check.indexOf("-jar") + 2, check.size());
        assertThat(command.get(0)).isEqualTo("health");
        Matcher url = Pattern.compile("http://localhost:(\\d+)(/\\S*)").matcher(String.join(" ", command));
        assertThat(url.find()).as(healthcheck).isTrue();
        assertThat(url.group(1)).isEqualTo(placeholders("application.yml").get("LEDGER_PORT"));
        assertThat(lines("EXPOSE ")).containsExactly("EXPOSE " + url.group(1));
        assertThat(url.group(2)).isEqualTo("/actuator/health/readiness");
        // the jar understands the health check's arguments
        List<String> withHelp = new ArrayList<>(command);
        withHelp.add("--help");
        ByteArrayOutputStream help = new ByteArrayOutputStream();
        int exit = LedgerCommandLine.execute(
                withHelp.toArray(String[]::new),
                new PrintStream(help, true, StandardCharsets.UTF_8),
                new PrintStream(help, true, StandardCharsets.UTF_8),
                springArguments -> {
                    throw new AssertionError("the health check must not start a service");
                });
        assertThat(exit).as(help.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(help.toString(StandardCharsets.UTF_8)).contains("Usage: java -jar ledger-api.jar health");

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

    /** The arguments of an exec-form instruction: ["java", "-jar", …]. */
    private static List<String> execForm(String json) throws IOException {
        assertThat(json).as("exec form").startsWith("[");
        return List.of(new ObjectMapper().readValue(json, String[].class));
    }

    private static int indexOf(java.util.function.Predicate<String> line) {
        for (int i = 0; i < dockerfile.size(); i++) {
            if (line.test(dockerfile.get(i))) {
                return i;
            }
        }
        return -1;
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
