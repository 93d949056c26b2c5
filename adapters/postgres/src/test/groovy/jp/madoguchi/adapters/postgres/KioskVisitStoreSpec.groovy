package jp.madoguchi.adapters.postgres

import jp.madoguchi.application.port.in.HoldKioskVisitUseCase.KioskVisit
import jp.madoguchi.application.service.KioskVisitService
import jp.madoguchi.domain.identity.CardFace
import jp.madoguchi.domain.identity.IdentityDocument
import jp.madoguchi.domain.resident.AddresseeNumber
import jp.madoguchi.domain.resident.Sex
import jp.madoguchi.domain.shared.LocalGovernmentCode

import java.time.Clock
import java.time.Duration
import java.time.Instant
import java.time.ZoneId

/**
 * 記載台の訪問: what a card holder identified stays with that kiosk and that visit, and is forgotten after it. Kept in
 * the database, so a second server sees it (two services here, as two servers behind the balancer would be).
 */
class KioskVisitStoreSpec extends DatabaseSpecification {

    static final LocalGovernmentCode CITY = new LocalGovernmentCode('999997')
    static final LocalGovernmentCode OTHER_CITY = LocalGovernmentCode.fromFiveDigits('99998')

    Instant now = Instant.parse('2026-11-22T00:00:00Z')
    Clock clock = new Clock() {
        ZoneId getZone() { ZoneId.of('Asia/Tokyo') }
        Clock withZone(ZoneId zone) { this }
        Instant instant() { now }
    }
    KioskVisitService first = new KioskVisitService(new JdbiKioskVisitStore(jdbi), clock)
    KioskVisitService second = new KioskVisitService(new JdbiKioskVisitStore(jdbi), clock)
    AddresseeNumber resident = AddresseeNumber.fromSerial(1, 10)

    def "訪問はカードを読んだ記載台でだけ、一度だけ使える（別のサーバーでも）"() {
        given:
        def token = first.open(CITY, new KioskVisit('KIOSK-02', resident, null, ['RESIDENT_CERTIFICATE']))

        expect: 'another kiosk or city gets nothing, and does not use the visit up'
        !second.close(CITY, token, 'KIOSK-03').present
        !second.close(OTHER_CITY, token, 'KIOSK-02').present

        and: 'the other server takes it, once'
        second.close(CITY, token, 'KIOSK-02').get() == new KioskVisit('KIOSK-02', resident, null, ['RESIDENT_CERTIFICATE'])
        !first.close(CITY, token, 'KIOSK-02').present
    }

    def "カードの券面で始めた訪問は券面ごと戻り、トークンそのものはデータベースに残らない"() {
        given:
        def face = new CardFace('見本 花子', '見本県みらい市本町一丁目1番1号', '19850401', Sex.FEMALE)
        def token = first.open(CITY, new KioskVisit('KIOSK-02', null, face, ['MOVE_OUT']))

        expect:
        jdbi.withHandle { it.createQuery('SELECT count(*) FROM kiosk_visit WHERE token_hash = :t').bind('t', token).mapTo(Integer).one() } == 0
        second.close(CITY, token, 'KIOSK-02').get().card() == face
    }

    def "運転免許証で本人確認した訪問は、読んだのが免許証だったことも戻る（住民と照合済みでも、券面の確認待ちでも）"() {
        given:
        def face = new CardFace('見本 花子', '見本県みらい市本町一丁目1番1号', '昭和60年4月1日', null, IdentityDocument.DRIVERS_LICENSE)
        def identified = first.open(CITY, new KioskVisit('KIOSK-02', resident, null, ['RESIDENT_CERTIFICATE'], IdentityDocument.DRIVERS_LICENSE))
        def unconfirmed = first.open(CITY, new KioskVisit('KIOSK-02', null, face, ['RESIDENT_CERTIFICATE']))

        expect:
        second.close(CITY, identified, 'KIOSK-02').get().document() == IdentityDocument.DRIVERS_LICENSE
        with(second.close(CITY, unconfirmed, 'KIOSK-02').get()) {
            card() == face
            document() == IdentityDocument.DRIVERS_LICENSE
        }
    }

    def "ライフイベントの関連手続から選んだ手続が訪問の手続になる（別のサーバーでも、その記載台でだけ）"() {
        given:
        def token = first.open(CITY, new KioskVisit('KIOSK-02', resident, null, ['MARRIAGE_NOTIFICATION']))

        expect: 'another kiosk cannot change it or what it offered; nothing chosen is refused'
        !second.offer(CITY, token, 'KIOSK-03', ['MARRIAGE_NOTIFICATION', 'PENSION_DETAILS_CHANGE'])
        !second.choose(CITY, token, 'KIOSK-03', ['PENSION_DETAILS_CHANGE'])
        first.find(CITY, token, 'KIOSK-02').get().procedures() == ['MARRIAGE_NOTIFICATION']

        when: 'nothing offered yet: nothing can be chosen'
        second.choose(CITY, token, 'KIOSK-02', ['MARRIAGE_NOTIFICATION'])

        then:
        def notOffered = thrown(jp.madoguchi.domain.shared.Rejection)
        notOffered.key() == 'kiosk.procedure-not-offered'

        when: 'the page offered the notification and one suggestion (kept on the other server too)'
        first.offer(CITY, token, 'KIOSK-02', ['MARRIAGE_NOTIFICATION', 'PENSION_DETAILS_CHANGE'])
        second.choose(CITY, token, 'KIOSK-02', ['MARRIAGE_NOTIFICATION', 'DOG_REGISTRATION_CHANGE'])

        then: 'a procedure the page did not offer is refused'
        thrown(jp.madoguchi.domain.shared.Rejection)
        first.find(CITY, token, 'KIOSK-02').get().offered() == ['MARRIAGE_NOTIFICATION', 'PENSION_DETAILS_CHANGE']

        when:
        second.choose(CITY, token, 'KIOSK-02', [])

        then:
        thrown(IllegalArgumentException)

        when: 'ticked twice counts once'
        def chosen = second.choose(CITY, token, 'KIOSK-02', ['MARRIAGE_NOTIFICATION', 'PENSION_DETAILS_CHANGE', 'MARRIAGE_NOTIFICATION'])

        then:
        chosen
        first.close(CITY, token, 'KIOSK-02').get().procedures() == ['MARRIAGE_NOTIFICATION', 'PENSION_DETAILS_CHANGE']
        !second.choose(CITY, token, 'KIOSK-02', ['MARRIAGE_NOTIFICATION'])
    }

    def "5分たった訪問は忘れる"() {
        given:
        def token = first.open(CITY, new KioskVisit('KIOSK-02', resident, null, ['RESIDENT_CERTIFICATE']))

        when:
        now = now.plus(KioskVisitService.TIMEOUT).plus(Duration.ofSeconds(1))

        then:
        !second.close(CITY, token, 'KIOSK-02').present

        when: 'the next visit opened clears the expired rows'
        first.open(CITY, new KioskVisit('KIOSK-04', resident, null, ['RESIDENT_CERTIFICATE']))

        then:
        jdbi.withHandle { it.createQuery("SELECT count(*) FROM kiosk_visit WHERE kiosk = 'KIOSK-02'").mapTo(Integer).one() } == 0
    }

    def "受付票は出した記載台だけが、しばらくの間だけ表示できる"() {
        when:
        first.issued(CITY, 'KIOSK-02', '20261122-0001')

        then:
        second.mayShowSlip(CITY, 'KIOSK-02', '20261122-0001')
        !second.mayShowSlip(CITY, 'KIOSK-03', '20261122-0001')
        !second.mayShowSlip(CITY, 'KIOSK-02', '20261122-0002')
        !second.mayShowSlip(OTHER_CITY, 'KIOSK-02', '20261122-0001')

        when:
        now = now.plus(KioskVisitService.TIMEOUT).plus(Duration.ofSeconds(1))

        then:
        !second.mayShowSlip(CITY, 'KIOSK-02', '20261122-0001')
    }
}
