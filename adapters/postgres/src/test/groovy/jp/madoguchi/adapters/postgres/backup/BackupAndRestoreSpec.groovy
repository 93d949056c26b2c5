package jp.madoguchi.adapters.postgres.backup

import jp.madoguchi.adapters.export.S3Connection
import jp.madoguchi.adapters.export.backup.FolderBackupStore
import jp.madoguchi.adapters.export.backup.S3BackupStore
import jp.madoguchi.application.port.out.BackupStore
import org.gaul.s3proxy.AuthenticationType
import org.gaul.s3proxy.S3Proxy
import org.jclouds.ContextBuilder
import org.jclouds.blobstore.BlobStoreContext
import spock.lang.Shared
import jp.madoguchi.adapters.postgres.ManagedDatabase
import jp.madoguchi.adapters.postgres.audit.JdbiAuditTrail
import jp.madoguchi.adapters.security.crypto.AesGcmFileSealing
import jp.madoguchi.adapters.security.crypto.HmacCheckpointSeal
import jp.madoguchi.domain.audit.AuditEntry
import jp.madoguchi.application.service.BackupService
import jp.madoguchi.application.service.RestoreDatabaseService
import jp.madoguchi.domain.audit.AuditAction
import jp.madoguchi.domain.shared.LocalGovernmentCode
import jp.madoguchi.domain.shared.Operator
import org.jdbi.v3.core.Jdbi
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.security.SecureRandom
import java.time.Clock
import java.time.Duration
import java.time.Instant

/**
 * The restore drill: visits before a backup, more after it, the data folder destroyed, and a restore to a moment in
 * between brings back exactly the visits committed up to that moment, with the access history verifying clean.
 */
class BackupAndRestoreSpec extends Specification {

    static final CITY = new LocalGovernmentCode('999997')

    @TempDir
    Path installation

    @Shared
    S3Proxy proxy

    byte[] dataKey = random()
    byte[] backupKey = random()
    Clock clock = Clock.systemUTC()

    def "復元訓練（#place）: バックアップ後の受付も WAL で戻り、指定した時刻までの受付だけがあり、アクセス記録は改ざんなし"() {
        given: 'a server with WAL archiving and three visits'
        def server = server(4, destination)
        def (data, database, jdbi, store, trail, backups) = server.subMap('data', 'database', 'jdbi', 'store', 'trail', 'backups').values()
        (1..3).each { visit(jdbi, trail, it) }

        when: 'a backup is taken'
        def run = backups.backUp()

        then: 'it was restored into a scratch copy and checked'
        run.verified()
        run.summary().startsWith('検証済み')
        run.summary().contains('受付 3 件')
        backups.recent(5)*.id() == [run.id()]
        and: 'nothing in the store is readable without the backup key'
        def base = store.list('base/').find { it.name().endsWith('base.zip.sealed') }
        base != null
        !new String(store.open(base.name()).withCloseable { it.bytes }, 'ISO-8859-1').contains('PG_VERSION')

        when: 'two more visits, a moment noted, two more, the WAL shipped, then the disk is lost'
        (4..5).each { visit(jdbi, trail, it) }
        Thread.sleep(1100)
        Instant between = clock.instant()
        Thread.sleep(1100)
        (6..7).each { visit(jdbi, trail, it) }
        backups.shipWal(true)
        trail.close()
        database.close()
        deleteTree(data)

        and: 'the database is restored to the moment in between'
        def restored = new RestoreDatabaseService(server.recovery, store, new AesGcmFileSealing(backupKey), clock).restore(Optional.of(between))

        then: 'exactly the visits committed before it'
        restored.setAside() == null
        restored.counts().reception == 5
        restored.newestReception().isBefore(between)

        when: 'the server starts on the restored folder'
        def again = ManagedDatabase.embedded(data, 2)
        def jdbiAgain = Jdbi.create(again.dataSource())
        def trailAgain = new JdbiAuditTrail(jdbiAgain, new HmacCheckpointSeal(dataKey))

        then: 'the visits 1 to 5 and their access history, intact'
        jdbiAgain.withHandle { h -> h.createQuery('SELECT serial FROM reception ORDER BY serial').mapTo(Integer).list() } == [1, 2, 3, 4, 5]
        trailAgain.verify().intact()
        trailAgain.verify().entries() == 5

        cleanup:
        trailAgain?.close()
        again?.close()

        where:
        place    | destination
        'フォルダ' | null
        'バケット' | bucket()
    }

    def "復元先にデータがあれば消さずに脇へ移し、バックアップのない時刻は理由を示して断る"() {
        given:
        def server = server(2)
        def (database, jdbi, store, trail, backups, recovery) = server.subMap('database', 'jdbi', 'store', 'trail', 'backups', 'recovery').values()
        visit(jdbi, trail, 1)
        def before = clock.instant()
        backups.backUp()
        visit(jdbi, trail, 2)
        backups.shipWal(true)
        trail.close()
        database.close()
        def restore = new RestoreDatabaseService(recovery, store, new AesGcmFileSealing(backupKey), clock)

        when: 'a moment before any backup finished'
        restore.restore(Optional.of(before.minusSeconds(3600)))

        then:
        def refused = thrown(IllegalArgumentException)
        refused.message.contains('より前に終わったバックアップがありません')

        when: 'restored to the latest archived'
        def restored = restore.restore(Optional.empty())

        then: 'both visits, and the folder that was there kept aside'
        restored.counts().reception == 2
        restored.setAside() != null
        Files.exists(restored.setAside().resolve('PG_VERSION'))
    }

    def "鍵が違うバックアップは復元せず、データフォルダはそのまま"() {
        given:
        def server = server(2)
        server.backups.backUp()
        server.trail.close()
        server.database.close()

        when:
        new RestoreDatabaseService(server.recovery, server.store, new AesGcmFileSealing(random()), clock).restore(Optional.empty())

        then:
        def refused = thrown(UncheckedIOException)
        refused.message.startsWith('復元できません')
        Files.exists(server.data.resolve('PG_VERSION'))
        !Files.list(installation).withCloseable { s -> s.anyMatch { it.fileName.toString().contains('restore') } }
    }

    /** The city's bucket on a real S3-compatible server in this JVM (s3proxy). */
    private BackupStore bucket() {
        int port = new ServerSocket(0).withCloseable { it.localPort }
        proxy = S3Proxy.builder().blobStore(ContextBuilder.newBuilder('transient').credentials('identity', 'credential')
                .build(BlobStoreContext).blobStore).endpoint(URI.create("http://127.0.0.1:${port}"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, 'madoguchi', 'madoguchi-secret').build()
        proxy.start()
        for (int i = 0; i < 100 && proxy.state != 'STARTED'; i++) {
            Thread.sleep(20)
        }
        def connection = S3Connection.connect('s3://city-backups/madoguchi', "http://127.0.0.1:${port}", 'us-east-1',
                'madoguchi', 'madoguchi-secret')
        connection.client().createBucket { it.bucket('city-backups') }
        new S3BackupStore(connection)
    }

    def cleanupSpec() {
        proxy?.stop()
    }

    /** A server on the installation with WAL archiving, and the backups wired over it as the application does. */
    private Map server(int poolSize, BackupStore store = null) {
        def data = installation.resolve('postgres')
        def spool = installation.resolve('wal-spool')
        def database = ManagedDatabase.embedded(data, poolSize, WalArchiving.settings(spool, Duration.ofSeconds(60)))
        def jdbi = Jdbi.create(database.dataSource())
        store = store ?: new FolderBackupStore(installation.resolve('backups'))
        def recovery = new EmbeddedRecovery(data, new HmacCheckpointSeal(dataKey), clock)
        [data    : data, database: database, jdbi: jdbi, store: store, recovery: recovery,
         trail   : new JdbiAuditTrail(jdbi, new HmacCheckpointSeal(dataKey)),
         backups : new BackupService(new PostgresBaseBackup(database, spool, clock), recovery, store,
                 new AesGcmFileSealing(backupKey), new JdbiBackupHistory(jdbi), clock, Duration.ofDays(14))]
    }

    private void visit(Jdbi jdbi, JdbiAuditTrail trail, int serial) {
        String number = String.format('20261204-%04d', serial)
        jdbi.useHandle { h ->
            h.execute("""INSERT INTO reception (city_code, number, reception_day, serial, channel, state, department_code,
                         department_name, opened_at) VALUES ('999997', ?, '2026-12-04', ?, 'KIOSK', 'OPEN', '01', '市民課', now())""",
                    number, serial)
        }
        trail.append(new AuditEntry(clock.instant(), CITY, Operator.staff('clerk', '窓口 一郎'), 'COUNTER-01',
                AuditAction.VIEW_RESIDENT, ['0000000011'], '受付 ' + number, '住民記録を表示'))
    }

    private static byte[] random() {
        byte[] key = new byte[32]
        new SecureRandom().nextBytes(key)
        key
    }

    private static void deleteTree(Path folder) {
        Files.walk(folder).sorted(Comparator.reverseOrder()).forEach { Files.delete(it) }
    }
}
