package jp.madoguchi.acceptance.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The dependency rules of the hexagon, executable, over the production classes of every module. Allow-lists where
 * the rule is about what a layer may use (domain, application), deny-lists where it is about what must never be
 * reached (adapters from the driving side, one adapter module from another, the demo from a production page).
 * {@link ArchitectureRulesBiteTest} shows each rule failing on a planted violation.
 */
@AnalyzeClasses(packages = "jp.madoguchi", importOptions = ProductionCodeOnly.class)
class HexagonalArchitectureTest {

    static final String DEMO = "jp.madoguchi.demo..";
    static final String DOMAIN = "jp.madoguchi.domain..";
    static final String APPLICATION = "jp.madoguchi.application..";
    static final String ADAPTERS = "jp.madoguchi.adapters..";
    static final String KIOSK = "jp.madoguchi.kiosk..";
    static final String STAFF = "jp.madoguchi.staff..";
    /** What drives the use cases: pages, jobs, commands and their security filters; the composition root is apart. */
    static final String[] DRIVING_SIDE = {KIOSK, "jp.madoguchi.staff.web..", "jp.madoguchi.staff.jobs..",
            "jp.madoguchi.staff.cli..", "jp.madoguchi.staff.security..", "jp.madoguchi.staff.operations.."};
    /**
     * Where adapters are built: the server's configuration, the terminal agent's own main, and the demo, which puts its
     * card on the simulated reader and writes its residents as linkage files.
     */
    static final String[] COMPOSITION_ROOTS = {"jp.madoguchi.staff.config..", "jp.madoguchi.terminal..", DEMO};

    private static final DescribedPredicate<JavaClass> DRIVEN_PORTS = DescribedPredicate.describe(
            "driven ports (the interfaces of application.port.out)",
            c -> c.getPackageName().equals("jp.madoguchi.application.port.out") && c.isInterface());

    @ArchTest
    static final ArchRule domainDependsOnlyOnJdk = classes().that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..")
            .because("the domain is pure Java: no framework, no library");

    @ArchTest
    static final ArchRule applicationDependsOnlyOnDomainAndJdk = classes().that().resideInAPackage(APPLICATION)
            .should().onlyDependOnClassesThat().resideInAnyPackage(APPLICATION, DOMAIN, "java..")
            .because("use cases and ports know the domain only; adapters plug in from outside");

    @ArchTest
    static final ArchRule drivingSideUsesOnlyUseCases = noClasses().that().resideInAnyPackage(DRIVING_SIDE)
            .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS, "jp.madoguchi.application.service..")
            .orShould().dependOnClassesThat(DRIVEN_PORTS)
            .because("pages, jobs and commands call use cases (port.in); a rule they skipped would be skipped by the next"
                    + " driving adapter too");

    @ArchTest
    static final ArchRule onlyCompositionRootsBuildAdapters = noClasses().that().resideOutsideOfPackages(ADAPTERS)
            .and().resideOutsideOfPackages(COMPOSITION_ROOTS)
            .should().dependOnClassesThat().resideInAPackage(ADAPTERS)
            .because("adapters are wired in one place; everything else sees ports");

    @ArchTest
    static final ArchRule adapterModulesAreIndependent = slices().matching("jp.madoguchi.adapters.(*)..")
            .should().notDependOnEachOther()
            .because("each adapter module is one technology behind the application's ports; two that need each other"
                    + " meet at a port");

    @ArchTest
    static final ArchRule kioskAndStaffAreIndependent = noClasses().that().resideInAPackage(KIOSK)
            .should().dependOnClassesThat().resideInAPackage(STAFF);

    @ArchTest
    static final ArchRule staffDoesNotUseKiosk = noClasses().that().resideInAPackage(STAFF)
            .should().dependOnClassesThat().resideInAPackage(KIOSK);

    @ArchTest
    static final ArchRule nothingInsideDependsOnTheOutside = noClasses().that().resideInAnyPackage(DOMAIN, APPLICATION)
            .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS, KIOSK, STAFF, "jp.madoguchi.terminal..");

    /**
     * The demo module (synthetic population, demo accounts, demo card) is never on a production path: nothing of the
     * server imports it, so it only acts through its own beans, which exist only with {@code madoguchi.demo.enabled}.
     * The terminal agent may, for its {@code --reader simulator}.
     */
    @ArchTest
    static final ArchRule demoIsNeverOnAProductionPath = noClasses()
            .that().resideInAnyPackage(DOMAIN, APPLICATION, ADAPTERS, KIOSK, STAFF)
            .should().dependOnClassesThat().resideInAPackage(DEMO)
            .because("synthetic residents and demo accounts are for the demo, the tests and the benchmarks only");

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
