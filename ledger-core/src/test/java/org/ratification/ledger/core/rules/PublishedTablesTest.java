package org.ratification.ledger.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ratification.ledger.core.api.ConventionSignedEvent;
import org.ratification.ledger.core.api.DateRounding;
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
import org.ratification.ledger.core.participants.Participant;
import org.ratification.ledger.core.participants.ParticipantRegistry;

/**
 * Real treaties of the clause families of docs/CLAUSES.md, with rows of their published status
 * tables transcribed in {@code src/test/resources/published/} (each file names its sources),
 * checked against the published general date of entry into force and the published date for each
 * transcribed State. Where only part of a table is transcribed, the instruments that make up the
 * threshold count are stand-ins: other participants of the registry, dated on the published date
 * of the threshold instrument, so the threshold falls on the published day; they are never checked.
 */
class PublishedTablesTest {

    private static final ParticipantRegistry REGISTRY = ParticipantRegistry.standard();
    private final StatusCalculator calculator = new StatusCalculator(REGISTRY);

    /** Rome Statute art. 126: "the first day of the month after the 60th day following" (family 1). */
    static final TreatyDefinition ROME = new TreatyDefinition(
            "XVIII-10",
            "XVIII-10",
            "Rome Statute of the International Criminal Court",
            LocalDate.of(1998, 7, 17),
            new SignatureClause(LocalDate.of(1998, 7, 17), LocalDate.of(2000, 12, 31)),
            new EntryIntoForceClause(
                    60, 60, 60, true, null, null, DateRounding.FIRST_DAY_OF_NEXT_MONTH, null, null, null, null, null),
            new DenunciationClause(12));

    /**
     * Ottawa Convention art. 15 and 17: "the first day of the sixth month after the month in which the
     * 40th instrument … has been deposited"; open for signature until entry into force (families 1, 7).
     */
    static final TreatyDefinition OTTAWA = new TreatyDefinition(
            "XXVI-5",
            "XXVI-5",
            "Convention on the Prohibition of the Use, Stockpiling, Production and Transfer of Anti-Personnel"
                    + " Mines and on their Destruction",
            LocalDate.of(1997, 9, 18),
            new SignatureClause(LocalDate.of(1997, 12, 3), null, true),
            new EntryIntoForceClause(
                    40, 0, 0, true, 6, 6, DateRounding.FIRST_DAY_OF_MONTH, null, null, null, null, null),
            new DenunciationClause(6));

    /**
     * Chemical Weapons Convention art. XXI: 180 days after the 65th instrument "but in no case earlier
     * than two years after its opening for signature"; later instruments 30 days, their clock from
     * entry into force; ratifications and accessions count; open for signature until entry into
     * force; withdrawal 90 days after notice (families 2, 3, 6, 7, 8).
     */
    static final TreatyDefinition CWC = new TreatyDefinition(
            "XXVI-3",
            "XXVI-3",
            "Convention on the Prohibition of the Development, Production, Stockpiling and Use of Chemical"
                    + " Weapons and on their Destruction",
            LocalDate.of(1992, 9, 3),
            new SignatureClause(LocalDate.of(1993, 1, 13), null, true),
            new EntryIntoForceClause(
                    65,
                    180,
                    30,
                    false,
                    null,
                    null,
                    null,
                    LocalDate.of(1995, 1, 13),
                    LaterInstrumentsFrom.ENTRY_INTO_FORCE,
                    null,
                    null,
                    List.of(InstrumentType.RATIFICATION, InstrumentType.ACCESSION)),
            new DenunciationClause(0, false, 90, null));

    /** Paris Agreement art. 21 and 28: a Party may withdraw three years after entry into force for it (family 8). */
    static final TreatyDefinition PARIS = new TreatyDefinition(
            "XXVII-7-d",
            "XXVII-7-d",
            "Paris Agreement",
            LocalDate.of(2015, 12, 12),
            new SignatureClause(LocalDate.of(2016, 4, 22), LocalDate.of(2017, 4, 21)),
            new EntryIntoForceClause(55, 30, 30, false),
            new DenunciationClause(12, false, null, 3));

    record Row(String participant, LocalDate signed, LocalDate deposited, InstrumentType type, LocalDate published) {}

    @Test
    void romeStatuteEntersIntoForceOnTheFirstDayOfTheMonthAfterTheSixtiethDay() throws IOException {
        List<Row> rows = rows("rome-statute.csv");
        List<TreatyEvent> events = events(ROME, rows, LocalDate.of(2002, 4, 11), 60 - 6);

        StatusCalculator.Status status =
                calculator.asOf(ROME, TreatyFacts.fold(events).actions(), LocalDate.of(2025, 1, 1));

        assertThat(status.treaty().thresholdReachedOn()).isEqualTo(LocalDate.of(2002, 4, 11));
        assertThat(status.treaty().entryIntoForceOn()).isEqualTo(LocalDate.of(2002, 7, 1));
        assertThat(status.treaty().explanation())
                .contains("the first day of the month after the 60th day following the date of deposit of the 60th");
        assertPublishedDates(status, rows);
        assertNoViolationsAbout(ROME, events, rows);
    }

    @Test
    void ottawaConventionEntersIntoForceOnTheFirstDayOfTheSixthMonthAndClosesForSignature() throws IOException {
        List<Row> rows = rows("ottawa.csv");
        List<TreatyEvent> events = events(OTTAWA, rows, LocalDate.of(1998, 9, 16), 0);
        TreatyFacts facts = TreatyFacts.fold(events);

        StatusCalculator.Status status = calculator.asOf(OTTAWA, facts.actions(), LocalDate.of(2000, 1, 1));

        assertThat(status.treaty().thresholdReachedOn()).isEqualTo(LocalDate.of(1998, 9, 16));
        assertThat(status.treaty().thresholdParticipant()).isEqualTo("BFA");
        assertThat(status.treaty().entryIntoForceOn()).isEqualTo(LocalDate.of(1999, 3, 1));
        assertPublishedDates(status, rows);
        // art. 15: open for signature "until its entry into force"
        assertThat(calculator
                        .asOf(OTTAWA, facts.actions(), LocalDate.of(1999, 2, 28))
                        .treaty()
                        .openForSignature())
                .isTrue();
        assertThat(status.treaty().openForSignature()).isFalse();
        facts.apply(new ConventionSignedEvent("XXVI-5", "late", "POL", LocalDate.of(1999, 3, 1), "New York"));
        assertThat(new TreatyRules(REGISTRY).check(facts, "late"))
                .hasValueSatisfying(r -> assertThat(r.code()).isEqualTo("SIGNATURE_PERIOD_CLOSED"));
    }

    @Test
    void chemicalWeaponsConventionGivesTheGeneralDateToInstrumentsDepositedBeforeIt() throws IOException {
        List<Row> rows = rows("chemical-weapons.csv");
        List<TreatyEvent> events = events(CWC, rows, LocalDate.of(1996, 10, 30), 64 - 11);

        StatusCalculator.Status status =
                calculator.asOf(CWC, TreatyFacts.fold(events).actions(), LocalDate.of(2020, 1, 1));

        assertThat(status.treaty().thresholdReachedOn()).isEqualTo(LocalDate.of(1996, 10, 31));
        assertThat(status.treaty().thresholdParticipant()).isEqualTo("HUN");
        assertThat(status.treaty().entryIntoForceOn()).isEqualTo(LocalDate.of(1997, 4, 29));
        // Bahrain deposited on 28 April 1997, the day before: the general date, not 28 May 1997
        assertThat(status.participant("BHR").orElseThrow().entryIntoForceOn()).isEqualTo(LocalDate.of(1997, 4, 29));
        assertPublishedDates(status, rows);
        assertNoViolationsAbout(CWC, events, rows);
    }

    @Test
    void parisAgreementRefusesAWithdrawalBeforeThreeYearsInForceForTheParty() {
        // USA: acceptance 3 September 2016; in force for it 4 November 2016 (the general date, the
        // threshold having been reached on 5 October 2016); notification of withdrawal 4 November
        // 2019, the first day allowed; effective 4 November 2020 (ASIL; NEI Magazine, 9 November 2020).
        List<Row> rows = List.of(new Row(
                "USA",
                LocalDate.of(2016, 4, 22),
                LocalDate.of(2016, 9, 3),
                InstrumentType.ACCEPTANCE,
                LocalDate.of(2016, 11, 4)));
        List<TreatyEvent> events = events(PARIS, rows, LocalDate.of(2016, 10, 5), 54);
        TreatyFacts facts = TreatyFacts.fold(events);
        StatusCalculator.Status status = calculator.asOf(PARIS, facts.actions(), LocalDate.of(2017, 1, 1));
        assertThat(status.treaty().entryIntoForceOn()).isEqualTo(LocalDate.of(2016, 11, 4));
        assertPublishedDates(status, rows);

        TreatyRules rules = new TreatyRules(REGISTRY);
        TreatyFacts early = facts.copy();
        early.apply(new DenunciationNotifiedEvent(
                "XXVII-7-d",
                "early",
                "USA",
                LocalDate.of(2019, 11, 3),
                early.denunciationTakesEffect(LocalDate.of(2019, 11, 3))));
        assertThat(rules.check(early, "early"))
                .hasValueSatisfying(r -> assertThat(r.code()).isEqualTo("DENUNCIATION_TOO_EARLY"));

        facts.apply(new DenunciationNotifiedEvent(
                "XXVII-7-d",
                "den",
                "USA",
                LocalDate.of(2019, 11, 4),
                facts.denunciationTakesEffect(LocalDate.of(2019, 11, 4))));
        assertThat(rules.check(facts, "den")).isEmpty();
        ParticipantView usa = calculator
                .asOf(PARIS, facts.actions(), LocalDate.of(2020, 11, 4))
                .participant("USA")
                .orElseThrow();
        assertThat(usa.denunciationEffectiveOn()).isEqualTo(LocalDate.of(2020, 11, 4));
        assertThat(usa.status()).isEqualTo(ParticipantStatus.WITHDRAWN);
    }

    // --- helpers ----------------------------------------------------------------------------------

    private static void assertPublishedDates(StatusCalculator.Status status, List<Row> rows) {
        for (Row row : rows) {
            assertThat(status.participant(row.participant()).orElseThrow().entryIntoForceOn())
                    .as("entry into force for %s", row.participant())
                    .isEqualTo(row.published());
        }
    }

    /** No rule refuses a transcribed signature (signature windows, family 7). */
    private static void assertNoViolationsAbout(TreatyDefinition definition, List<TreatyEvent> events, List<Row> rows) {
        TreatyFacts facts = TreatyFacts.fold(events);
        Set<String> signatures = new HashSet<>();
        rows.stream().filter(r -> r.signed() != null).forEach(r -> signatures.add("sig-" + r.participant()));
        assertThat(new TreatyRules(REGISTRY)
                        .violations(facts).stream()
                                .filter(v -> signatures.contains(v.recordId()))
                                .toList())
                .isEmpty();
    }

    /** The rows' signatures and instruments, plus {@code standIns} accessions dated {@code standInDate}. */
    static List<TreatyEvent> events(TreatyDefinition definition, List<Row> rows, LocalDate standInDate, int standIns) {
        String id = definition.id();
        List<TreatyEvent> events = new ArrayList<>(List.of(new TreatyRegisteredEvent(id, "reg", definition)));
        Set<String> used = new HashSet<>();
        for (Row row : rows) {
            used.add(row.participant());
            if (row.signed() != null) {
                events.add(new ConventionSignedEvent(
                        id, "sig-" + row.participant(), row.participant(), row.signed(), null));
            }
            events.add(new InstrumentDepositedEvent(
                    id,
                    "dep-" + row.participant(),
                    row.participant(),
                    row.type(),
                    row.deposited(),
                    List.of(),
                    List.of()));
        }
        REGISTRY.all().stream()
                .map(Participant::code)
                .filter(code -> !REGISTRY.isReio(code) && !used.contains(code))
                .sorted()
                .limit(standIns)
                .forEach(code -> events.add(new InstrumentDepositedEvent(
                        id, "stand-in-" + code, code, InstrumentType.ACCESSION, standInDate, List.of(), List.of())));
        return events;
    }

    static List<Row> rows(String file) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (var in = PublishedTablesTest.class.getResourceAsStream("/published/" + file);
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
                String[] c = line.split(",", -1);
                rows.add(new Row(c[0], date(c[1]), LocalDate.parse(c[2]), InstrumentType.valueOf(c[3]), date(c[4])));
            }
        }
        return rows;
    }

    private static LocalDate date(String s) {
        return s.isBlank() ? null : LocalDate.parse(s);
    }
}
