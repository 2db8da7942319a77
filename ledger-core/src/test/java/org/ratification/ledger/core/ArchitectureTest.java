package org.ratification.ledger.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

/** STYLE.md, Layout and Anti-patterns: the domain module stays free of frameworks and of the clock. */
@AnalyzeClasses(packages = "org.ratification.ledger.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreDependsOnNoSpringJpaOrKafka = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "jakarta.persistence..", "org.apache.kafka..");

    @ArchTest
    static final ArchRule apiDependsOnlyOnTheJdkAxonAndItself = classes()
            .that()
            .resideInAPackage("..core.api..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "org.axonframework..", "..core.api..");

    @ArchTest
    static final ArchRule rulesAndParticipantsDoNotDependOnTheAggregate = noClasses()
            .that()
            .resideInAnyPackage("..core.rules..", "..core.participants..", "..core.api..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("..core.treaty..");

    @ArchTest
    static final ArchRule coreNeverReadsTheClock = noClasses()
            .should()
            .callMethod(LocalDate.class, "now")
            .orShould()
            .callMethod(LocalDateTime.class, "now")
            .orShould()
            .callMethod(ZonedDateTime.class, "now")
            .orShould()
            .callMethod(OffsetDateTime.class, "now")
            .orShould()
            .callMethod(Instant.class, "now")
            .orShould()
            .callMethod(System.class, "currentTimeMillis")
            .because("legal dates come on the command and the recording instant in its metadata");
}
