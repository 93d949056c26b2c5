package jp.madoguchi.application.service

import jp.madoguchi.application.fakes.InMemoryPreEntries
import jp.madoguchi.application.fakes.TextTwoDimensionalCodes
import jp.madoguchi.application.port.in.PreEntryUseCase.Redemption
import jp.madoguchi.domain.reception.Channel
import jp.madoguchi.domain.reception.PreEntryCode
import jp.madoguchi.domain.shared.LocalGovernmentCode
import jp.madoguchi.domain.shared.Rejection

import java.time.Duration

/** 事前入力: スマートフォンで選んだ手続を、7日以内に一度だけ、記載台で受付にする。QRコードは参照だけ。 */
class PreEntryServiceSpec extends CounterFixture {

    def entries = new InMemoryPreEntries()
    def codes = new TextTwoDimensionalCodes()
    def preEntry = new PreEntryService(entries, catalogue, codes, start, receptions, transactions, clock)

    def "選んだ手続のQRコードを記載台でかざすと事前入力の受付になり、別の記載台の二度目は断る"() {
        given:
        def prepared = preEntry.prepare(CITY, ['RESIDENT_CERTIFICATE', 'NHI_ENROLMENT', 'RESIDENT_CERTIFICATE'])

        expect:
        prepared.procedureNames() == ['住民票の写し', '国民健康保険の加入']
        codes.decode(prepared.qrPng()).get() == prepared.code()
        prepared.expiresAt() == clock.instant().plus(Duration.ofDays(7))

        when:
        def opened = preEntry.redeem(CITY, prepared.code() + '\r', KIOSK) as Redemption.Opened
        def again = preEntry.redeem(CITY, prepared.code(), jp.madoguchi.domain.shared.Operator.kiosk('KIOSK-99'))

        then:
        opened.reception().channel() == Channel.PRE_ENTRY
        stored(opened.reception()).procedures()*.code() == ['RESIDENT_CERTIFICATE', 'NHI_ENROLMENT']
        entries.receptionOf(PreEntryCode.parse(prepared.code()).get()) == opened.reception().number()
        again instanceof Redemption.Refused
        (again as Redemption.Refused).message().contains('使用済み')
    }

    def "同じ記載台が数分のうちにもう一度読んだら（二度読み）、同じ受付を見せる。時間が過ぎたら断る"() {
        given:
        def code = preEntry.prepare(CITY, ['RESIDENT_CERTIFICATE']).code()
        def opened = preEntry.redeem(CITY, code, KIOSK) as Redemption.Opened

        when:
        def twice = preEntry.redeem(CITY, code + '\r', KIOSK)
        def later = new PreEntryService(entries, catalogue, codes, start, receptions, transactions,
                java.time.Clock.offset(clock, Duration.ofMinutes(6))).redeem(CITY, code, KIOSK)

        then:
        (twice as Redemption.Opened).reception().number() == opened.reception().number()
        later instanceof Redemption.Refused
        receptions.openedOn(CITY, java.time.LocalDate.now(clock)).size() == 1
    }

    def "読めないコード・別の市のコード・期限切れは、受付にせず理由を言う"() {
        given:
        def other = new PreEntryService(entries, catalogue, codes, start, receptions, transactions, clock)
                .prepare(LocalGovernmentCode.fromFiveDigits('99998'), ['RESIDENT_CERTIFICATE'])
        def late = new PreEntryService(entries, catalogue, codes, start, receptions, transactions,
                java.time.Clock.offset(clock, Duration.ofDays(8)))
        def mine = preEntry.prepare(CITY, ['RESIDENT_CERTIFICATE'])

        expect:
        (preEntry.redeem(CITY, 'hello', KIOSK) as Redemption.Refused).message().contains('読み取れません')
        (preEntry.redeem(CITY, other.code(), KIOSK) as Redemption.Refused).message().contains('別の市区町村')
        (late.redeem(CITY, mine.code(), KIOSK) as Redemption.Refused).message().contains('有効期限')
        receptions.openedOn(CITY, java.time.LocalDate.now(clock)).isEmpty()
    }

    def "手続を選ばない・ない手続の事前入力は作らない"() {
        when:
        preEntry.prepare(CITY, [])

        then:
        def refused1 = thrown(Rejection)
        refused1.key() == 'pre-entry.procedures-missing'

        when:
        preEntry.prepare(CITY, ['NOPE'])

        then:
        def refused2 = thrown(Rejection)
        refused2.key() == 'pre-entry.procedure-unknown'
    }
}
