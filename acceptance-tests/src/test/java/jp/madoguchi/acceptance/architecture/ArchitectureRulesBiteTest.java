package jp.madoguchi.acceptance.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import jp.madoguchi.domain.archviolation.DomainClassUsingMicronaut;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules are not vacuous: a domain class that imports Micronaut breaks them. */
class ArchitectureRulesBiteTest {

    @Test
    void domainRuleFailsWhenDomainImportsMicronaut() {
        JavaClasses offending = new ClassFileImporter().importClasses(DomainClassUsingMicronaut.class);
        AssertionError failure = assertThrows(AssertionError.class,
                () -> HexagonalArchitectureTest.domainDependsOnlyOnJdk.check(offending));
        assertTrue(failure.getMessage().contains("io.micronaut"), failure.getMessage());
    }

    @Test
    void domainRuleHoldsForTheRealDomain() {
        JavaClasses domain = new ClassFileImporter().importPackages("jp.madoguchi.domain.resident", "jp.madoguchi.domain.reception");
        assertTrue(domain.size() > 10);
        assertDoesNotThrow(() -> HexagonalArchitectureTest.domainDependsOnlyOnJdk.check(domain));
    }
}
