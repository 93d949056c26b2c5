package jp.madoguchi.acceptance.privacy

import jp.madoguchi.adapters.postgres.testing.Fixtures
import jp.madoguchi.demo.synthetic.SyntheticPopulation
import spock.lang.Specification

import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration
import java.time.Instant

/**
 * 個人番号はどこにも残らない, over the whole test run: once every module's tests have run (a Maven execution of its
 * own, after them), every test report — with the logs the systems under test wrote — and every file the
 * acceptance runs left behind (exports to the back office, import reports) is searched for the fixture 個人番号:
 * the demo population's, which the virtual card carries too, and the adapters' fixture number.
 */
class SuiteIndividualNumberScan extends Specification {

    static final List<String> MODULES = ['domain', 'application', 'adapters', 'kiosk-ui', 'staff-ui', 'acceptance-tests']

    def "全テストのログ・報告・出力ファイルに、個人番号が現れない"() {
        given:
        def numbers = (new SyntheticPopulation(IndividualNumberNeverLoggedAcceptanceSpec.POPULATION).generate(400)
                .collectMany { it.household().members() }.findAll { it.individualNumber() != null }
                .collect { it.individualNumber().reveal() } + [Fixtures.FIXTURE_INDIVIDUAL_NUMBER]) as Set
        def files = reports() + leftBehind()

        when:
        def hits = files.findAll { file ->
            def text = new String(Files.readAllBytes(file), 'UTF-8')
            numbers.any { text.contains(it) }
        }

        then: 'there was a whole run to look at'
        files.count { it.toString().endsWith('.xml') } > 40
        files.sum { Files.size(it) } > 1_000_000
        files.any { it.toString().endsWith('.csv') && it.toString().contains('/exports/') }

        and:
        hits == []
    }

    /** The reports of this build's test runs, with the standard output (the logs) of each test class. */
    private static List<Path> reports() {
        Path root = Path.of('').toAbsolutePath().parent
        MODULES.collectMany { module ->
            Path dir = root.resolve(module).resolve('target/surefire-reports')
            Files.isDirectory(dir) ? Files.list(dir).filter { it.toString() ==~ /.*\.(xml|txt)$/ }.toList() : []
        }
    }

    /** What the acceptance runs of the last hours wrote in their data folders: CSV exports, reports, logs. */
    private static List<Path> leftBehind() {
        Instant since = Instant.now().minus(Duration.ofHours(3))
        Path tmp = Path.of(System.getProperty('java.io.tmpdir'))
        Files.list(tmp).filter { it.fileName.toString().startsWith('madoguchi-acceptance') }
                .filter { Files.getLastModifiedTime(it).toInstant().isAfter(since) }
                .toList()
                .collectMany { dir ->
                    Files.walk(dir).filter { Files.isRegularFile(it) && it.toString() ==~ /.*\.(csv|txt|log)$/ && !it.toString().contains('/postgres/') }.toList()
                }
    }
}
