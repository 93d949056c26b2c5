package jp.madoguchi.acceptance.architecture;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The dependency rules of the hexagon, executable. Allow-lists, not deny-lists: the domain may use the JDK
 * (java..) and itself, nothing else; the application the domain too; the UIs never touch adapters.
 */
@AnalyzeClasses(packages = "jp.madoguchi", importOptions = ProductionCodeOnly.class)
class HexagonalArchitectureTest {

    static final String DOMAIN = "jp.madoguchi.domain..";
    static final String APPLICATION = "jp.madoguchi.application..";
    static final String ADAPTERS = "jp.madoguchi.adapters..";
    static final String KIOSK = "jp.madoguchi.kiosk..";
    static final String STAFF = "jp.madoguchi.staff..";

    @ArchTest
    static final ArchRule domainDependsOnlyOnJdk = classes().that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..")
            .because("the domain is pure Java: no framework, no library");

    @ArchTest
    static final ArchRule applicationDependsOnlyOnDomainAndJdk = classes().that().resideInAPackage(APPLICATION)
            .should().onlyDependOnClassesThat().resideInAnyPackage(APPLICATION, DOMAIN, "java..")
            .because("use cases and ports know the domain only; adapters plug in from outside");

    @ArchTest
    static final ArchRule uiNeverTouchesAdapters = noClasses().that().resideInAnyPackage(KIOSK, STAFF)
            .should().dependOnClassesThat().resideInAPackage(ADAPTERS)
            .because("the UIs drive use cases; adapters are wired at runtime");

    @ArchTest
    static final ArchRule kioskAndStaffAreIndependent = noClasses().that().resideInAPackage(KIOSK)
            .should().dependOnClassesThat().resideInAPackage(STAFF);

    @ArchTest
    static final ArchRule staffDoesNotUseKiosk = noClasses().that().resideInAPackage(STAFF)
            .should().dependOnClassesThat().resideInAPackage(KIOSK);

    @ArchTest
    static final ArchRule nothingInsideDependsOnTheOutside = noClasses().that().resideInAnyPackage(DOMAIN, APPLICATION)
            .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS, KIOSK, STAFF);

    @ArchTest
    static final ArchRule adaptersDoNotCallEachOther = slices()
            .matching("jp.madoguchi.adapters.(*)..")
            .should().notDependOnEachOther()
            .ignoreDependency(com.tngtech.archunit.base.DescribedPredicate.describe("configuration wires adapters",
                            (com.tngtech.archunit.core.domain.JavaClass c) -> c.getPackageName().startsWith("jp.madoguchi.adapters.config")),
                    com.tngtech.archunit.base.DescribedPredicate.alwaysTrue())
            .ignoreDependency(com.tngtech.archunit.base.DescribedPredicate.alwaysTrue(),
                    com.tngtech.archunit.base.DescribedPredicate.describe("shared CSV support",
                            (com.tngtech.archunit.core.domain.JavaClass c) -> c.getPackageName().equals("jp.madoguchi.adapters.csv")));

    @ArchTest
    static final ArchRule domainPackagesAreFreeOfCycles = slices().matching("jp.madoguchi.domain.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule outPortsAreInterfacesOrValues = classes().that().resideInAPackage("jp.madoguchi.application.port.out")
            .and().areTopLevelClasses()
            .should().beInterfaces().orShould().beRecords().orShould().beAssignableTo(RuntimeException.class);

    @ArchTest
    static final ArchRule controllersHoldOnlyUseCases = classes().that().haveSimpleNameEndingWith("Controller")
            .should().onlyDependOnClassesThat().resideOutsideOfPackage("jp.madoguchi.application.service..")
            .because("controllers talk to use-case interfaces, never to service classes");

}
