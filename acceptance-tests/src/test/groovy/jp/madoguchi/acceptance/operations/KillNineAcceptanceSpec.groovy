package jp.madoguchi.acceptance.operations

import jp.madoguchi.adapters.postgres.audit.JdbiAuditTrail
import jp.madoguchi.adapters.security.crypto.DataKey
import jp.madoguchi.adapters.security.crypto.HmacCheckpointSeal
import jp.madoguchi.staff.cli.GenerateSubcommand
import jp.madoguchi.acceptance.support.InstallationChecks
import org.jdbi.v3.core.Jdbi
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Unroll

import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit

/**
 * kill -9 at twenty places: the real commands run as their own JVMs on an installation with the embedded PostgreSQL,
 * one is killed with SIGKILL at a named place (FailPoints), and the same command run again must finish. Then: nothing
 * committed is lost or doubled, no half-written file is visible, the access history verifies, and no process is left
 * behind (the killed command's PostgreSQL is stopped by the next start).
 */
class KillNineAcceptanceSpec extends Specification {

    static final int RESIDENTS = 500
    static final int LINKAGE_FILES = 7

    @Shared @TempDir Path shared
    @Shared Path generated
    @TempDir Path installation

    def setupSpec() {
        generated = shared.resolve('generated')
        assert GenerateSubcommand.run(['--count', "${RESIDENTS}", '--seed', '7', '--out', generated.toString()] as String[]) == 0
    }

    @Unroll
    def "取込の途中（#point）で強制終了しても、やり直しで全ファイルが一度だけ取り込まれ、平文もプロセスも残らない"() {
        given:
        def inbox = freshInbox()

        when: 'the import is killed there'
        def killed = command(point, 'import', inbox.toString())

        then:
        killed == 137

        when: 'it is run again'
        def again = command(null, 'import', inbox.toString())

        then:
        again == 0
        InstallationChecks.withDatabase(installation) { Jdbi jdbi ->
            assert jdbi.withHandle { h -> h.createQuery("SELECT count(*) FROM resident").mapTo(Long).one() } == RESIDENTS
            assert jdbi.withHandle { h -> h.createQuery("SELECT count(DISTINCT file_name) FROM linkage_import WHERE outcome = 'APPLIED'").mapTo(Long).one() } == LINKAGE_FILES
            assert jdbi.withHandle { h -> h.createQuery("SELECT count(*) FROM linkage_import WHERE outcome = 'APPLIED'").mapTo(Long).one() } == LINKAGE_FILES
            // the tables of the killed load were dropped, not left beside the attached ones
            assert jdbi.withHandle { h -> h.createQuery("SELECT count(*) FROM pg_class WHERE relname ~ '_p999997_' AND relkind = 'r' AND NOT relispartition").mapTo(Long).one() } == 0
            assert auditIntact(jdbi)
        }
        plainFiles(inbox).isEmpty()
        visibleUnfinished(inbox).isEmpty()
        sealedIn(inbox) >= LINKAGE_FILES
        InstallationChecks.processesOf(installation).isEmpty()

        where:
        point << ['linkage.full.before-copy', 'linkage.full.mid-copy', 'linkage.full.after-copy', 'linkage.full.mid-index',
                  'linkage.full.before-swap', 'linkage.full.in-swap', 'linkage.full.after-swap', 'linkage.after-load',
                  'linkage.archive.mid-seal', 'linkage.archive.before-delete']
    }

    def "差分の適用中に強制終了しても、差分は一度だけ適用される"() {
        given: 'the registry imported, then a DIFF for one insured resident'
        def inbox = freshInbox()
        assert command(null, 'import', inbox.toString()) == 0
        def insured = firstInsured()
        Files.writeString(inbox.resolve('024o007_20260430000000_DIFF.csv'),
                "処理区分,宛名番号,国保世帯番号,記号番号,資格取得年月日,資格喪失年月日\r\n2,${insured},,国1,20260201,\r\n".toString(), StandardCharsets.UTF_8)

        expect:
        command('linkage.diff.mid-apply', 'import', inbox.toString()) == 137
        command(null, 'import', inbox.toString()) == 0
        InstallationChecks.withDatabase(installation) { Jdbi jdbi ->
            assert jdbi.withHandle { h -> h.createQuery("SELECT count(*) FROM linkage_import WHERE file_name = '024o007_20260430000000_DIFF.csv' AND outcome = 'APPLIED'").mapTo(Long).one() } == 1
            assert jdbi.withHandle { h -> h.createQuery("SELECT count(*) FROM national_health_insurance WHERE addressee_number = :a AND symbol_number = '国1'").bind('a', insured).mapTo(Long).one() } == 1
            assert auditIntact(jdbi)
        }
        plainFiles(inbox).isEmpty()
        InstallationChecks.processesOf(installation).isEmpty()
    }

    @Unroll
    def "バックアップの途中（#point）で強制終了しても、次のバックアップは検証済みになり、復元できる"() {
        given:
        def inbox = freshInbox()
        assert command(null, 'import', inbox.toString()) == 0

        expect:
        command(point, 'backup') == 137
        command(null, 'backup') == 0
        visibleUnfinished(installation.resolve('backups')).isEmpty()
        !Files.list(installation).withCloseable { s -> s.anyMatch { it.fileName.toString().startsWith('backup-check-') } }
        command(null, 'restore') == 0
        InstallationChecks.withDatabase(installation) { Jdbi jdbi ->
            assert jdbi.withHandle { h -> h.createQuery("SELECT count(*) FROM resident").mapTo(Long).one() } == RESIDENTS
            assert auditIntact(jdbi)
        }
        InstallationChecks.processesOf(installation).isEmpty()

        where:
        point << ['backup.base.mid-copy', 'backup.after-base', 'backup.wal.mid-ship', 'backup.check.scratch-running',
                  'backup.before-history']
    }

    def "チェックポイントの署名中に強制終了しても、アクセス記録は改ざんなしと検証される"() {
        given:
        def inbox = freshInbox()
        assert command(null, 'import', inbox.toString()) == 0

        expect:
        command('audit.checkpoint.before-commit', 'audit', 'checkpoint') == 137
        command(null, 'audit', 'checkpoint') == 0
        command(null, 'audit', 'verify') == 0
        InstallationChecks.processesOf(installation).isEmpty()
    }

    def "保管ファイルの書き出し中に強制終了しても、途中のファイルは見えず、やり直しで全体が書き出される"() {
        given:
        def inbox = freshInbox()
        assert command(null, 'import', inbox.toString()) == 0
        def sealed = Files.walk(inbox.resolve('archive')).withCloseable { s -> s.filter { Files.isRegularFile(it) && it.fileName.toString() ==~ /001o005.*\.sealed/ }.findFirst().get() }
        def out = installation.resolve('opened.csv')

        expect:
        command('linkage.archive-open.mid-write', 'archive', 'open', sealed.toString(), out.toString()) == 137
        !Files.exists(out)
        command(null, 'archive', 'open', sealed.toString(), out.toString()) == 0
        Files.readAllBytes(out) == Files.readAllBytes(Files.list(generated).withCloseable { s -> s.filter { it.fileName.toString().startsWith('001o005') }.findFirst().get() })
        InstallationChecks.processesOf(installation).isEmpty()
    }

    def "データ返還の途中で強制終了しても、途中の出力は返還として見えず、やり直しで完成する"() {
        given:
        def inbox = freshInbox()
        assert command(null, 'import', inbox.toString()) == 0
        def out = installation.resolve('handover')

        expect:
        command('handover.mid-write', 'handover', '--out', out.toString()) == 137
        !Files.exists(out)
        command(null, 'handover', '--out', out.toString()) == 0
        Files.exists(out.resolve('manifest.json'))
        !Files.exists(installation.resolve('.handover.part'))
        InstallationChecks.processesOf(installation).isEmpty()
    }

    def "消去の途中で強制終了すると、証明書は消去中と記し、やり直しで消去を終える"() {
        given:
        def inbox = freshInbox()
        assert command(null, 'import', inbox.toString()) == 0
        def first = shared.resolve("erasure-${System.nanoTime()}-1.txt")
        def second = shared.resolve("erasure-${System.nanoTime()}-2.txt")

        expect:
        command('erase.before-destroy', 'erase', '--confirm', '999997', '--certificate', first.toString()) == 137
        Files.readString(first).contains('状態: 消去中')
        Files.exists(installation.resolve('postgres/PG_VERSION'))
        command(null, 'erase', '--confirm', '999997', '--certificate', second.toString()) == 0
        Files.readString(second).contains('完了: ')
        !Files.exists(installation.resolve('postgres'))
        !Files.exists(installation.resolve('secrets'))
        InstallationChecks.processesOf(installation).isEmpty()
    }

    /** The generated linkage files in a new drop folder of the installation. */
    private Path freshInbox() {
        def inbox = Files.createDirectories(installation.resolve('linkage/inbox'))
        Files.list(generated).withCloseable { s -> s.forEach { Files.copy(it, inbox.resolve(it.fileName)) } }
        inbox
    }

    /** Runs {@code ./madoguchi <args>} as its own JVM, killed at {@code failpoint} when given; returns its exit code. */
    private int command(String failpoint, String... args) {
        def java = ProcessHandle.current().info().command().get()
        // short-lived commands: the first compiler tier is enough and starts them sooner
        def line = [java, '-XX:TieredStopAtLevel=1', '-Dfile.encoding=UTF-8', '-Djava.awt.headless=true']
        if (failpoint) {
            line << "-Dmadoguchi.failpoint=${failpoint}".toString()
        }
        line += ['-cp', System.getProperty('java.class.path'), 'jp.madoguchi.staff.MadoguchiApplication'] + (args as List)
        def builder = new ProcessBuilder(line).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(installation.resolve('commands.log').toFile()))
        builder.environment().putAll([MADOGUCHI_DATA_DIR: installation.toString(), MADOGUCHI_BACKUP_ENABLED: 'true'])
        def process = builder.start()
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly()
            throw new IllegalStateException("./madoguchi ${args.join(' ')} did not finish")
        }
        process.exitValue()
    }

    private boolean auditIntact(Jdbi jdbi) {
        def trail = new JdbiAuditTrail(jdbi, new HmacCheckpointSeal(DataKey.load('', installation.resolve('secrets/data-key'))))
        try {
            def verification = trail.verify()
            verification.intact() && verification.entries() > 0
        } finally {
            trail.close()
        }
    }

    private String firstInsured() {
        String insured = null
        InstallationChecks.withDatabase(installation) { Jdbi jdbi -> insured = jdbi.withHandle { h -> h.createQuery('SELECT min(addressee_number) FROM national_health_insurance').mapTo(String).one() } }
        insured
    }

    private static List<Path> plainFiles(Path inbox) {
        Files.list(inbox).withCloseable { s -> s.filter { Files.isRegularFile(it) && it.fileName.toString().endsWith('.csv') }.toList() }
    }

    /** Files a reader would take for finished ones although a killed write left them half-done. */
    private static List<Path> visibleUnfinished(Path folder) {
        if (!Files.exists(folder)) {
            return []
        }
        Files.walk(folder).withCloseable { s ->
            s.filter { Files.isRegularFile(it) && it.fileName.toString().endsWith('.part') && !it.fileName.toString().startsWith('.') }.toList()
        }
    }

    private static long sealedIn(Path inbox) {
        Files.walk(inbox.resolve('archive')).withCloseable { s -> s.filter { it.fileName.toString().endsWith('.sealed') }.count() }
    }
}
