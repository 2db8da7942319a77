package org.ratification.ledger.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every event a treaty's stream can hold has one record type, and each type one event. */
class RecordTypeTest {

    @Test
    void everyTreatyEventHasItsOwnRecordType() {
        List<Class<?>> events = new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages(TreatyEvent.class.getPackageName())
                        .stream()
                        .filter(c -> c.isAssignableTo(TreatyEvent.class) && !c.isInterface())
                        .<Class<?>>map(JavaClass::reflect)
                        .toList();

        assertThat(Arrays.stream(RecordType.values()).<Class<?>>map(RecordType::eventClass))
                .containsExactlyInAnyOrderElementsOf(events);
        for (RecordType type : RecordType.values()) {
            assertThat(RecordType.nameOf(type.eventClass())).isEqualTo(type.name());
        }
    }

    @Test
    void aClassWithoutATypeIsNamedAfterItself() {
        record ChainSealedEvent() {}
        assertThat(RecordType.nameOf(ChainSealedEvent.class)).isEqualTo("CHAIN_SEALED");
    }
}
