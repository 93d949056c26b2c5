package jp.madoguchi.adapters.export

import jp.madoguchi.application.fakes.InMemoryHandoffOutbox
import jp.madoguchi.application.fakes.MovableClock
import jp.madoguchi.application.fakes.RecordingAuditTrail
import jp.madoguchi.application.port.out.BackOfficeExport
import jp.madoguchi.application.port.out.ExportRecord
import jp.madoguchi.application.port.out.HandoffOutbox.State
import jp.madoguchi.application.service.DeliverHandoffService
import jp.madoguchi.domain.reception.ReceptionNumber
import jp.madoguchi.domain.shared.LocalGovernmentCode
import software.amazon.awssdk.services.s3.S3Client
import spock.lang.Specification

import java.nio.charset.StandardCharsets
import java.time.Duration
import java.time.Instant

/** 市のバケットへの連携: 本物の S3 互換サーバー（同じ JVM の s3proxy）に書き、途中で止まっても失わず、二重にもしない。 */
class S3BucketExportSpec extends Specification {

    static final LocalGovernmentCode CITY = new LocalGovernmentCode('999997')

    InProcessS3 server = new InProcessS3()
    S3Client s3 = server.s3

    def setup() {
        s3.createBucket { it.bucket('city-handoff') }
    }

    def cleanup() {
        server.close()
    }

    List<String> keys() {
        s3.listObjectsV2 { it.bucket('city-handoff') }.contents()*.key().sort()
    }

    static ExportRecord record(int n) {
        new ExportRecord('CERTIFICATE_REQUEST', "999997-20261122-000${n}-RESIDENT_CERTIFICATE", [受付番号: "20261122-000${n}".toString(), 通数: '2'])
    }

    def "レイアウトごとの接頭辞の下に一記録一オブジェクトで置き、同じ記録をもう一度送っても増えない"() {
        given:
        def bucket = new S3BucketExport(s3, 'city-handoff', 'madoguchi/')

        when:
        def first = bucket.deliver(record(1))
        def again = bucket.deliver(record(1))

        then:
        keys() == ['madoguchi/CERTIFICATE_REQUEST/CERTIFICATE_REQUEST_999997-20261122-0001-RESIDENT_CERTIFICATE.csv']
        !first.alreadyDelivered()
        again.alreadyDelivered()
        first.sha256() == again.sha256()
        first.location() == 's3://city-handoff/' + keys()[0]
        def bytes = s3.getObjectAsBytes { it.bucket('city-handoff').key(keys()[0]) }.asByteArray()
        new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8) ==
                '"受付番号","通数"\r\n"20261122-0001","2"\r\n'
    }

    def "送り出しの途中でバケットが止まっても、届かなかった記録は再送で届き、どれも一度だけ置かれる"() {
        given: 'five records queued; the bucket goes down after the second upload'
        def clock = new MovableClock(Instant.parse('2026-11-22T01:00:00Z'))
        def outbox = new InMemoryHandoffOutbox()
        outbox.enqueue(CITY, ReceptionNumber.parse('20261122-0001'), (1..5).collect { record(it) }, ['s3'], clock.instant())
        def real = new S3BucketExport(s3, 'city-handoff', '')
        int uploads = 0
        def bucket = { ExportRecord r ->
            def receipt = real.deliver(r)
            if (++uploads == 2) {
                server.stop()
            }
            receipt
        } as BackOfficeExport
        def deliver = new DeliverHandoffService(outbox, [s3: bucket], new RecordingAuditTrail(), clock)

        when:
        def during = deliver.deliverDue()

        then:
        during.delivered() == 2
        during.failed() == 3
        deliver.deliveries(CITY, State.FAILED, 10)*.lastError().every { it.contains('city-handoff') }

        when: 'the bucket is back, and the retry time has come'
        server.start()
        clock.advance(Duration.ofSeconds(5))
        def after = deliver.deliverDue()

        then:
        after.delivered() == 3
        keys().size() == 5
        deliver.deliveries(CITY, State.DELIVERED, 10).size() == 5
        deliver.deliverDue().delivered() == 0

        when: 'a crash between upload and bookkeeping makes the job send one again'
        def repeated = real.deliver(record(3))

        then:
        repeated.alreadyDelivered()
        keys().size() == 5
    }
}
