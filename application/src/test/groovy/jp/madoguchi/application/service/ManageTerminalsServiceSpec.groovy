package jp.madoguchi.application.service

import jp.madoguchi.application.fakes.InMemoryPairedTerminals
import jp.madoguchi.domain.audit.AuditAction
import jp.madoguchi.domain.shared.Operator

/** 端末の登録: 管理者が端末を登録してトークンを一度だけ見せ、記載台はそのトークンで登録され、取消で使えなくなる。 */
class ManageTerminalsServiceSpec extends CounterFixture {

    static final Operator ADMIN = Operator.staff('admin', '管理 次郎')

    def terminals = new InMemoryPairedTerminals()
    def manage = new ManageTerminalsService(terminals, trail, transactions, clock)

    def "登録したトークンで記載台が登録され、取消すと同じトークンでは入れない"() {
        when:
        def pairing = manage.pair(CITY, ' KIOSK-02 ', '1階 記載台', ADMIN)
        def enrolled = manage.enrolKiosk(CITY, 'KIOSK-02', pairing.token(), '10.0.0.2')

        then:
        pairing.terminalId() == 'KIOSK-02'
        !pairing.toString().contains(pairing.token())
        enrolled.get().label() == '1階 記載台'
        trail.entries*.action() == [AuditAction.ADMINISTRATION, AuditAction.LOGIN]

        when:
        def revoked = manage.revoke(CITY, 'KIOSK-02', ADMIN)

        then:
        revoked
        manage.activeTerminal(CITY, 'KIOSK-02').isEmpty()
        manage.enrolKiosk(CITY, 'KIOSK-02', pairing.token(), '10.0.0.2').isEmpty()
        trail.entries.last().action() == AuditAction.LOGIN_FAILED
    }

    def "違うトークンの記載台は登録されず、失敗として残る。ない端末の取消は何もしない"() {
        given:
        manage.pair(CITY, 'KIOSK-03', '2階', ADMIN)

        expect:
        manage.enrolKiosk(CITY, 'KIOSK-03', 'guess', '10.0.0.9').isEmpty()
        trail.entries.last().action() == AuditAction.LOGIN_FAILED
        trail.entries.last().detail().contains('10.0.0.9')
        !manage.revoke(CITY, 'NO-SUCH', ADMIN)
        trail.entries.size() == 2
    }

    def "誰でも打てる端末IDはアクセス記録に32文字までしか残らず、登録できる端末IDも32文字までの英数字"() {
        given:
        def typed = 'X' * 5000

        when:
        manage.enrolKiosk(CITY, typed, 'guess', '10.0.0.9')

        then:
        trail.entries.last().action() == AuditAction.LOGIN_FAILED
        trail.entries.last().actor().id() == 'X' * 32 + '…'

        when:
        manage.pair(CITY, id, '3階', ADMIN)

        then:
        def refused = thrown(jp.madoguchi.domain.shared.Rejection)
        refused.message.contains('32文字まで')

        where:
        id << ['A' * 33, 'KIOSK 02', '', '記載台1']
    }
}
