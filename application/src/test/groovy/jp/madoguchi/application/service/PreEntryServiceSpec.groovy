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
    def rendering = new jp.madoguchi.application.fakes.TextFormRendering()
    def paperwork = new jp.madoguchi.application.fakes.InMemoryReceptionPaperwork()
    def hearing = new KioskHearingService(rendering, rendering, registry, new jp.madoguchi.application.fakes.InMemoryMoveIns(),
            catalogue, receptions, paperwork, { '見本市' }, trail, transactions, jp.madoguchi.domain.calendar.EraTable.shipped(), clock)
    def seals = new jp.madoguchi.application.fakes.TaggedPreEntryAnswerSeals()
    def preEntry = new PreEntryService(entries, catalogue, codes, start, receptions, hearing, seals, transactions, clock)

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

    def "スマートフォンで答えた質問は、確かめてからコードの下に封じ、受付になると聞き取り済みで入る"() {
        given:
        rendering.seedMissing(CITY, rendering.shipped.collect { text ->
            new jp.madoguchi.application.port.out.FormDefinitions.StoredForm(text.readLines()[0].substring(4).trim(), 1,
                    java.time.LocalDate.of(2024, 4, 1), text, 'system', clock.instant())
        }, clock.instant())

        expect: 'the phone asks what the kiosk would, without anyone identified'
        preEntry.questions(CITY, ['RESIDENT_CERTIFICATE'])*.key() == ['通数']

        when: 'a count that is not a number is refused before any code is made'
        preEntry.prepare(CITY, ['RESIDENT_CERTIFICATE'], [通数: 'たくさん'])

        then:
        thrown(Rejection)

        when:
        def prepared = preEntry.prepare(CITY, ['RESIDENT_CERTIFICATE'], [通数: '3'])
        def code = PreEntryCode.parse(prepared.code()).get()
        byte[] sealed = entries.sealedAnswers(code).get()

        then: 'kept sealed under this code (the real seal is AesGcmPreEntryAnswerSealsSpec)'
        seals.open(code, sealed) == [通数: '3']

        when: 'the code is read at the kiosk'
        def opened = preEntry.redeem(CITY, prepared.code(), KIOSK) as Redemption.Opened

        then: 'the visit arrives answered, and the timeline says where'
        paperwork.answers(CITY, opened.reception().number()) == [通数: '3']
        stored(opened.reception()).timeline()*.description().contains('事前入力で本人が回答（通数）')
    }

    def "同じ記載台が数分のうちにもう一度読んだら（二度読み）、同じ受付を見せる。時間が過ぎたら断る"() {
        given:
        def code = preEntry.prepare(CITY, ['RESIDENT_CERTIFICATE']).code()
        def opened = preEntry.redeem(CITY, code, KIOSK) as Redemption.Opened

        when:
        def twice = preEntry.redeem(CITY, code + '\r', KIOSK)
        def later = new PreEntryService(entries, catalogue, codes, start, receptions, hearing, seals, transactions,
                java.time.Clock.offset(clock, Duration.ofMinutes(6))).redeem(CITY, code, KIOSK)

        then:
        (twice as Redemption.Opened).reception().number() == opened.reception().number()
        later instanceof Redemption.Refused
        receptions.openedOn(CITY, java.time.LocalDate.now(clock)).size() == 1
    }

    def "読めないコード・別の市のコード・期限切れは、受付にせず理由を言う"() {
        given:
        def other = new PreEntryService(entries, catalogue, codes, start, receptions, hearing, seals, transactions, clock)
                .prepare(LocalGovernmentCode.fromFiveDigits('99998'), ['RESIDENT_CERTIFICATE'])
        def late = new PreEntryService(entries, catalogue, codes, start, receptions, hearing, seals, transactions,
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
