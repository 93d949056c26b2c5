package jp.madoguchi.application.service

import jp.madoguchi.application.fakes.InMemoryRules
import jp.madoguchi.application.port.in.ManageProcedureRulesUseCase.DryRunCommand
import jp.madoguchi.application.port.out.ConcurrentUpdateException
import jp.madoguchi.domain.audit.AuditAction
import jp.madoguchi.domain.procedure.LifeEvent
import jp.madoguchi.domain.procedure.RuleTextException
import jp.madoguchi.domain.resident.AddresseeNumber
import jp.madoguchi.domain.shared.Operator
import jp.madoguchi.domain.shared.Rejection

import java.time.LocalDate

/** 関連手続の規則の管理: 初期値を一度だけ入れ、書き換えた規則を見本の世帯で試してから、新しい版として公開する。 */
class ManageProcedureRulesServiceSpec extends CounterFixture {

    static final Operator ADMIN = Operator.staff('admin', '管理 次郎')
    static final String STRICTER = '''規則: MOVE_IN_NHI
手続: NHI_ENROLMENT
ライフイベント: 転入
対象: 世帯員
条件: 年齢 < 40
条件: 回答.職場の健康保険 = なし
理由: 40歳未満で職場の健康保険がない方がいるため
'''

    def rules = new InMemoryRules()
    def manage = new ManageProcedureRulesService(rules, rules, catalogue, rules, registry, trail, transactions, clock)

    def "初期値は一度だけ入り、今日有効な規則になる"() {
        expect:
        manage.ensureShippedRules(CITY) == 2
        manage.ensureShippedRules(CITY) == 0
        manage.inForce(CITY, LocalDate.now(clock))*.id() as Set == ['MOVE_IN_NHI', 'MOVE_IN_CHILD_ALLOWANCE'] as Set
    }

    def "見本の世帯で試すと、変わる前と後の手続が並ぶ。公開すると次の版になり記録に残る"() {
        given:
        manage.ensureShippedRules(CITY)
        registry.store([resident(20, '見本　太郎', 'ミホン　タロウ', LocalDate.of(1980, 4, 1))])

        when:
        def dryRun = manage.dryRun(new DryRunCommand(CITY, STRICTER, null, resident(20).addresseeNumber(),
                LifeEvent.MOVE_IN, null, LocalDate.of(2026, 11, 20), [:], ADMIN))

        then:
        dryRun.before()*.procedureCode() == ['NHI_ENROLMENT']
        dryRun.after().isEmpty()

        when:
        def published = manage.publish(CITY, STRICTER, LocalDate.of(2026, 12, 1), 1, ADMIN)

        then:
        published.version() == 2
        manage.history(CITY, 'MOVE_IN_NHI')*.rule()*.version() == [1, 2]
        manage.history(CITY, 'MOVE_IN_NHI')[1].publishedBy().contains(ADMIN.displayName())
        trail.of(AuditAction.ADMINISTRATION)*.detail() == ['規則 MOVE_IN_NHI を第2版として公開（2026-12-01から有効）']
    }

    def "手続マスタにない手続・ない質問・選べない答えは、行ごとの問題としてまとめて断る"() {
        when:
        manage.check(CITY, STRICTER.replace('NHI_ENROLMENT', 'NO_SUCH').replace('= なし', '= たぶん'), null)

        then:
        def refused = thrown(RuleTextException)
        refused.key() == 'rules.text'
        refused.problems().size() == 2
        refused.problems().any { it.contains('NO_SUCH') }
        refused.problems().any { it.contains('たぶん') }
    }

    def "ほかの人が先に公開した版の上には公開せず、ない見本の世帯では試さない"() {
        given:
        manage.ensureShippedRules(CITY)
        manage.publish(CITY, STRICTER, null, 1, ADMIN)

        when:
        manage.publish(CITY, STRICTER, null, 1, ADMIN)

        then:
        thrown(ConcurrentUpdateException)

        when:
        manage.dryRun(new DryRunCommand(CITY, STRICTER, null, AddresseeNumber.fromSerial(404, 9), LifeEvent.MOVE_IN, null,
                LocalDate.of(2026, 11, 20), [:], ADMIN))

        then:
        def missing = thrown(Rejection)
        missing.key() == 'rules.sample-not-found'
    }
}
