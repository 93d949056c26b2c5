package jp.madoguchi.adapters.postgres

import jp.madoguchi.adapters.catalogue.ClasspathProcedureCatalogue
import jp.madoguchi.adapters.documents.code2d.ZxingTwoDimensionalCodes
import jp.madoguchi.application.port.in.PreEntryUseCase.Redemption
import jp.madoguchi.application.service.PreEntryService
import jp.madoguchi.application.service.StartReceptionService
import jp.madoguchi.adapters.postgres.testing.Fixtures
import jp.madoguchi.domain.reception.Channel
import jp.madoguchi.domain.shared.LocalGovernmentCode
import jp.madoguchi.domain.shared.Operator

import java.time.Clock
import java.time.Duration
import java.time.Instant
import java.time.ZoneId
import java.util.concurrent.Callable
import java.util.concurrent.Executors

/** 事前入力: QRコードは手続の選択への参照だけで、記載台で一度だけ、期限内に受付になる。 */
class PreEntrySpec extends DatabaseSpecification {

    static final LocalGovernmentCode CITY = new LocalGovernmentCode('999997')
    static final Operator KIOSK = Operator.kiosk('KIOSK-01')

    def zxing = new ZxingTwoDimensionalCodes()
    def clock = Clock.fixed(Instant.parse('2026-11-22T01:00:00Z'), ZoneId.of('Asia/Tokyo'))

    PreEntryService service(Clock at) {
        new PreEntryService(new JdbiPreEntries(jdbi), new ClasspathProcedureCatalogue(), zxing, start(at), new JdbiReceptions(jdbi),
                Stub(jp.madoguchi.application.port.in.KioskHearingUseCase),
                Stub(jp.madoguchi.application.port.out.PreEntryAnswerSeals), new JdbiTransactions(jdbi), at)
    }

    StartReceptionService start(Clock at) {
        new StartReceptionService(new JdbiReceptions(jdbi), new ClasspathProcedureCatalogue(),
                new JdbiResidentRegistry(jdbi, Fixtures.sensitiveItems(), jp.madoguchi.domain.calendar.EraTable.shipped()),
                new JdbiUnconfirmedCards(jdbi), new JdbiTransactions(jdbi), at)
    }

    def "受付を始められなかったコードは使用済みにならず、もう一度かざせば受付になる"() {
        given: 'the reception fails after the code was marked used (a database error, say)'
        def code = service(clock).prepare(CITY, ['RESIDENT_CERTIFICATE']).code()
        def failing = { command -> start(clock).start(command); throw new IllegalStateException('injected') }
                as jp.madoguchi.application.port.in.StartReceptionUseCase
        def broken = new PreEntryService(new JdbiPreEntries(jdbi), new ClasspathProcedureCatalogue(), zxing, failing, new JdbiReceptions(jdbi),
                Stub(jp.madoguchi.application.port.in.KioskHearingUseCase),
                Stub(jp.madoguchi.application.port.out.PreEntryAnswerSeals), new JdbiTransactions(jdbi), clock)

        when:
        broken.redeem(CITY, code, KIOSK)

        then: 'nothing of the failed redemption stays: neither the used mark nor the reception'
        thrown(IllegalStateException)
        jdbi.withHandle { it.createQuery("SELECT count(*) FROM reception WHERE channel = 'PRE_ENTRY'").mapTo(Integer).one() } == 0

        and: 'the citizen shows the code again and is received'
        service(clock).redeem(CITY, code, KIOSK) instanceof Redemption.Opened
    }

    def "QRコードは市区町村と乱数だけを指し、読み取ると選んだ手続の事前入力受付になる"() {
        given:
        def prepared = service(clock).prepare(CITY, ['RESIDENT_CERTIFICATE', 'SEAL_CERTIFICATE'])
        def scanned = zxing.decode(prepared.qrPng()).orElseThrow()

        when:
        def opened = service(clock).redeem(CITY, scanned + '\r\n', KIOSK) as Redemption.Opened

        then: 'the QR says nothing about the citizen'
        scanned ==~ /MADOGUCHI:P:999997:[A-Za-z0-9_-]{22}/
        prepared.procedureNames() == ['住民票の写し', '印鑑登録証明書']

        and:
        opened.reception().channel() == Channel.PRE_ENTRY
        opened.reception().procedures()*.code() == ['RESIDENT_CERTIFICATE', 'SEAL_CERTIFICATE']
        opened.reception().resident().isEmpty()
    }

    def "一度使ったコード・期限切れのコード・他市のコード・QRでない入力は受付にならない"() {
        given:
        def used = service(clock).prepare(CITY, ['RESIDENT_CERTIFICATE']).code()
        service(clock).redeem(CITY, used, KIOSK)
        def old = service(clock).prepare(CITY, ['RESIDENT_CERTIFICATE']).code()
        def eightDaysLater = Clock.offset(clock, Duration.ofDays(8))

        expect:
        (service(clock).redeem(CITY, used, Operator.kiosk('KIOSK-02')) as Redemption.Refused).message().contains('使用済みか')
        (service(eightDaysLater).redeem(CITY, old, KIOSK) as Redemption.Refused).message().contains('有効期限')
        (service(clock).redeem(CITY, old.replace(':999997:', ':999989:'), KIOSK) as Redemption.Refused).message().contains('別の市区町村')
        (service(clock).redeem(CITY, 'MADOGUCHI:R:999997:20261122-0001', KIOSK) as Redemption.Refused).message().contains('読み取れませんでした')
    }

    def "手続を選ばない・知らない手続は、理由を伝えて作らない"() {
        when:
        service(clock).prepare(CITY, codes)

        then:
        def e = thrown(IllegalArgumentException)
        e.message.contains(expected)

        where:
        codes        || expected
        []           || '1つ以上選んで'
        ['NO_SUCH']  || '見つかりません'
    }

    def "四台の記載台が同じコードを同時に読んでも、受付は一つだけ"() {
        given:
        def code = service(clock).prepare(CITY, ['RESIDENT_CERTIFICATE']).code()
        def pool = Executors.newFixedThreadPool(4)

        when:
        def results = pool.invokeAll((1..4).collect { i ->
            { -> service(clock).redeem(CITY, code, Operator.kiosk("KIOSK-0${i}")) } as Callable })*.get()

        then:
        results.count { it instanceof Redemption.Opened } == 1
        results.count { it instanceof Redemption.Refused } == 3

        cleanup:
        pool.shutdown()
    }

    def "一台の記載台が同じコードを同時に四度読んでも（二度読み）、受付は一つで、四度とも同じ番号を見せる"() {
        given:
        def code = service(clock).prepare(CITY, ['RESIDENT_CERTIFICATE']).code()
        def pool = Executors.newFixedThreadPool(4)
        def before = preEntryVisits()

        when:
        def results = pool.invokeAll((1..4).collect { { -> service(clock).redeem(CITY, code, KIOSK) } as Callable })*.get()

        then:
        results.every { it instanceof Redemption.Opened }
        results.collect { (it as Redemption.Opened).reception().number() }.toSet().size() == 1
        preEntryVisits() == before + 1

        cleanup:
        pool.shutdown()
    }

    private int preEntryVisits() {
        jdbi.withHandle { it.createQuery("SELECT count(*) FROM reception WHERE channel = 'PRE_ENTRY'").mapTo(Integer).one() }
    }
}
