package jp.madoguchi.application.contract

import jp.madoguchi.application.port.out.PreEntries
import jp.madoguchi.domain.reception.PreEntryCode
import jp.madoguchi.domain.shared.LocalGovernmentCode
import spock.lang.Specification

import java.time.Instant

/** What every {@link PreEntries} promises: a code is used once, only before it expires, only in its own city. */
abstract class PreEntriesContract extends Specification {

    static final LocalGovernmentCode CITY = new LocalGovernmentCode('999997')
    static final Instant CREATED = Instant.parse('2026-11-22T00:00:00Z')
    static final Instant EXPIRES = Instant.parse('2026-11-29T00:00:00Z')
    static int tokens = 0

    abstract PreEntries preEntries()

    PreEntryCode code = new PreEntryCode(CITY, String.format('token%02dAAAAAAAAAAAAAAA', tokens++))

    def "一度目は選んだ手続を順に返し、二度目は何も返さない"() {
        given:
        preEntries().add(code, ['RESIDENT_CERTIFICATE', 'NHI_ENROLMENT'], null, CREATED, EXPIRES)

        expect:
        preEntries().use(code, CREATED.plusSeconds(60), 'KIOSK-01').get() == ['RESIDENT_CERTIFICATE', 'NHI_ENROLMENT']
        preEntries().use(code, CREATED.plusSeconds(61), 'KIOSK-01').isEmpty()
    }

    def "封じた回答はコードで引け、使ったあとも残り、回答のないコードには何もない"() {
        given:
        def plain = new PreEntryCode(CITY, String.format('token%02dBBBBBBBBBBBBBBB', tokens++))
        preEntries().add(code, ['RESIDENT_CERTIFICATE'], [1, 2, 3] as byte[], CREATED, EXPIRES)
        preEntries().add(plain, ['RESIDENT_CERTIFICATE'], null, CREATED, EXPIRES)

        when:
        preEntries().use(code, CREATED.plusSeconds(60), 'KIOSK-01')

        then:
        preEntries().sealedAnswers(code).get() == [1, 2, 3] as byte[]
        preEntries().sealedAnswers(plain).isEmpty()
        preEntries().sealedAnswers(new PreEntryCode(CITY, 'unknownAAAAAAAAAAAAAAA')).isEmpty()
    }

    def "使った記載台だけが、その時刻から後に、開いた受付を引ける（二度読み）"() {
        given:
        preEntries().add(code, ['RESIDENT_CERTIFICATE'], null, CREATED, EXPIRES)
        def used = CREATED.plusSeconds(60)
        preEntries().use(code, used, 'KIOSK-01')
        preEntries().opened(code, jp.madoguchi.domain.reception.ReceptionNumber.parse('20261122-0007'))

        expect:
        preEntries().openedBy(code, 'KIOSK-01', used.minusSeconds(300)).get().value() == '20261122-0007'
        preEntries().openedBy(code, 'KIOSK-02', used.minusSeconds(300)).isEmpty()
        preEntries().openedBy(code, 'KIOSK-01', used.plusSeconds(1)).isEmpty()
    }

    def "期限を過ぎたコードと、知らないコードは使えない"() {
        given:
        preEntries().add(code, ['RESIDENT_CERTIFICATE'], null, CREATED, EXPIRES)

        expect:
        preEntries().use(code, EXPIRES, 'KIOSK-01').isEmpty()
        preEntries().use(new PreEntryCode(CITY, 'unknownAAAAAAAAAAAAAAA'), CREATED, 'KIOSK-01').isEmpty()
        preEntries().use(new PreEntryCode(LocalGovernmentCode.fromFiveDigits('99998'), code.token()), CREATED, 'KIOSK-01').isEmpty()
    }
}
