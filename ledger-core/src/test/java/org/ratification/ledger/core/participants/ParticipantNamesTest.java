package org.ratification.ledger.core.participants;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Participants found by the names published status tables give them (participant-aliases.csv). */
class ParticipantNamesTest {

    private final ParticipantRegistry registry = ParticipantRegistry.standard();

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Germany|DEU",
                "Germany2,3|DEU",
                "China 3, 4|CHN",
                "Swaziland|SWZ",
                "Eswatini|SWZ",
                "Turkey|TUR",
                "Türkiye|TUR",
                "The former Yugoslav Republic of Macedonia|MKD",
                "Cape Verde|CPV",
                "St. Lucia|LCA",
                "Czech Republic|CZE",
                "Côte d’Ivoire|CIV",
                "COTE D'IVOIRE|CIV",
                "Netherlands (Kingdom of the)5|NLD",
                "Netherlands|NLD",
                "Bolivia (Plurinational State of)|BOL",
                "German Democratic Republic|DDR",
                "Union of Soviet Socialist Republics|SUN",
                "Serbia and Montenegro|SCG",
                "European Union|EU",
                "Allemagne|DEU",
                "FRA|FRA"
            })
    void aPublishedNameFindsItsCode(String name, String code) {
        assertThat(registry.codeForName(name)).contains(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Atlantis", "", "Korea", "123"})
    void anUnknownNameFindsNothing(String name) {
        assertThat(registry.codeForName(name)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void everyParticipantsOwnNameFindsItsCodeSoThatAnExportedTableImportsBack() {
        java.util.List<Participant> everyone = new java.util.ArrayList<>(registry.all());
        everyone.addAll(registry.former());
        for (Participant participant : everyone) {
            assertThat(registry.codeForName(participant.name()))
                    .as(participant.name())
                    .contains(participant.code());
            assertThat(registry.codeForName(registry.frenchNameOf(participant.code())))
                    .as(registry.frenchNameOf(participant.code()))
                    .contains(participant.code());
        }
    }

    @org.junit.jupiter.api.Test
    void successorsNameTheirPredecessorAndTheDateOfSuccession() {
        assertThat(registry.successionOf("MNE"))
                .hasValueSatisfying(s -> assertThat(s.predecessor()).isEqualTo("SCG"));
        assertThat(registry.successionOf("FRA")).isEmpty();
    }
}
