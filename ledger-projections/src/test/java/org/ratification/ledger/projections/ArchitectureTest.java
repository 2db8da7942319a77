package org.ratification.ledger.projections;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Projections read events; they never reach into the aggregate that decides them. */
@AnalyzeClasses(packages = "org.ratification.ledger.projections", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule projectionsNeverImportTheAggregate =
            noClasses().should().dependOnClassesThat().resideInAPackage("org.ratification.ledger.core.treaty..");

    @ArchTest
    static final ArchRule projectionsKnowNothingOfTheWebOrKafka = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework.web..", "org.apache.kafka..", "jakarta.persistence..");
}
