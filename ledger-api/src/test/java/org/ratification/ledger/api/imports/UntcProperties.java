package org.ratification.ledger.api.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.ratification.ledger.core.api.InstrumentType;
import org.ratification.ledger.core.api.InstrumentView;
import org.ratification.ledger.core.api.ParticipantStatus;
import org.ratification.ledger.core.api.ParticipantView;
import org.ratification.ledger.core.participants.Participant;
import org.ratification.ledger.core.participants.ParticipantRegistry;

/** What the UNTC layout writes, the reader reads back: every date, every kind, every participant. */
class UntcProperties {

    private static final ParticipantRegistry REGISTRY = ParticipantRegistry.standard();

    @Provide
    Arbitrary<LocalDate> dates() {
        return Arbitraries.longs()
                .between(
                        LocalDate.of(1000, 1, 1).toEpochDay(),
                        LocalDate.of(9999, 12, 31).toEpochDay())
                .map(LocalDate::ofEpochDay);
    }

    @Property(tries = 500)
    void aCellReadsBackAsWritten(@ForAll("dates") LocalDate date, @ForAll InstrumentType type) {
        UntcCell cell = UntcCell.parse(UntcCell.format(date, type.letter())).orElseThrow();
        assertThat(cell.date()).isEqualTo(date);
        assertThat(cell.instrumentType()).isEqualTo(type);
    }

    @Provide
    Arbitrary<List<ParticipantView>> tables() {
        List<Participant> participants = new ArrayList<>(REGISTRY.all());
        participants.addAll(REGISTRY.former());
        Arbitrary<ParticipantView> row = Combinators.combine(
                        Arbitraries.of(participants),
                        dates().injectNull(0.3),
                        dates(),
                        Arbitraries.of(InstrumentType.class).injectNull(0.3))
                .as((p, signed, deposited, type) -> new ParticipantView(
                        p.code(),
                        p.name(),
                        type == null && signed == null ? deposited : signed,
                        null,
                        type == null ? null : new InstrumentView(type, type.letter(), deposited, "r", null, null),
                        null,
                        ParticipantStatus.SIGNATORY,
                        null,
                        null,
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of()));
        return row.list().ofMaxSize(30).uniqueElements(ParticipantView::participant);
    }

    @Property(tries = 200)
    void aWrittenTableReadsBackRowForRow(@ForAll("tables") List<ParticipantView> views) {
        String csv = UntcLayout.write(views);
        UntcTable.Table table = UntcTable.read(csv.getBytes(StandardCharsets.UTF_8));

        assertThat(table.rows()).hasSize(views.size());
        assertThat(table.ignoredColumns()).isEmpty();
        for (UntcTable.Row row : table.rows()) {
            String code = REGISTRY.codeForName(row.participant()).orElseThrow();
            ParticipantView view = views.stream()
                    .filter(v -> v.participant().equals(code))
                    .findFirst()
                    .orElseThrow();
            assertThat(UntcCell.parse(row.signature()).map(UntcCell::date))
                    .isEqualTo(java.util.Optional.ofNullable(view.signedOn()));
            assertThat(UntcCell.parse(row.instrument()).map(UntcCell::instrumentType))
                    .isEqualTo(java.util.Optional.ofNullable(view.instrument()).map(InstrumentView::type));
        }
    }
}
