package org.ratification.ledger.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.ratification.ledger.api.ApiTestSupport;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * Property-based fuzzing of every write endpoint. Each endpoint has a valid request; jqwik
 * generators derive requests that are each one defect away from it: malformed JSON, a value of the
 * wrong type, a missing required field, an unknown field, a huge string, a control character, an
 * impossible date. Every one must be answered 4xx problem+json with a code, never 5xx, and the
 * history must not change. Finally the valid request itself is recorded, which shows that the
 * defect, and nothing else, was refused.
 */
class BadInputFuzzTest extends ApiTestSupport {

    private static final int SAMPLES = 6;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    enum Type {
        TEXT,
        CODE,
        DATE,
        ENUM,
        INT,
        BOOL,
        TEXTS,
        OBJECT
    }

    /** A field of a request: its path (a.b for nested), type, whether required, its length limit. */
    private record Field(String path, Type type, boolean required, int maxLength) {}

    private record Endpoint(String name, String path, Function<String, ObjectNode> valid, List<Field> fields) {}

    private final Random random = new Random();

    private static Field text(String path, boolean required, int max) {
        return new Field(path, Type.TEXT, required, max);
    }

    private static Field of(String path, Type type, boolean required) {
        return new Field(path, type, required, 64);
    }

    private List<Endpoint> endpoints(String treaty, String deuSignature) {
        return List.of(
                new Endpoint(
                        "register a treaty",
                        "/api/treaties",
                        unused -> json(
                                """
                                {"id":"%s","reference":"REF-1","title":"A treaty","adoptedOn":"2024-12-24",
                                 "signature":{"opensOn":"2025-01-01","closesOn":"2026-12-31"},
                                 "entryIntoForce":{"instrumentsRequired":3,"daysAfterThreshold":90,
                                   "daysAfterLaterInstrument":30,"reioInstrumentsCount":false},
                                 "denunciation":{"takesEffectAfterMonths":12}}"""
                                        .formatted("f-"
                                                + UUID.randomUUID().toString().substring(0, 8))),
                        List.of(
                                new Field("id", Type.CODE, true, 64),
                                text("reference", true, 255),
                                text("title", true, 1000),
                                of("adoptedOn", Type.DATE, true),
                                of("signature", Type.OBJECT, true),
                                of("signature.opensOn", Type.DATE, true),
                                of("signature.closesOn", Type.DATE, true),
                                of("entryIntoForce", Type.OBJECT, true),
                                of("entryIntoForce.instrumentsRequired", Type.INT, true),
                                of("entryIntoForce.daysAfterThreshold", Type.INT, true),
                                of("entryIntoForce.daysAfterLaterInstrument", Type.INT, true),
                                of("entryIntoForce.reioInstrumentsCount", Type.BOOL, true),
                                of("denunciation", Type.OBJECT, true),
                                of("denunciation.takesEffectAfterMonths", Type.INT, true))),
                new Endpoint(
                        "sign",
                        "/api/treaties/" + treaty + "/signatures",
                        unused -> json("{\"participant\":\"ITA\",\"signedOn\":\"2025-10-25\",\"place\":\"Hanoi\"}"),
                        List.of(
                                of("participant", Type.CODE, true),
                                of("signedOn", Type.DATE, true),
                                text("place", false, 255))),
                new Endpoint(
                        "deposit",
                        "/api/treaties/" + treaty + "/instruments",
                        unused -> json(
                                "{\"participant\":\"DEU\",\"type\":\"RATIFICATION\",\"depositedOn\":\"2026-01-10\","
                                        + "\"declarations\":[\"Art. 63(2)\"],\"reservations\":[]}"),
                        List.of(
                                of("participant", Type.CODE, true),
                                of("type", Type.ENUM, true),
                                of("depositedOn", Type.DATE, true),
                                new Field("declarations", Type.TEXTS, false, 20_000),
                                new Field("reservations", Type.TEXTS, false, 20_000))),
                new Endpoint(
                        "denounce",
                        "/api/treaties/" + treaty + "/denunciations",
                        unused -> json("{\"participant\":\"FRA\",\"receivedOn\":\"2026-01-05\"}"),
                        List.of(of("participant", Type.CODE, true), of("receivedOn", Type.DATE, true))),
                new Endpoint(
                        "communicate",
                        "/api/treaties/" + treaty + "/communications",
                        unused ->
                                json("{\"participant\":\"FRA\",\"kind\":\"DECLARATION\",\"receivedOn\":\"2025-11-03\","
                                        + "\"text\":\"Designates its central authority.\"}"),
                        List.of(
                                of("participant", Type.CODE, true),
                                of("kind", Type.ENUM, true),
                                of("receivedOn", Type.DATE, true),
                                text("text", true, 20_000),
                                new Field("refersTo", Type.CODE, false, 64))),
                new Endpoint(
                        "correct",
                        "/api/treaties/" + treaty + "/corrections",
                        unused -> json("{\"recordId\":\"" + deuSignature + "\",\"reason\":\"Wrong day entered.\","
                                + "\"correction\":{\"signedOn\":\"2025-10-27\"}}"),
                        List.of(
                                new Field("recordId", Type.CODE, true, 64),
                                text("reason", true, 20_000),
                                of("correction", Type.OBJECT, true),
                                of("correction.signedOn", Type.DATE, true))));
    }

    @TestFactory
    Stream<DynamicNode> everyWriteEndpointRefusesBadInputAndRecordsNothing() {
        String treaty = registerTreaty(1, 0, 0, false);
        ratify(treaty, "FRA", "2025-10-25", "2025-10-26");
        Reply deu = sign(treaty, "DEU", "2025-10-25");
        assertThat(deu.status()).isEqualTo(201);
        String deuSignature = deu.body().path("recordId").asText();

        return endpoints(treaty, deuSignature).stream()
                .map(endpoint -> DynamicContainer.dynamicContainer(
                        endpoint.name(),
                        Stream.concat(
                                Stream.of(Defect.values())
                                        .map(defect -> DynamicTest.dynamicTest(
                                                defect.name().toLowerCase().replace('_', ' '),
                                                () -> refusesEvery(endpoint, defect))),
                                Stream.of(DynamicTest.dynamicTest(
                                        "the valid request is recorded", () -> recordsTheValid(endpoint))))));
    }

    enum Defect {
        MALFORMED_JSON,
        WRONG_TYPE,
        MISSING_FIELD,
        UNKNOWN_FIELD,
        HUGE_STRING,
        CONTROL_CHARACTER,
        IMPOSSIBLE_DATE,
        WRONG_MEDIA_TYPE
    }

    private void refusesEvery(Endpoint endpoint, Defect defect) {
        long before = storedEvents();
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            ObjectNode valid = endpoint.valid().apply(null);
            Request request = defective(valid, endpoint.fields(), defect);
            if (request == null) {
                continue; // e.g. no date field to make impossible
            }
            HttpHeaders headers = new HttpHeaders();
            if (request.contentType() != null) {
                headers.set(HttpHeaders.CONTENT_TYPE, request.contentType());
            }
            Reply reply = as(Role.DEPOSITARY).exchange(HttpMethod.POST, endpoint.path(), request.body(), headers);
            boolean problem = reply.headers().getContentType() != null
                    && reply.headers().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            if (reply.status() < 400 || reply.status() >= 500 || !problem || reply.code() == null) {
                wrong.add(reply.status() + " " + reply.body() + " for " + abbreviate(request.body()));
            }
        }
        assertThat(wrong).as(endpoint.name() + ": " + defect).isEmpty();
        assertThat(storedEvents()).as("history unchanged").isEqualTo(before);
    }

    private void recordsTheValid(Endpoint endpoint) {
        long before = storedEvents();
        Reply reply = post(endpoint.path(), endpoint.valid().apply(null).toString());
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        assertThat(storedEvents()).isEqualTo(before + 1);
    }

    private record Request(String body, String contentType) {}

    /** The valid request with one defect; null if the endpoint has no field the defect applies to. */
    private Request defective(ObjectNode body, List<Field> fields, Defect defect) {
        String json = "application/json";
        switch (defect) {
            case MALFORMED_JSON -> {
                String text = body.toString();
                return switch (random.nextInt(4)) {
                    case 0 -> new Request(text.substring(0, random.nextInt(text.length())), json);
                    case 1 -> new Request("[" + text + "]", json);
                    case 2 -> new Request(text + "}", json);
                    default -> new Request(
                            sample(Arbitraries.strings().ofMaxLength(40)).replace("{", ""), json);
                };
            }
            case WRONG_TYPE -> {
                Field field = pick(fields);
                set(body, field.path(), wrongValueFor(field.type()));
                return new Request(body.toString(), json);
            }
            case MISSING_FIELD -> {
                Field field = pick(fields.stream().filter(Field::required).toList());
                remove(body, field.path());
                return new Request(body.toString(), json);
            }
            case UNKNOWN_FIELD -> {
                List<String> objects = new ArrayList<>(List.of(""));
                fields.stream().filter(f -> f.type() == Type.OBJECT).forEach(f -> objects.add(f.path()));
                String where = objects.get(random.nextInt(objects.size()));
                ObjectNode target = where.isEmpty() ? body : (ObjectNode) body.at("/" + where.replace('.', '/'));
                String name = sample(Arbitraries.strings()
                        .alpha()
                        .ofMinLength(1)
                        .ofMaxLength(12)
                        .filter(n -> !target.has(n)
                                && fields.stream().noneMatch(f -> f.path().endsWith(n))));
                target.set(name, wrongValueFor(Type.TEXT));
                return new Request(body.toString(), json);
            }
            case HUGE_STRING -> {
                Field field = pick(fields.stream()
                        .filter(f -> f.type() == Type.TEXT || f.type() == Type.CODE || f.type() == Type.TEXTS)
                        .toList());
                int length = sample(Arbitraries.integers().between(field.maxLength() + 1, 300_000));
                String huge =
                        sample(Arbitraries.strings().withCharRange('a', 'z').ofLength(length));
                set(
                        body,
                        field.path(),
                        field.type() == Type.TEXTS ? NODES.arrayNode().add(huge) : NODES.textNode(huge));
                return new Request(body.toString(), json);
            }
            case CONTROL_CHARACTER -> {
                Field field = pick(fields.stream()
                        .filter(f -> f.type() == Type.TEXT || f.type() == Type.CODE || f.type() == Type.TEXTS)
                        .toList());
                char control = sample(Arbitraries.chars()
                        .range('\u0000', '\u0008')
                        .range('\u000e', '\u001f')
                        .range('\u007f', '\u009f')
                        .with('\u000b', '\u000c'));
                String value = "Text" + control + "more";
                set(
                        body,
                        field.path(),
                        field.type() == Type.TEXTS ? NODES.arrayNode().add(value) : NODES.textNode(value));
                return new Request(body.toString(), json);
            }
            case IMPOSSIBLE_DATE -> {
                List<Field> dates =
                        fields.stream().filter(f -> f.type() == Type.DATE).toList();
                if (dates.isEmpty()) {
                    return null;
                }
                String date = sample(Arbitraries.of(
                        "2025-02-30",
                        "2025-13-01",
                        "2025-00-10",
                        "2025-04-31",
                        "2023-02-29",
                        "0000-00-00",
                        "2025-1-1",
                        "25-01-01",
                        "2025/01/01",
                        "+2025-01-01",
                        "2025-01-01T00:00:00Z",
                        "",
                        " 2025-01-01",
                        "9999-99-99",
                        "2025-W01-1",
                        "-0001-01-01",
                        "20250101",
                        "tomorrow"));
                set(body, pick(dates).path(), NODES.textNode(date));
                return new Request(body.toString(), json);
            }
            case WRONG_MEDIA_TYPE -> {
                String type =
                        sample(Arbitraries.of("text/plain", "application/xml", "application/x-www-form-urlencoded"));
                return new Request(body.toString(), type);
            }
            default -> throw new IllegalStateException(defect.name());
        }
    }

    /** A value of another JSON type than {@code type} takes (never null: null may be allowed). */
    private JsonNode wrongValueFor(Type type) {
        List<JsonNode> candidates = new ArrayList<>(List.of(
                NODES.numberNode(sample(Arbitraries.integers())),
                NODES.numberNode(1.5),
                NODES.booleanNode(random.nextBoolean()),
                NODES.arrayNode().add(2025).add(10).add(25),
                NODES.objectNode().put("value", "x"),
                NODES.textNode(
                        sample(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10)))));
        candidates.removeIf(node -> switch (type) {
            case TEXT, CODE, DATE, ENUM -> node.isTextual();
            case INT -> node.isInt();
            case BOOL -> node.isBoolean();
            case TEXTS -> node.isArray();
            case OBJECT -> node.isObject();
        });
        if (type == Type.ENUM || type == Type.DATE || type == Type.CODE) {
            candidates.add(NODES.numberNode(0));
        }
        return candidates.get(random.nextInt(candidates.size()));
    }

    private <T> T sample(Arbitrary<T> arbitrary) {
        return arbitrary.sample();
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private static void set(ObjectNode body, String path, JsonNode value) {
        int dot = path.lastIndexOf('.');
        ObjectNode parent = dot < 0
                ? body
                : (ObjectNode) body.at("/" + path.substring(0, dot).replace('.', '/'));
        parent.set(path.substring(dot + 1), value);
    }

    private static void remove(ObjectNode body, String path) {
        int dot = path.lastIndexOf('.');
        ObjectNode parent = dot < 0
                ? body
                : (ObjectNode) body.at("/" + path.substring(0, dot).replace('.', '/'));
        parent.remove(path.substring(dot + 1));
    }

    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static String abbreviate(String s) {
        return s == null || s.length() <= 300 ? s : s.substring(0, 300) + "…(" + s.length() + " chars)";
    }
}
