package jp.madoguchi.application.service

import jp.madoguchi.application.fakes.InMemoryMoveIns
import jp.madoguchi.application.fakes.InMemoryRules
import jp.madoguchi.application.port.in.DetermineRelatedProceduresUseCase.DetermineCommand
import jp.madoguchi.application.port.out.ConcurrentUpdateException
import jp.madoguchi.domain.audit.AuditAction
import jp.madoguchi.domain.calendar.EraTable
import jp.madoguchi.domain.calendar.WarekiDate
import jp.madoguchi.domain.procedure.LifeEvent
import jp.madoguchi.domain.reception.OtherDepartmentRejection
import jp.madoguchi.domain.reception.Reception
import jp.madoguchi.domain.resident.AddresseeNumber
import jp.madoguchi.domain.resident.PersonName
import jp.madoguchi.domain.resident.Relationship
import jp.madoguchi.domain.resident.Resident
import jp.madoguchi.domain.shared.Rejection

import java.nio.charset.StandardCharsets
import java.time.LocalDate

/**
 * 関連手続の判定: 世帯と聞き取りの答えから規則で手続を挙げ、職員が足し引きし、手続案内書にする。答えが違えば
 * 挙がる手続も違う。
 */
class DetermineRelatedProceduresServiceSpec extends CounterFixture {

    def rules = new InMemoryRules()
    def related = new DetermineRelatedProceduresService(receptions, registry, new InMemoryMoveIns(), rules, rules, rules,
            catalogue, rules, { '見本市' }, trail, transactions, jp.madoguchi.domain.calendar.EraTable.shipped(), clock)
    Resident head = resident(10, '見本　太郎', 'ミホン　タロウ', LocalDate.of(1985, 4, 1))
    Resident child = new Resident(CITY, AddresseeNumber.fromSerial(11, 9), head.householdNumber(), head.type(),
            head.status(), PersonName.of('見本　花', 'ミホン　ハナ'), WarekiDate.of(LocalDate.of(2018, 6, 1), EraTable.shipped()),
            head.sex(), Relationship.of(Relationship.Kinship.CHILD), head.headOfHouseholdName(), head.address(),
            head.domicile(), head.domicileHead(), null, null)

    def setup() {
        rules.seedMissing(CITY, rules.shipped(), clock.instant())
        registry.store([head, child])
    }

    Reception moveIn() {
        visit(['MOVE_IN_NOTIFICATION'], head)
    }

    DetermineCommand determine(Reception r, Map answers, long version = 0) {
        new DetermineCommand(CITY, r.number(), version, LifeEvent.MOVE_IN, null, LocalDate.of(2026, 11, 20),
                [head, child]*.addresseeNumber()*.value() as Set, answers, CLERK)
    }

    def "世帯員ごとに規則を当て、答えによって挙がる手続が変わる。判定は経過とアクセス記録に残る"() {
        given:
        def a = moveIn()
        def b = moveIn()

        when:
        def noInsurance = related.determine(determine(a, [:]))
        def allInsured = related.determine(determine(b, ['職場の健康保険': '全員']))

        then:
        noInsurance.current()*.procedureCode().sort() == ['CHILD_ALLOWANCE_CLAIM', 'NHI_ENROLMENT', 'NHI_ENROLMENT']
        allInsured.current()*.procedureCode() == ['CHILD_ALLOWANCE_CLAIM']
        allInsured.current()[0].memberName() == '見本　花'
        stored(a).timeline().last().description() == '関連手続を判定（転入・国内、3件）'
        trail.of(AuditAction.VIEW_RESIDENT).size() == 2
    }

    def "記載台では受付の前に、カードの方の世帯に規則を当てて関連手続を挙げる（世帯が違えば挙がる手続も違う）"() {
        given:
        def single = resident(20, '見本　一人', 'ミホン　ヒトリ')
        registry.store([single])

        when: 'the shipped test rules: 国保 for members under 75 without workplace insurance, 児童手当 for a child under 15'
        def family = related.suggest(CITY, head.addresseeNumber(), LifeEvent.MOVE_IN, KIOSK)
        def alone = related.suggest(CITY, single.addresseeNumber(), LifeEvent.MOVE_IN, KIOSK)

        then: 'the child allowance only where a child lives, named for the child; the default answer (no workplace insurance) for all'
        family*.procedureCode().sort() == ['CHILD_ALLOWANCE_CLAIM', 'NHI_ENROLMENT', 'NHI_ENROLMENT']
        family.find { it.procedureCode() == 'CHILD_ALLOWANCE_CLAIM' }.memberName() == '見本　花'
        alone*.procedureCode() == ['NHI_ENROLMENT']
        alone[0].memberName() == '見本　一人'

        and: 'each look at a household is in the access history, under the kiosk'
        trail.of(AuditAction.VIEW_RESIDENT)*.residents() == [[head.addresseeNumber().value()], [single.addresseeNumber().value()]]
        trail.of(AuditAction.VIEW_RESIDENT)*.purpose() == ['記載台の関連手続'] * 2
    }

    def "職員が理由つきで外した手続と足した手続が一覧に残り、古い一覧からの変更は断る"() {
        given:
        def r = moveIn()
        def list = related.determine(determine(r, ['職場の健康保険': '全員']))

        when:
        def removed = related.remove(CITY, r.number(), list.version(), list.current()[0].seq(), '申請済み', CLERK)
        def added = related.add(CITY, r.number(), removed.version(), 'RESIDENT_CERTIFICATE', null, '勤務先に出す', CLERK)

        then:
        removed.current().isEmpty()
        added.current()*.procedureCode() == ['RESIDENT_CERTIFICATE']
        stored(r).timeline()*.description().takeRight(2) == ['関連手続から削除: 児童手当の認定請求（理由: 申請済み）',
                                                             '関連手続に追加: 住民票の写し（理由: 勤務先に出す）']

        when:
        related.add(CITY, r.number(), list.version(), 'NHI_ENROLMENT', null, '古い画面から', CLERK)

        then:
        thrown(ConcurrentUpdateException)
    }

    def "残した関連手続を受付に加え、あとで外した手続は未完了なら受付からも外れる"() {
        given:
        def r = moveIn()
        def list = related.determine(determine(r, [:]))

        when: 'the clerk adopts what is kept: 国保 (two members, one procedure) and 児童手当'
        def added = related.adopt(CITY, r.number(), stored(r).version(), CLERK)

        then:
        added*.code() == ['NHI_ENROLMENT', 'CHILD_ALLOWANCE_CLAIM']
        stored(r).procedures()*.code() == ['MOVE_IN_NOTIFICATION', 'NHI_ENROLMENT', 'CHILD_ALLOWANCE_CLAIM']
        related.hearing(CITY, r.number(), CLERK).onVisit() == [MOVE_IN_NOTIFICATION: '申出の手続',
                NHI_ENROLMENT: '受付に追加済み', CHILD_ALLOWANCE_CLAIM: '受付に追加済み']

        and: 'adopting again adds nothing; an old page is refused'
        related.adopt(CITY, r.number(), stored(r).version(), CLERK).isEmpty()

        when:
        related.adopt(CITY, r.number(), 0, CLERK)

        then:
        thrown(ConcurrentUpdateException)

        when: 'the clerk removes 児童手当 from the list'
        def seq = list.current().find { it.procedureCode() == 'CHILD_ALLOWANCE_CLAIM' }.seq()
        related.remove(CITY, r.number(), list.version(), seq, '受給中', CLERK)

        then: 'it leaves the visit; one of the two 国保 items removed keeps 国保 on the visit'
        stored(r).procedures()*.code() == ['MOVE_IN_NOTIFICATION', 'NHI_ENROLMENT']
        stored(r).timeline().last().description() == '関連手続を受付から除外（児童手当の認定請求、理由: 受給中）'

        when:
        def current = related.list(CITY, r.number()).get()
        related.remove(CITY, r.number(), current.version(), current.current().find { it.procedureCode() == 'NHI_ENROLMENT' }.seq(),
                '職場の健康保険に加入', CLERK)

        then:
        stored(r).procedures()*.code() == ['MOVE_IN_NOTIFICATION', 'NHI_ENROLMENT']
    }

    def "手続案内書は判定のあとにだけ作れ、手続ごとに担当課の窓口で並ぶ。ない言語は断る"() {
        given:
        def r = moveIn()

        when:
        related.guidanceSheet(CITY, r.number(), 'ja', false, CLERK)

        then:
        def notYet = thrown(Rejection)
        notYet.key() == 'related.not-determined'

        when:
        related.determine(determine(r, [:]))
        def sheet = new String(related.guidanceSheet(CITY, r.number(), 'ja', false, CLERK).content(), StandardCharsets.UTF_8)

        then:
        sheet.contains('NHI_ENROLMENT（ja）')
        sheet.contains('CHILD_ALLOWANCE_CLAIM（ja）')
        trail.of(AuditAction.PRINT).size() == 1

        when:
        related.guidanceSheet(CITY, r.number(), 'tlh', false, CLERK)

        then:
        def language = thrown(Rejection)
        language.key() == 'guidance.language-unknown'
    }

    def "選べない答えと、ほかの課の職員の判定は断る"() {
        given:
        def r = moveIn()

        when:
        related.determine(determine(r, ['職場の健康保険': 'わからない']))

        then:
        def refused = thrown(Rejection)
        refused.key() == 'related.answer-not-a-choice'
        rules.lists.isEmpty()

        when:
        related.hearing(CITY, r.number(), HOKEN_CLERK)

        then:
        thrown(OtherDepartmentRejection)
    }
}
