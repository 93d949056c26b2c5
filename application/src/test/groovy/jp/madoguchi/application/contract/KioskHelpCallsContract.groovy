package jp.madoguchi.application.contract

import jp.madoguchi.application.port.out.KioskHelpCalls
import jp.madoguchi.domain.shared.LocalGovernmentCode
import spock.lang.Specification

import java.time.Instant

/** What every {@link KioskHelpCalls} promises: one open call per kiosk, kept until someone answers it, once. */
abstract class KioskHelpCallsContract extends Specification {

    static final LocalGovernmentCode CITY = new LocalGovernmentCode('999997')
    static final LocalGovernmentCode OTHER = LocalGovernmentCode.fromFiveDigits('99998')
    static int kiosks = 0

    abstract KioskHelpCalls calls()

    String kiosk = 'HELP-' + (kiosks++)
    String other = 'HELP-' + (kiosks++)
    Instant t0 = Instant.parse('2026-12-05T01:00:00Z')

    def "呼んだ記載台が古い順に並び、もう一度押しても最初の時刻のまま一件。答えると消え、二度目の答えは断られる"() {
        when:
        calls().call(CITY, kiosk, t0)
        calls().call(CITY, other, t0.plusSeconds(5))
        calls().call(CITY, kiosk, t0.plusSeconds(30))

        then:
        calls().open(CITY).findAll { it.terminalId() in [kiosk, other] } ==
                [new KioskHelpCalls.OpenCall(kiosk, t0), new KioskHelpCalls.OpenCall(other, t0.plusSeconds(5))]
        calls().open(OTHER).every { it.terminalId() != kiosk }

        when:
        def first = calls().answer(CITY, kiosk, 'clerk', t0.plusSeconds(60))
        def again = calls().answer(CITY, kiosk, 'clerk2', t0.plusSeconds(61))

        then:
        first
        !again
        calls().open(CITY)*.terminalId().findAll { it in [kiosk, other] } == [other]

        when: 'the same kiosk calls again later: a new call'
        calls().call(CITY, kiosk, t0.plusSeconds(120))

        then:
        calls().open(CITY).find { it.terminalId() == kiosk }.calledAt() == t0.plusSeconds(120)
    }
}
