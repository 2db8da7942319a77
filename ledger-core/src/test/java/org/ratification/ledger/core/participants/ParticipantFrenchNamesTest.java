package org.ratification.ledger.core.participants;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The participants' French short names are the United Nations' own (UNTERM, the names the
 * Secretariat's French texts use), pinned on a sample.
 *
 * <p>Sources: the UN list of Member States in French, press release ORG/1469 of 3 July 2006
 * (Department of Public Information), for the names unchanged since; for those changed since, the
 * change the UN recorded: Bolivie (État plurinational de) (2009), Libye (2011), Cabo Verde (2013),
 * Tchéquie (short name entered in UNTERM at the Czech Government's request, 2016), Eswatini (2018),
 * Macédoine du Nord (2019), Türkiye (in every language from 1 June 2022, announced by the
 * Secretary-General's spokesperson), Pays-Bas (Royaume des) (2023). The 2006 list wrote
 * "Saint-Vincent-et-Grenadines"; UNTERM and ISO 3166 now write "Saint-Vincent-et-les Grenadines".
 */
class ParticipantFrenchNamesTest {

    private final ParticipantRegistry registry = ParticipantRegistry.standard();

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                // unchanged since ORG/1469 (2006)
                "DEU|Allemagne",
                "ZAF|Afrique du Sud",
                "SAU|Arabie saoudite",
                "BLR|Bélarus",
                "BRN|Brunéi Darussalam",
                "CIV|Côte d'Ivoire",
                "USA|États-Unis d'Amérique",
                "RUS|Fédération de Russie",
                "FJI|Fidji",
                "GNQ|Guinée équatoriale",
                "MHL|Îles Marshall",
                "IRN|Iran (République islamique d')",
                "IRQ|Iraq",
                "KGZ|Kirghizistan",
                "SYR|République arabe syrienne",
                "KOR|République de Corée",
                "LAO|République démocratique populaire lao",
                "MDA|République de Moldova",
                "PRK|République populaire démocratique de Corée",
                "TZA|République-Unie de Tanzanie",
                "GBR|Royaume-Uni de Grande-Bretagne et d'Irlande du Nord",
                "KNA|Saint-Kitts-et-Nevis",
                "STP|Sao Tomé-et-Principe",
                // changed since, as the UN recorded it
                "BOL|Bolivie (État plurinational de)",
                "LBY|Libye",
                "CPV|Cabo Verde",
                "CZE|Tchéquie",
                "SWZ|Eswatini",
                "MKD|Macédoine du Nord",
                "TUR|Türkiye",
                "NLD|Pays-Bas (Royaume des)",
                "COD|République démocratique du Congo",
                "SVK|Slovaquie",
                "VCT|Saint-Vincent-et-les Grenadines"
            })
    void theFrenchShortNameIsTheUnitedNations(String code, String french) {
        assertThat(registry.frenchNameOf(code)).isEqualTo(french);
    }
}
