package org.ratification.ledger.api.write;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The write side decides and records; it never reads a read model (nor waits for one): the read
 * models it promises are written inline, in the same transaction, by handlers it does not know.
 */
@AnalyzeClasses(packages = "org.ratification.ledger.api", importOptions = ImportOption.DoNotIncludeTests.class)
class WriteSideArchitectureTest {

    @ArchTest
    static final ArchRule theWriteSideNeverImportsTheReadSide = noClasses()
            .that()
            .resideInAPackage("org.ratification.ledger.api.write..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.ratification.ledger.projections..",
                    "org.ratification.ledger.api.web..",
                    "org.ratification.ledger.api.stream..",
                    "org.ratification.ledger.api.admin..",
                    "org.ratification.ledger.api.operations..");
}
