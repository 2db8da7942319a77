package org.ratification.ledger.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.ratification.ledger.core.api.ConventionSignedEvent;
import org.ratification.ledger.core.api.DenunciationClause;
import org.ratification.ledger.core.api.DenunciationNotifiedEvent;
import org.ratification.ledger.core.api.EntryIntoForceClause;
import org.ratification.ledger.core.api.InstrumentDepositedEvent;
import org.ratification.ledger.core.api.InstrumentType;
import org.ratification.ledger.core.api.LaterInstrumentsFrom;
import org.ratification.ledger.core.api.ParticipantStatus;
import org.ratification.ledger.core.api.ParticipantView;
import org.ratification.ledger.core.api.SignatureClause;
import org.ratification.ledger.core.api.TreatyDefinition;
import org.ratification.ledger.core.api.TreatyEvent;
import org.ratification.ledger.core.api.TreatyRegisteredEvent;
import org.ratification.ledger.core.api.WeightedCondition;
import org.ratification.ledger.core.participants.ParticipantRegistry;

/**
 * The named-set (family 4) and weighted (family 5) conditions of docs/CLAUSES.md with real treaties: the
 * CTBT's Annex 2, the Kyoto Protocol's share of Annex I 1990 CO2 and the Paris Agreement's share of global
 * emissions. The rows, and the weights of each definition, are transcribed in
 * {@code src/test/resources/published/} (each file names its sources). A row whose {@code source} is
 * {@code stand-in} is not transcribed: it fills what no stored copy of the table gave, within the bounds
 * the sources publish, and is never checked on its own; every other row with a date of entry into force is
 * checked against it, and a row without one must have none.
 */
class PublishedNamedAndWeightedTablesTest {

    private static final ParticipantRegistry REGISTRY = ParticipantRegistry.standard();
    private final StatusCalculator calculator = new StatusCalculator(REGISTRY);

    /** CTBT art. XIV(1) and Annex 2, in the Annex's order ("Zaire" is COD). */
    static final List<String> ANNEX_2 = List.of(
            "DZA", "ARG", "AUS", "AUT", "BGD", "BEL", "BRA", "BGR", "CAN", "CHL", "CHN", "COL", "PRK", "EGY", "FIN",
            "FRA", "DEU", "HUN", "IND", "IDN", "IRN", "ISR", "ITA", "JPN", "MEX", "NLD", "NOR", "PAK", "PER", "POL",
            "ROU", "KOR", "RUS", "SVK", "ZAF", "ESP", "SWE", "CHE", "TUR", "UKR", "GBR", "USA", "VNM", "COD");

    /**
     * CTBT art. XIV(1): "180 days after the date of deposit of the instruments of ratification by all States
     * listed in Annex 2 …, but in no case earlier than two years after its opening for signature"; art.
     * XIV(5): later States, the 30th day after their deposit; art. XI: open for signature until entry into
     * force; art. IX: withdrawal six months after notice (families 2, 3, 4, 6, 7).
     */
    static final TreatyDefinition CTBT = new TreatyDefinition(
            "XXVI-4",
            "XXVI-4",
            "Comprehensive Nuclear-Test-Ban Treaty",
            LocalDate.of(1996, 9, 10),
            new SignatureClause(LocalDate.of(1996, 9, 24), null, true),
            new EntryIntoForceClause(
                    44,
                    180,
                    30,
                    false,
                    null,
                    null,
                    null,
                    LocalDate.of(1998, 9, 24),
                    LaterInstrumentsFrom.ENTRY_INTO_FORCE,
                    ANNEX_2,
                    null,
                    List.of(InstrumentType.RATIFICATION)),
            new DenunciationClause(6));

    /**
     * Kyoto Protocol art. 25(1): "the ninetieth day after the date on which not less than 55 Parties …,
     * incorporating Parties included in Annex I which accounted in total for at least 55 per cent of the
     * total carbon dioxide emissions for 1990 of the Parties included in Annex I, have deposited"; 25(3):
     * later instruments, the ninetieth day after their deposit; 25(4): a REIO's instrument is not counted as
     * additional; art. 24: open for signature 16 March 1998 to 15 March 1999; art. 27: withdrawal after three
     * years in force for the Party, effective one year after notice (families 5, 8).
     */
    static TreatyDefinition kyoto(Map<String, Long> tenthsOfAPerCent) {
        return new TreatyDefinition(
                "XXVII-7-a",
                "XXVII-7-a",
                "Kyoto Protocol to the United Nations Framework Convention on Climate Change",
                LocalDate.of(1997, 12, 11),
                new SignatureClause(LocalDate.of(1998, 3, 16), LocalDate.of(1999, 3, 15)),
                new EntryIntoForceClause(
                        55,
                        90,
                        90,
                        false,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        new WeightedCondition(
                                tenthsOfAPerCent,
                                1000L,
                                55,
                                "the total carbon dioxide emissions for 1990 of the Parties included in Annex I"),
                        null),
                new DenunciationClause(12, false, null, 3));
    }

    /**
     * Paris Agreement art. 21(1): "the thirtieth day after the date on which at least 55 Parties to the
     * Convention accounting in total for at least an estimated 55 per cent of the total global greenhouse gas
     * emissions have deposited"; 21(2): the amounts communicated by the date of adoption (the secretariat's
     * table, Gg CO2 equivalent, total 37 168 339 Gg); 21(3): later instruments, the thirtieth day; 21(4): a
     * REIO's instrument is not counted as additional; art. 20: open for signature 22 April 2016 to 21 April
     * 2017; art. 28: withdrawal after three years in force for the Party, one year after notice (families 5, 8).
     */
    static TreatyDefinition paris(Map<String, Long> gigagrams) {
        return new TreatyDefinition(
                "XXVII-7-d",
                "XXVII-7-d",
                "Paris Agreement",
                LocalDate.of(2015, 12, 12),
                new SignatureClause(LocalDate.of(2016, 4, 22), LocalDate.of(2017, 4, 21)),
                new EntryIntoForceClause(
                        55,
                        30,
                        30,
                        false,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        new WeightedCondition(gigagrams, 37_168_339L, 55, "total global greenhouse gas emissions"),
                        null),
                new DenunciationClause(12, false, null, 3));
    }

    /** A transcribed row: {@code deposited} null for a signature only; {@code standIn} never checked. */
    record Row(
            String participant,
            LocalDate signed,
            LocalDate deposited,
            InstrumentType type,
            LocalDate published,
            boolean standIn) {}

    // --- family 4: the CTBT ------------------------------------------------------------------------

    @Test
    void ctbtIsNotInForceAndItsExplanationNamesTheAnnex2StatesStillMissing() throws IOException {
        assertRegistrable(CTBT);
        List<Row> rows = rows("ctbt.csv");
        var actions = TreatyFacts.fold(events(CTBT, rows)).actions();

        // the counts the CTBTO and the UN published on the day of these deposits (and the day before)
        Map<LocalDate, Integer> published = new LinkedHashMap<>();
        published.put(LocalDate.of(1998, 4, 6), 6); // France and the United Kingdom: "only six"
        published.put(LocalDate.of(2003, 7, 10), 31);
        published.put(LocalDate.of(2003, 7, 11), 32); // Algeria, "the 32nd Annex 2 State"
        published.put(LocalDate.of(2004, 9, 28), 33); // Democratic Republic of the Congo
        published.put(LocalDate.of(2006, 3, 10), 34); // Viet Nam
        published.put(LocalDate.of(2008, 1, 29), 35); // Colombia
        published.put(LocalDate.of(2012, 2, 5), 35);
        published.put(LocalDate.of(2012, 2, 6), 36); // Indonesia: eight remain
        published.forEach((day, deposited) -> assertThat(
                        calculator.asOf(CTBT, actions, day).treaty().explanation())
                .as("Annex 2 ratifications on %s", day)
                .contains("Named participants: " + deposited + " of 44 have deposited; " + (44 - deposited)
                        + " missing: "));

        // 1 November 2023, the day before the Russian Federation revoked its ratification (not modelled)
        StatusCalculator.Status status = calculator.asOf(CTBT, actions, LocalDate.of(2023, 11, 1));
        assertThat(status.treaty().thresholdReachedOn()).isNull();
        assertThat(status.treaty().entryIntoForceOn()).isNull();
        assertThat(status.treaty().inForce()).isFalse();
        assertThat(status.treaty().openForSignature()).isTrue(); // art. XI: until entry into force
        assertThat(status.treaty().explanation())
                .contains("Named participants: 36 of 44 have deposited; 8 missing: China, Democratic People's"
                        + " Republic of Korea, Egypt, India, Iran (Islamic Republic of), Israel, Pakistan,"
                        + " United States of America.")
                .contains("once all 44 named participants have deposited theirs, but in no case earlier than"
                        + " 1998-09-24");
        assertPublishedDates(status, rows);
        assertNoViolationsAbout(events(CTBT, rows), rows);
    }

    // --- family 5: the Kyoto Protocol --------------------------------------------------------------

    @Test
    void kyotoProtocolEntersIntoForceNinetyDaysAfterRussiaBringsAnnexIToFiftyFivePerCent() throws IOException {
        TreatyDefinition kyoto = kyoto(weights("kyoto-annex-i-co2-1990.csv"));
        assertRegistrable(kyoto);
        List<Row> rows = rows("kyoto-protocol.csv");
        List<TreatyEvent> events = events(kyoto, rows);
        TreatyFacts facts = TreatyFacts.fold(events);

        // the day before: the count is met (Iceland was the 55th, 23 May 2002), the share is not: the UNFCCC
        // reported 44.2 % ratified from April 2004 on
        StatusCalculator.Status before = calculator.asOf(kyoto, facts.actions(), LocalDate.of(2004, 11, 17));
        assertThat(before.treaty().thresholdReachedOn()).isNull();
        assertThat(before.treaty().explanation())
                .contains("; the required number (55) is reached.")
                .contains("Weighted condition: 44.20 per cent of the required 55 per cent of the total carbon dioxide"
                        + " emissions for 1990 of the Parties included in Annex I (not met).");

        // with Russia's 17.4 %, 61.6 % (published at the time); with Australia's 2.1 % (12 December 2007),
        // the 63.7 % published since
        assertThat(calculator
                        .asOf(kyoto, facts.actions(), LocalDate.of(2004, 11, 18))
                        .treaty()
                        .explanation())
                .contains("deposited by Russian Federation on 2004-11-18")
                .contains("Weighted condition: 61.60 per cent of the required 55 per cent")
                .contains("(met).");
        StatusCalculator.Status status = calculator.asOf(kyoto, facts.actions(), LocalDate.of(2010, 1, 1));
        assertThat(status.treaty().thresholdReachedOn()).isEqualTo(LocalDate.of(2004, 11, 18));
        assertThat(status.treaty().thresholdParticipant()).isEqualTo("RUS");
        assertThat(status.treaty().entryIntoForceOn()).isEqualTo(LocalDate.of(2005, 2, 16));
        assertThat(status.treaty().explanation()).contains("Weighted condition: 63.70 per cent");
        // Algeria (16 February 2005, the general date itself) 17 May 2005; Australia 11 March 2008; …
        assertPublishedDates(status, rows);
        assertNoViolationsAbout(events, rows);

        // art. 27: Canada's withdrawal, notified 15 December 2011, took effect on 15 December 2012
        TreatyRules rules = new TreatyRules(REGISTRY);
        TreatyFacts early = facts.copy();
        LocalDate tooEarly = LocalDate.of(2008, 2, 15); // three years in force for Canada end on 16 February 2008
        early.apply(new DenunciationNotifiedEvent(
                kyoto.id(), "early", "CAN", tooEarly, early.denunciationTakesEffect(tooEarly)));
        assertThat(rules.check(early, "early"))
                .hasValueSatisfying(r -> assertThat(r.code()).isEqualTo("DENUNCIATION_TOO_EARLY"));
        LocalDate notified = LocalDate.of(2011, 12, 15);
        facts.apply(new DenunciationNotifiedEvent(
                kyoto.id(), "can-withdrawal", "CAN", notified, facts.denunciationTakesEffect(notified)));
        assertThat(rules.violations(facts).stream()
                        .filter(v -> v.recordId().equals("can-withdrawal"))
                        .toList())
                .isEmpty();
        ParticipantView canada = calculator
                .asOf(kyoto, facts.actions(), LocalDate.of(2012, 12, 15))
                .participant("CAN")
                .orElseThrow();
        assertThat(canada.denunciationEffectiveOn()).isEqualTo(LocalDate.of(2012, 12, 15));
        assertThat(canada.status()).isEqualTo(ParticipantStatus.WITHDRAWN);
    }

    // --- family 5: the Paris Agreement -------------------------------------------------------------

    @Test
    void parisAgreementEntersIntoForceThirtyDaysAfterTheFifthOfOctober2016() throws IOException {
        TreatyDefinition paris = paris(weights("paris-article-21-emissions.csv"));
        assertRegistrable(paris);
        List<Row> rows = rows("paris-agreement.csv");
        List<TreatyEvent> events = events(paris, rows);
        var actions = TreatyFacts.fold(events).actions();

        // 4 October 2016: 63 States, the count met, but their rows in the table sum to 52.13 % of the total
        StatusCalculator.Status before = calculator.asOf(paris, actions, LocalDate.of(2016, 10, 4));
        assertThat(before.treaty().thresholdReachedOn()).isNull();
        assertThat(before.treaty().explanation())
                .startsWith("63 instruments counted")
                .contains("; the required number (55) is reached.")
                .contains("Weighted condition: 52.13 per cent of the required 55 per cent of total global"
                        + " greenhouse gas emissions (not met).");

        StatusCalculator.Status status = calculator.asOf(paris, actions, LocalDate.of(2017, 10, 1));
        assertThat(status.treaty().thresholdReachedOn()).isEqualTo(LocalDate.of(2016, 10, 5));
        assertThat(status.treaty().entryIntoForceOn()).isEqualTo(LocalDate.of(2016, 11, 4));
        assertThat(status.treaty().explanation()).contains("(met).");
        // every published date of effect: Poland (7 October 2016) 6 November 2016, Rwanda 5 November, …
        assertPublishedDates(status, rows);
        // the European Union's own instrument takes effect although it is not counted (art. 21(4))
        assertThat(status.participant("EU").orElseThrow().entryIntoForceOn()).isEqualTo(LocalDate.of(2016, 11, 4));
        assertNoViolationsAbout(events, rows);
    }

    // --- docs/CLAUSES.md ---------------------------------------------------------------------------

    @Test
    void theExamplesOfTheClausesDocumentAreTheDefinitionsTestedHere() throws IOException {
        Map<String, TreatyDefinition> documented = new LinkedHashMap<>();
        Matcher block = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL)
                .matcher(Files.readString(Path.of("../docs/CLAUSES.md")));
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
        while (block.find()) {
            TreatyDefinition d = json.readValue(block.group(1), TreatyDefinition.class);
            documented.put(d.reference(), d);
        }
        for (TreatyDefinition tested : List.of(
                CTBT, kyoto(weights("kyoto-annex-i-co2-1990.csv")), paris(weights("paris-article-21-emissions.csv")))) {
            TreatyDefinition doc = documented.get(tested.reference());
            assertThat(doc).as(tested.reference()).isNotNull();
            assertThat(doc.title()).isEqualTo(tested.title());
            assertThat(doc.adoptedOn()).isEqualTo(tested.adoptedOn());
            assertThat(doc.signature()).isEqualTo(tested.signature());
            assertThat(doc.entryIntoForce()).isEqualTo(tested.entryIntoForce());
            assertThat(doc.denunciation()).isEqualTo(tested.denunciation());
        }
    }

    // --- helpers ----------------------------------------------------------------------------------

    /** The definition passes the checks of registration. */
    private static void assertRegistrable(TreatyDefinition definition) {
        assertThat(DefinitionRules.check(definition.id(), definition)).isEmpty();
        assertThat(DefinitionRules.checkParticipants(definition, REGISTRY)).isEmpty();
    }

    /** Every transcribed row's published date (none where the row has none); stand-ins are not checked. */
    private static void assertPublishedDates(StatusCalculator.Status status, List<Row> rows) {
        rows.stream().filter(r -> !r.standIn() && r.deposited() != null).forEach(row -> assertThat(
                        status.participant(row.participant()).orElseThrow().entryIntoForceOn())
                .as("entry into force for %s", row.participant())
                .isEqualTo(row.published()));
    }

    /**
     * No rule refuses a transcribed signature or instrument (stand-ins aside), except that a ratification
     * whose signature is not transcribed is, of course, not preceded by one.
     */
    private static void assertNoViolationsAbout(List<TreatyEvent> events, List<Row> rows) {
        List<String> transcribed = rows.stream()
                .filter(r -> !r.standIn())
                .flatMap(r -> List.of("sig-" + r.participant(), "dep-" + r.participant()).stream())
                .toList();
        List<String> signatureNotTranscribed = rows.stream()
                .filter(r -> r.signed() == null)
                .map(r -> "dep-" + r.participant())
                .toList();
        assertThat(new TreatyRules(REGISTRY)
                        .violations(TreatyFacts.fold(events)).stream()
                                .filter(v -> transcribed.contains(v.recordId()))
                                .filter(v -> !(v.rejection().code().equals("NOT_SIGNED")
                                        && signatureNotTranscribed.contains(v.recordId())))
                                .toList())
                .isEmpty();
    }

    /** A REIO's instrument declares the extent of its competence (the texts are not transcribed). */
    static final String COMPETENCE = "Declaration of the extent of its competence (text not transcribed).";

    /** The definition's registration, then each row's signature and instrument, through the events the aggregate records. */
    static List<TreatyEvent> events(TreatyDefinition definition, List<Row> rows) {
        String id = definition.id();
        List<TreatyEvent> events = new ArrayList<>(List.of(new TreatyRegisteredEvent(id, "reg", definition)));
        for (Row row : rows) {
            if (row.signed() != null) {
                events.add(new ConventionSignedEvent(
                        id, "sig-" + row.participant(), row.participant(), row.signed(), null));
            }
            if (row.deposited() != null) {
                events.add(new InstrumentDepositedEvent(
                        id,
                        "dep-" + row.participant(),
                        row.participant(),
                        row.type(),
                        row.deposited(),
                        REGISTRY.isReio(row.participant()) ? List.of(COMPETENCE) : List.of(),
                        List.of()));
            }
        }
        return events;
    }

    /** {@code participant,signed,deposited,type,entryIntoForce,source}. */
    static List<Row> rows(String file) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String[] c : lines(file)) {
            rows.add(new Row(
                    c[0],
                    date(c[1]),
                    date(c[2]),
                    c[3].isBlank() ? null : InstrumentType.valueOf(c[3]),
                    date(c[4]),
                    c[5].equals("stand-in")));
        }
        return rows;
    }

    /** The first two columns of a weights table: participant code and whole-number weight. */
    static Map<String, Long> weights(String file) throws IOException {
        Map<String, Long> weights = new LinkedHashMap<>();
        for (String[] c : lines(file)) {
            weights.put(c[0], Long.parseLong(c[1]));
        }
        return weights;
    }

    private static List<String[]> lines(String file) throws IOException {
        List<String[]> lines = new ArrayList<>();
        try (var in = PublishedNamedAndWeightedTablesTest.class.getResourceAsStream("/published/" + file);
                var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            boolean header = true;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                lines.add(line.split(",", -1));
            }
        }
        return lines;
    }

    private static LocalDate date(String s) {
        return s.isBlank() ? null : LocalDate.parse(s);
    }
}
