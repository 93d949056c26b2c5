package jp.madoguchi.acceptance.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import jp.madoguchi.adapters.postgres.archviolation.StoreCallingTheExport;
import jp.madoguchi.application.archviolation.ServiceUsingJdbi;
import jp.madoguchi.domain.archviolation.DomainClassUsingMicronaut;
import jp.madoguchi.kiosk.web.archviolation.PageUsingService;
import jp.madoguchi.staff.jobs.archviolation.JobUsingAdapter;
import jp.madoguchi.staff.web.archviolation.ControllerHoldingDrivenPort;
import jp.madoguchi.staff.web.archviolation.PageUsingDemoPopulation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules are not vacuous: each fails on a class planted in test code that breaks it (and names the offending
 * dependency), and holds for the real classes of the same packages.
 */
class ArchitectureRulesBiteTest {

    static Stream<Arguments> plantedViolations() {
        return Stream.of(
                Arguments.of("domain uses only the JDK", HexagonalArchitectureTest.domainDependsOnlyOnJdk,
                        DomainClassUsingMicronaut.class, "io.micronaut", "jp.madoguchi.domain"),
                Arguments.of("application uses only the domain", HexagonalArchitectureTest.applicationDependsOnlyOnDomainAndJdk,
                        ServiceUsingJdbi.class, "org.jdbi", "jp.madoguchi.application"),
                Arguments.of("a page holds no driven port", HexagonalArchitectureTest.drivingSideUsesOnlyUseCases,
                        ControllerHoldingDrivenPort.class, "OneTimePasswords", "jp.madoguchi.staff.web"),
                Arguments.of("a kiosk page uses no service class", HexagonalArchitectureTest.drivingSideUsesOnlyUseCases,
                        PageUsingService.class, "ListProceduresService", "jp.madoguchi.kiosk"),
                Arguments.of("a job builds no adapter", HexagonalArchitectureTest.onlyCompositionRootsBuildAdapters,
                        JobUsingAdapter.class, "RpaFolderCsvExport", "jp.madoguchi.staff.jobs"),
                Arguments.of("adapter modules do not call each other", HexagonalArchitectureTest.adapterModulesAreIndependent,
                        StoreCallingTheExport.class, "RpaFolderCsvExport", "jp.madoguchi.adapters"),
                Arguments.of("no page uses the demo population", HexagonalArchitectureTest.demoIsNeverOnAProductionPath,
                        PageUsingDemoPopulation.class, "SyntheticPopulation", "jp.madoguchi.staff.web"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plantedViolations")
    void ruleFailsOnItsPlantedViolation(String rule, ArchRule archRule, Class<?> planted, String named, String realPackage) {
        // the planted class together with the class it depends on wrongly (slices need both sides)
        JavaClasses offending = new ClassFileImporter().importClasses(planted,
                jp.madoguchi.adapters.export.RpaFolderCsvExport.class);
        AssertionError failure = assertThrows(AssertionError.class, () -> archRule.check(offending));
        assertTrue(failure.getMessage().contains(named), failure.getMessage());
    }

    @ParameterizedTest(name = "{0}: holds for the real classes")
    @MethodSource("plantedViolations")
    void ruleHoldsForTheRealClasses(String rule, ArchRule archRule, Class<?> planted, String named, String realPackage) {
        JavaClasses real = new ClassFileImporter().withImportOption(new ProductionCodeOnly()).importPackages(realPackage);
        assertTrue(real.size() > 10, "found " + real.size() + " classes in " + realPackage);
        assertDoesNotThrow(() -> archRule.check(real));
    }
}
