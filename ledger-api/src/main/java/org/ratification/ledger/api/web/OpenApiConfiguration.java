package org.ratification.ledger.api.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The parts of the OpenAPI contract that are the same for many operations, added to what springdoc
 * reads from the controllers: the document's {@code info}, the two security schemes and which
 * operations need them, every operation's problem+json error responses with their codes, the
 * {@code Idempotency-Key} header of the writes, and 201 responses typed {@code application/json}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String PROBLEM = "Problem";
    static final String BASIC = "basicAuth";
    static final String BEARER = "bearerAuth";
    static final String PROBLEM_JSON = "application/problem+json";
    /** The codes an error response may carry, as a list (a new rule adds its code without breaking clients). */
    static final String CODES = "x-problem-codes";
    /** The role an operation requires. */
    static final String ROLE = "x-required-role";

    private static final String RECORDED_REF = "#/components/schemas/Recorded";

    private static final List<String> BODY_CODES = List.of(
            "MALFORMED_JSON",
            "DUPLICATE_KEY",
            "MISSING_FIELD",
            "UNKNOWN_FIELD",
            "INVALID_VALUE",
            "INVALID_DATE",
            "INVALID_PARTICIPANT_CODE",
            "INVALID_RECORD_ID",
            "TEXT_TOO_LONG",
            "TOO_MANY_TEXTS",
            "CONTROL_CHARACTERS",
            "INVALID_IRREGULARITY_CODE",
            "INVALID_IDEMPOTENCY_KEY");
    private static final List<String> QUERY_CODES = List.of(
            "INVALID_PARAMETER",
            "INVALID_DATE",
            "INVALID_INSTANT",
            "DATE_OUT_OF_RANGE",
            "INVALID_PAGE",
            "INVALID_INTERVAL");
    private static final List<String> CONFLICT_CODES = List.of(
            "CONCURRENT_WRITE",
            "DUPLICATE_RECORD_ID",
            "TREATY_ALREADY_REGISTERED",
            "RECORD_RETRACTED",
            "IDEMPOTENCY_KEY_IN_USE");
    private static final List<String> RULE_CODES = List.of(
            "DATE_IN_FUTURE",
            "DATE_BEFORE_ADOPTION",
            "SIGNATURE_PERIOD_NOT_OPEN",
            "SIGNATURE_PERIOD_CLOSED",
            "ALREADY_SIGNED",
            "ALREADY_DEPOSITED",
            "NOT_SIGNED",
            "SIGNATORY_MUST_RATIFY",
            "SIGNATURE_AFTER_ACCESSION",
            "NOT_A_PARTY",
            "ALREADY_DENOUNCED",
            "UNKNOWN_PARTICIPANT",
            "UNKNOWN_RECORD",
            "NOT_CORRECTABLE",
            "CORRECTION_CHANGES_NOTHING",
            "REIO_MEMBER_NOT_SIGNED",
            "REIO_MEMBER_NOT_BOUND",
            "NOT_PARTY_TO_PARENT",
            "INVALID_PREDECESSOR",
            "IRREGULARITY_NOT_PRESENT",
            "IRREGULARITY_NOT_ACKNOWLEDGEABLE",
            "AMENDMENTS_NOT_PROVIDED",
            "AMENDMENT_TOO_EARLY",
            "IDEMPOTENCY_KEY_REUSED");

    @Bean
    OpenAPI ledgerOpenApi(ObjectProvider<BuildProperties> build) {
        String version = Optional.ofNullable(build.getIfAvailable())
                .map(BuildProperties::getVersion)
                .orElse("development");
        return new OpenAPI()
                .info(new Info()
                        .title("Ratification Ledger API")
                        .version(version)
                        .description("The record a treaty depositary keeps of signatures, instruments of"
                                + " ratification, acceptance, approval and accession, and of every later action:"
                                + " each write is recorded once, as an event, and the status of a treaty and of"
                                + " its participants on any date is computed from those records. Reads are"
                                + " public; writes need the DEPOSITARY role, a treaty's history the AUDITOR role."
                                + " Errors are RFC 9457 problem+json with a stable `code`.")
                        .license(new License()
                                .name("Apache License 2.0")
                                .url("https://www.apache.org/licenses/LICENSE-2.0")))
                .components(new Components()
                        .addSecuritySchemes(
                                BASIC,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")
                                        .description("Users depositary and auditor (the default)"))
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description("Tokens of the OpenID Connect issuer (profile oidc), roles in"
                                                + " the roles claim")));
    }

    @Bean
    OpenApiCustomizer ledgerOperations() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            // here, not on the OpenAPI bean: springdoc drops schemas no operation refers to before customizers run
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
                    .forEach((method, operation) -> describe(path, method, operation)));
        };
    }

    private static void describe(String path, PathItem.HttpMethod method, Operation operation) {
        boolean write = method == PathItem.HttpMethod.POST;
        boolean admin = path.startsWith("/api/admin/");
        // as SecurityConfiguration: a treaty's history and the log's export of records need the AUDITOR role
        boolean auditor = path.matches("/api/treaties/\\{[^}]+}/history(/.*)?") || path.equals("/api/log/leaves");
        String role = write || admin ? "DEPOSITARY" : auditor ? "AUDITOR" : null;
        ApiResponses responses = Optional.ofNullable(operation.getResponses()).orElseGet(ApiResponses::new);
        operation.setResponses(responses);
        typeCreated(responses);

        List<String> badRequest = new ArrayList<>();
        if (operation.getRequestBody() != null) {
            badRequest.addAll(BODY_CODES);
        }
        if (operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> "query".equals(p.getIn()))) {
            QUERY_CODES.stream().filter(c -> !badRequest.contains(c)).forEach(badRequest::add);
        }
        if (path.contains("{sequence}") && !badRequest.contains("INVALID_PARAMETER")) {
            badRequest.add("INVALID_PARAMETER"); // a sequence that is not a number
        }
        if (!badRequest.isEmpty()) {
            error(responses, "400", "The request is malformed; nothing was recorded", badRequest);
        }
        if (role != null) {
            operation.addSecurityItem(new SecurityRequirement().addList(BASIC));
            operation.addSecurityItem(new SecurityRequirement().addList(BEARER));
            operation.addExtension(ROLE, role);
            error(responses, "401", "No or wrong credentials", List.of("UNAUTHENTICATED"));
            error(responses, "403", "The user lacks the role " + role, List.of("FORBIDDEN"));
            error(
                    responses,
                    "429",
                    "Too many failed logins from this address (see Retry-After)",
                    List.of("TOO_MANY_ATTEMPTS"));
        }
        if (path.contains("{treatyId}") && path.contains("{sequence}")) {
            error(
                    responses,
                    "404",
                    "No treaty with this id, or no record at this sequence",
                    List.of("TREATY_NOT_FOUND", "RECORD_NOT_FOUND"));
        } else if (path.contains("{treatyId}")) {
            error(responses, "404", "No treaty with this id", List.of("TREATY_NOT_FOUND"));
        } else if (path.contains("{processingGroup}")) {
            error(responses, "404", "No read model of that name", List.of("PROCESSOR_NOT_FOUND"));
        } else if (path.startsWith("/problems/")) {
            error(responses, "404", "Not a problem code", List.of("NOT_FOUND"));
        }
        if (write && operation.getRequestBody() != null) {
            error(responses, "409", "Recorded already, or another write got there first", CONFLICT_CODES);
            error(responses, "413", "The body is larger than the limit", List.of("PAYLOAD_TOO_LARGE"));
            error(responses, "415", "The body is not application/json", List.of("UNSUPPORTED_MEDIA_TYPE"));
            error(responses, "422", "A rule of the treaty refuses the action; `code` names the rule", RULE_CODES);
            idempotencyKey(operation);
        }
        error(responses, "500", "An unexpected failure; the log holds the details", List.of("INTERNAL_ERROR"));
    }

    /**
     * A 201 documented with examples only comes out as {@code *}{@code /*}: the writes answer JSON, a
     * {@link Recorded} with the {@code Location} of the record.
     */
    private static void typeCreated(ApiResponses responses) {
        ApiResponse created = responses.get("201");
        if (created == null || created.getContent() == null) {
            return;
        }
        MediaType any = created.getContent().remove("*/*");
        if (any != null) {
            created.getContent().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE, any);
        }
        MediaType json = created.getContent().get(org.springframework.http.MediaType.APPLICATION_JSON_VALUE);
        if (json == null) {
            return;
        }
        if (json.getSchema() == null) {
            json.setSchema(new Schema<>().$ref(RECORDED_REF));
        }
        if (RECORDED_REF.equals(json.getSchema().get$ref())) {
            created.addHeaderObject(
                    org.springframework.http.HttpHeaders.LOCATION,
                    new Header()
                            .description("The record: /api/treaties/{treatyId}/history/{sequence}, which answers it"
                                    + " as the history shows it")
                            .required(true)
                            .schema(new StringSchema().format("uri-reference")));
        }
    }

    private static void error(ApiResponses responses, String status, String description, List<String> codes) {
        ApiResponse existing = responses.get(status);
        List<String> all = new ArrayList<>(codes);
        if (existing != null
                && existing.getExtensions() != null
                && existing.getExtensions().get(CODES) instanceof List<?> known) {
            known.stream().map(Object::toString).filter(c -> !all.contains(c)).forEach(all::add);
        }
        String text = (existing != null
                                && existing.getDescription() != null
                                && !existing.getDescription().isBlank()
                        ? existing.getDescription()
                        : description)
                + ". Codes: " + String.join(", ", all) + ".";
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put(CODES, all);
        responses.addApiResponse(
                status,
                new ApiResponse()
                        .description(text)
                        .content(new Content()
                                .addMediaType(
                                        PROBLEM_JSON,
                                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))))
                        .extensions(extensions));
    }

    private static void idempotencyKey(Operation operation) {
        boolean present = operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> "Idempotency-Key".equalsIgnoreCase(p.getName()));
        if (present) {
            return;
        }
        Parameter key = new HeaderParameter()
                .name("Idempotency-Key")
                .required(false)
                .description("A UUID chosen by the client: the same key with the same request answers the original"
                        + " response again (header Idempotent-Replayed: true) and records nothing new; with a"
                        + " different request, 422 IDEMPOTENCY_KEY_REUSED. Keys are kept 7 days.")
                .schema(new StringSchema().format("uuid"))
                .example("7d444840-9dc0-11d1-b245-5ffdce74fad2");
        operation.addParametersItem(key);
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        return new ObjectSchema()
                .description("RFC 9457 problem details")
                .addProperty(
                        "type",
                        new StringSchema()
                                .format("uri-reference")
                                .description("/problems/{code}, relative to the service: a short page naming the"
                                        + " problem")
                                .example("/problems/NOT_SIGNED"))
                .addProperty("title", new StringSchema().example("Not signed"))
                .addProperty("status", new IntegerSchema().example(422))
                .addProperty(
                        "detail", new StringSchema().example("FRA has not signed the treaty; a non-signatory accedes."))
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty(
                        "code",
                        new StringSchema()
                                .description("Stable machine-readable code")
                                .example("NOT_SIGNED"))
                .required(List.of("title", "status", "code"));
    }
}
