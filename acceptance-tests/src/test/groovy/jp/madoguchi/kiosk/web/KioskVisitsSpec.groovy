package jp.madoguchi.kiosk.web

import jp.madoguchi.domain.resident.AddresseeNumber
import spock.lang.Specification

import java.time.Clock
import java.time.Duration
import java.time.Instant
import java.time.ZoneId

/** 記載台の訪問: what a card holder identified stays with that kiosk and that visit, and is forgotten after it. */
class KioskVisitsSpec extends Specification {

    Instant now = Instant.parse('2026-11-22T00:00:00Z')
    Clock clock = new Clock() {
        ZoneId getZone() { ZoneId.of('Asia/Tokyo') }
        Clock withZone(ZoneId zone) { this }
        Instant instant() { now }
    }
    KioskVisits visits = new KioskVisits(clock)
    AddresseeNumber resident = AddresseeNumber.fromSerial(1, 10)

    def "訪問はカードを読んだ記載台でだけ、一度だけ使える"() {
        given:
        def token = visits.open('KIOSK-02', resident, 'RESIDENT_CERTIFICATE')

        expect: 'another kiosk gets nothing, and does not use the visit up'
        !visits.close(token, 'KIOSK-03').present

        and:
        visits.close(token, 'KIOSK-02').get().resident() == resident
        !visits.close(token, 'KIOSK-02').present
    }

    def "5分たった訪問は忘れる"() {
        given:
        def token = visits.open('KIOSK-02', resident, 'RESIDENT_CERTIFICATE')

        when:
        now = now.plus(KioskVisits.TIMEOUT).plus(Duration.ofSeconds(1))

        then:
        !visits.close(token, 'KIOSK-02').present
    }

    def "受付票は出した記載台だけが、しばらくの間だけ表示できる"() {
        when:
        visits.issued('KIOSK-02', '20261122-0001')

        then:
        visits.mayShowSlip('KIOSK-02', '20261122-0001')
        !visits.mayShowSlip('KIOSK-03', '20261122-0001')
        !visits.mayShowSlip('KIOSK-02', '20261122-0002')

        when:
        now = now.plus(KioskVisits.TIMEOUT).plus(Duration.ofSeconds(1))

        then:
        !visits.mayShowSlip('KIOSK-02', '20261122-0001')
    }
}
