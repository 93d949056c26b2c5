package jp.madoguchi.adapters.export.backup

import jp.madoguchi.adapters.export.InProcessS3
import jp.madoguchi.adapters.export.S3Connection
import jp.madoguchi.application.port.out.BackupStore
import spock.lang.AutoCleanup
import spock.lang.Specification

import java.security.MessageDigest
import java.time.Instant

/** 市のバケットへのバックアップ: 本物の S3 互換サーバー（同じ JVM の s3proxy）に、書き終えたものだけが見える形で置く。 */
class S3BackupStoreSpec extends Specification {

    @AutoCleanup InProcessS3 server = new InProcessS3()
    S3BackupStore store

    def setup() {
        server.s3.createBucket { it.bucket('city-backups') }
        store = new S3BackupStore(new S3Connection(server.s3, 'city-backups', 'madoguchi/backups'))
    }

    def "16 MiB を超えるファイルも部分に分けて送り、読み戻すと同じ中身で、一覧に大きさとともに出る"() {
        given: 'a 40 MiB file of varied bytes (three parts)'
        def bytes = new byte[40 * 1024 * 1024 + 123]
        new Random(7).nextBytes(bytes)

        when:
        store.write('base/20261204-0115.tar.sealed', { out -> out.write(bytes) } as BackupStore.Content)
        store.write('wal/000000010000000000000001.sealed', { out -> out.write('wal'.bytes) } as BackupStore.Content)

        then:
        store.list('base/')*.name() == ['base/20261204-0115.tar.sealed']
        store.list('base/').first().size() == bytes.length
        store.list('')*.name() == ['base/20261204-0115.tar.sealed', 'wal/000000010000000000000001.sealed']
        sha256(store.open('base/20261204-0115.tar.sealed').bytes) == sha256(bytes)
        store.location() == 's3://city-backups/madoguchi/backups/'

        and: 'the objects sit under the prefix the city set'
        server.s3.listObjectsV2 { it.bucket('city-backups') }.contents()*.key().sort() ==
                ['madoguchi/backups/base/20261204-0115.tar.sealed', 'madoguchi/backups/wal/000000010000000000000001.sealed']

        when:
        store.delete('wal/000000010000000000000001.sealed')

        then:
        store.list('wal/').isEmpty()
    }

    def "書き込みが途中で失敗すると何も見えず、書きかけのアップロードも残らない"() {
        when: 'the content fails after a full part has gone up'
        store.write('base/broken.tar.sealed', { out ->
            out.write(new byte[S3BackupStore.PART_SIZE + 10])
            throw new IOException('pg_basebackup が途中で終わりました')
        } as BackupStore.Content)

        then:
        def e = thrown(IOException)
        e.message.contains('pg_basebackup')
        store.list('').isEmpty()
        server.s3.listMultipartUploads { it.bucket('city-backups') }.uploads().isEmpty()
    }

    def "強制終了で残った書きかけのアップロードは、一覧に出ず、片付けで取り消される"() {
        given: 'an upload a killed process started and never completed'
        def upload = server.s3.createMultipartUpload { it.bucket('city-backups').key('madoguchi/backups/base/killed.tar.sealed') }.uploadId()
        server.s3.uploadPart({ it.bucket('city-backups').key('madoguchi/backups/base/killed.tar.sealed').uploadId(upload).partNumber(1) },
                software.amazon.awssdk.core.sync.RequestBody.fromBytes(new byte[1024]))

        expect:
        store.list('').isEmpty()

        when:
        store.removeUnfinished(Instant.now().plusSeconds(1))

        then:
        server.s3.listMultipartUploads { it.bucket('city-backups') }.uploads().isEmpty()
    }

    def "バケットに届かないときは、場所の分かる言葉で失敗する"() {
        given:
        server.stop()

        when:
        store.write('wal/x.sealed', { out -> out.write(1) } as BackupStore.Content)

        then:
        def e = thrown(IOException)
        e.message.contains('s3://city-backups/madoguchi/backups/')
    }

    private static String sha256(byte[] bytes) {
        MessageDigest.getInstance('SHA-256').digest(bytes).encodeHex().toString()
    }
}
