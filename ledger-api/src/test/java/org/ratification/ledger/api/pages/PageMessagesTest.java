package org.ratification.ledger.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ratification.ledger.core.api.RecordType;

/** The pages' message bundles name every record type the event stream sends, in both languages. */
class PageMessagesTest {

    @ParameterizedTest
    @ValueSource(strings = {"messages/pages.properties", "messages/pages_fr.properties"})
    void everyRecordTypeOfTheEnvelopeHasAName(String bundle) throws IOException {
        Properties messages = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(bundle)) {
            assertThat(in).as(bundle).isNotNull();
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        for (RecordType type : RecordType.values()) {
            assertThat(messages.getProperty("event." + type.name()))
                    .as("event.%s in %s", type.name(), bundle)
                    .isNotBlank();
        }
        assertThat(messages.stringPropertyNames())
                .filteredOn(key -> key.startsWith("event."))
                .hasSize(RecordType.values().length);
    }
}
