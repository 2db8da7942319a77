package org.ratification.ledger.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Events are a permanent public contract (STYLE.md, Messages): this locks each event's JSON as
 * Axon's {@link JacksonSerializer} stores it against a reviewed fixture under
 * {@code src/test/resources/events/<EventName>.json}, reads each fixture back, and checks that
 * events stored in revision 1's first shape ({@code events/revision-1-first-shape/}) still read. A
 * change that breaks a stored shape needs a new revision and an upcaster, not an edited fixture; a
 * new optional field needs its fixture updated after review. On a mismatch the JSON produced is
 * written to {@code target/events-received/} for review.
 */
class EventJsonShapeTest {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static final JacksonSerializer SERIALIZER =
            JacksonSerializer.builder().objectMapper(MAPPER).build();

    /** A protocol, so that every clause of a definition is set. */
    private static final TreatyDefinition PROTOCOL = new TreatyDefinition(
            "XVIII-16-a",
            "XVIII-16-a",
            "Protocol supplementary to the United Nations Convention against Cybercrime",
            LocalDate.of(2027, 6, 1),
            new SignatureClause(LocalDate.of(2027, 6, 1), LocalDate.of(2028, 12, 31), true),
            new EntryIntoForceClause(
                    40,
                    90,
                    30,
                    false,
                    1,
                    2,
                    DateRounding.FIRST_DAY_OF_NEXT_MONTH,
                    LocalDate.of(2029, 6, 1),
                    LaterInstrumentsFrom.ENTRY_INTO_FORCE,
                    List.of("FRA", "VNM"),
                    new WeightedCondition(
                            new java.util.TreeMap<>(java.util.Map.of("FRA", 1200L, "VNM", 800L)),
                            10000L,
                            55,
                            "global emissions, in hundredths of a per cent"),
                    List.of(InstrumentType.RATIFICATION, InstrumentType.ACCESSION)),
            new DenunciationClause(12, true, 10, 3),
            "XVIII-16",
            new AmendmentClause(5, 90),
            new SuccessionClause(true));

    /** One instance of every event, with every field its kind uses set, so each shows in the JSON. */
    private static final List<TreatyEvent> SAMPLES = List.of(
            new TreatyRegisteredEvent("XVIII-16-a", "rec-0001", PROTOCOL),
            new ConventionSignedEvent(
                    "XVIII-16",
                    "rec-0002",
                    "VNM",
                    LocalDate.of(2025, 10, 25),
                    "Hanoi",
                    "SCG",
                    new Irregularity("SIGNATURE_PERIOD_CLOSED", "Recorded as notified by the State.")),
            new InstrumentDepositedEvent(
                    "XVIII-16",
                    "rec-0003",
                    "MNE",
                    InstrumentType.SUCCESSION,
                    LocalDate.of(2027, 5, 4),
                    List.of("Designated authority: Ministry of Justice."),
                    List.of("Montenegro does not consider itself bound by article 63(2)."),
                    "SRB",
                    LocalDate.of(2027, 3, 1),
                    new Irregularity("SIGNATORY_MUST_RATIFY", "The State had signed; recorded as deposited.")),
            new DenunciationNotifiedEvent(
                    "XVIII-16", "rec-0004", "FRA", LocalDate.of(2032, 2, 29), LocalDate.of(2033, 2, 28)),
            new CommunicationReceivedEvent(
                    "XVIII-16",
                    "rec-0005",
                    "NLD",
                    CommunicationKind.TERRITORIAL_APPLICATION,
                    LocalDate.of(2026, 9, 1),
                    "The Convention shall apply to Aruba, Curaçao and Sint Maarten.",
                    "rec-0003",
                    List.of("Aruba", "Curaçao", "Sint Maarten")),
            new RecordCorrectedEvent(
                    "XVIII-16",
                    "rec-0006",
                    "rec-0003",
                    "Date of deposit misread from the instrument.",
                    "MNE",
                    LocalDate.of(2027, 5, 5),
                    InstrumentType.SUCCESSION),
            new RecordRetractedEvent(
                    "XVIII-16",
                    "rec-0007",
                    "rec-0005",
                    "Recorded under the wrong treaty.",
                    "NLD",
                    LocalDate.of(2026, 9, 1)),
            new AmendmentAdoptedEvent(
                    "XVIII-16",
                    "rec-0008",
                    "amendment-1",
                    LocalDate.of(2036, 11, 20),
                    AdoptionMethod.VOTE,
                    "Article 40 is amended to read as follows: ..."),
            new AmendmentInstrumentDepositedEvent(
                    "XVIII-16", "rec-0009", "amendment-1", "FRA", InstrumentType.ACCEPTANCE, LocalDate.of(2037, 2, 3)));

    /** Every class of the api package whose name ends in Event, the TreatyEvent interface aside. */
    private static final List<Class<?>> EVENT_CLASSES = new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages(TreatyEvent.class.getPackageName())
                    .stream()
                    .filter(c -> c.getSimpleName().endsWith("Event") && !c.isInterface())
                    .<Class<?>>map(JavaClass::reflect)
                    .toList();

    /**
     * The JSON of the seven events as first committed (revision 1). Events stored in that shape must
     * keep reading: a field added since is optional, and a renamed or retyped field needs a new
     * revision and an upcaster.
     */
    private static final List<String> FIRST_SHAPE = List.of(
            "TreatyRegisteredEvent",
            "ConventionSignedEvent",
            "InstrumentDepositedEvent",
            "DenunciationNotifiedEvent",
            "CommunicationReceivedEvent",
            "RecordCorrectedEvent",
            "RecordRetractedEvent");

    @Test
    void everyEventClassHasASampleInThisTest() {
        assertThat(SAMPLES.stream().map(Object::getClass).toList())
                .containsExactlyInAnyOrderElementsOf(eventClasses().toList());
    }

    @ParameterizedTest
    @MethodSource("eventClasses")
    void eventClassIsAtRevisionOne(Class<?> eventClass) {
        assertThat(eventClass.getAnnotation(Revision.class))
                .as("@Revision on %s", eventClass.getSimpleName())
                .isNotNull()
                .extracting(Revision::value)
                .isEqualTo("1");
    }

    @ParameterizedTest
    @MethodSource("eventClasses")
    void eventSerializesToItsFixture(Class<?> eventClass) throws IOException {
        SerializedObject<String> serialized = SERIALIZER.serialize(sampleOf(eventClass), String.class);

        assertThat(serialized.getType().getName()).isEqualTo(eventClass.getName());
        assertThat(serialized.getType().getRevision()).isEqualTo("1");
        String fixture = resource("/events/" + eventClass.getSimpleName() + ".json");
        if (fixture == null || !MAPPER.readTree(fixture).equals(MAPPER.readTree(serialized.getData()))) {
            Path received = writeReceived(eventClass, serialized.getData());
            fail(
                    "The JSON of %s differs from src/test/resources/events/%s.json%nreceived (written to %s):%n%s",
                    eventClass.getSimpleName(), eventClass.getSimpleName(), received, serialized.getData());
        }
    }

    @ParameterizedTest
    @MethodSource("eventClasses")
    void fixtureDeserializesToAnEqualEvent(Class<?> eventClass) {
        String fixture = resource("/events/" + eventClass.getSimpleName() + ".json");
        assertThat(fixture)
                .as("fixture events/%s.json", eventClass.getSimpleName())
                .isNotNull();

        Object event = deserialize(fixture, eventClass.getName());

        assertThat(event).isEqualTo(sampleOf(eventClass));
    }

    @ParameterizedTest
    @MethodSource("firstShape")
    void eventStoredInTheFirstShapeOfRevisionOneStillReadsWithEveryFieldKept(String simpleName) throws IOException {
        String stored = resource("/events/revision-1-first-shape/" + simpleName + ".json");
        assertThat(stored)
                .as("fixture events/revision-1-first-shape/%s.json", simpleName)
                .isNotNull();

        Object event = deserialize(stored, TreatyEvent.class.getPackageName() + "." + simpleName);
        JsonNode rewritten =
                MAPPER.readTree(SERIALIZER.serialize(event, String.class).getData());

        assertKept(MAPPER.readTree(stored), rewritten, simpleName);
    }

    @Test
    void datesAreWrittenAsIsoDates() throws IOException {
        String json = SERIALIZER
                .serialize(sampleOf(ConventionSignedEvent.class), String.class)
                .getData();

        assertThat(MAPPER.readTree(json).get("signedOn").asText()).isEqualTo("2025-10-25");
    }

    static Stream<Class<?>> eventClasses() {
        return EVENT_CLASSES.stream();
    }

    static Stream<String> firstShape() {
        return FIRST_SHAPE.stream();
    }

    private static TreatyEvent sampleOf(Class<?> eventClass) {
        return SAMPLES.stream()
                .filter(eventClass::isInstance)
                .findFirst()
                .orElseThrow(() -> new AssertionError("No sample of " + eventClass.getSimpleName()));
    }

    private static Object deserialize(String json, String className) {
        return SERIALIZER.deserialize(new SimpleSerializedObject<>(json, String.class, className, "1"));
    }

    /** Every field of {@code stored}, at any depth, is in {@code rewritten} with the same value. */
    private static void assertKept(JsonNode stored, JsonNode rewritten, String path) {
        if (stored.isObject()) {
            stored.fieldNames().forEachRemaining(field -> {
                assertThat(rewritten.has(field))
                        .as("%s.%s is kept", path, field)
                        .isTrue();
                assertKept(stored.get(field), rewritten.get(field), path + "." + field);
            });
        } else {
            assertThat(rewritten).as(path).isEqualTo(stored);
        }
    }

    private static String resource(String name) {
        try (InputStream in = EventJsonShapeTest.class.getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path writeReceived(Class<?> eventClass, String json) throws IOException {
        Path file = Path.of("target", "events-received", eventClass.getSimpleName() + ".json");
        Files.createDirectories(file.getParent());
        Files.writeString(
                file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(MAPPER.readTree(json)) + "\n");
        return file.toAbsolutePath();
    }
}
