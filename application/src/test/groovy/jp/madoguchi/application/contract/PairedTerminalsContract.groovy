package jp.madoguchi.application.contract

import jp.madoguchi.application.port.out.PairedTerminals
import jp.madoguchi.domain.shared.LocalGovernmentCode
import jp.madoguchi.domain.shared.Operator
import spock.lang.Specification

import java.time.Instant

/**
 * What every {@link PairedTerminals} promises: a token works only for its own terminal and city until the terminal
 * is paired again or revoked; a revoked terminal is listed, but no longer in force.
 */
abstract class PairedTerminalsContract extends Specification {

    static int cities = 0

    abstract PairedTerminals terminals()

    LocalGovernmentCode city = LocalGovernmentCode.fromFiveDigits(String.valueOf(91000 + (cities++)))
    LocalGovernmentCode other = LocalGovernmentCode.fromFiveDigits(String.valueOf(90000 + (cities++)))
    Operator admin = Operator.staff('admin', '管理 次郎')
    Instant at = Instant.parse('2026-11-22T01:00:00Z')

    def "トークンはその市のその端末にだけ効き、ペアリングし直すと古いトークンは効かない"() {
        when:
        def first = terminals().pair(city, 'KIOSK-02', '1階 記載台', admin, at)
        def counter = terminals().pair(city, 'COUNTER-01', '市民課 1番', admin, at)

        then:
        terminals().authenticate(city, 'KIOSK-02', first).get().label() == '1階 記載台'
        terminals().authenticate(city, 'COUNTER-01', first).isEmpty()
        terminals().authenticate(other, 'KIOSK-02', first).isEmpty()
        terminals().authenticate(city, 'KIOSK-02', first + 'x').isEmpty()
        terminals().all(city)*.terminalId() == ['COUNTER-01', 'KIOSK-02']
        terminals().all(city).every { it.registeredBy().contains('管理 次郎') && it.registeredAt() == at }
        terminals().all(other).isEmpty()

        when:
        def again = terminals().pair(city, 'KIOSK-02', '1階 記載台（交換後）', admin, at.plusSeconds(60))

        then:
        again != first
        terminals().authenticate(city, 'KIOSK-02', first).isEmpty()
        terminals().authenticate(city, 'KIOSK-02', again).get().label() == '1階 記載台（交換後）'
        terminals().authenticate(city, 'COUNTER-01', counter).isPresent()
    }

    def "取り消した端末は一覧に残るが、使えず、二度は取り消せない"() {
        given:
        def token = terminals().pair(city, 'KIOSK-03', '2階 記載台', admin, at)

        expect:
        terminals().revoke(city, 'KIOSK-03', at.plusSeconds(60))
        !terminals().revoke(city, 'KIOSK-03', at.plusSeconds(120))
        !terminals().revoke(city, 'NO-SUCH', at)
        terminals().active(city, 'KIOSK-03').isEmpty()
        terminals().authenticate(city, 'KIOSK-03', token).isEmpty()
        with(terminals().all(city).find { it.terminalId() == 'KIOSK-03' }) {
            !active()
            revokedAt() == at.plusSeconds(60)
        }
    }
}
