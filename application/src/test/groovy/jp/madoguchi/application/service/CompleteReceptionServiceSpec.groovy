package jp.madoguchi.application.service

import jp.madoguchi.application.fakes.FixedHandoffLayouts
import jp.madoguchi.application.fakes.FixedProcedureCatalogue
import jp.madoguchi.application.fakes.InMemoryHandoffOutbox
import jp.madoguchi.application.fakes.InMemoryMoveIns
import jp.madoguchi.application.fakes.InMemoryReceptionPaperwork
import jp.madoguchi.application.fakes.TextFormRendering
import jp.madoguchi.application.port.out.HandoffSealing
import jp.madoguchi.domain.audit.AuditAction
import jp.madoguchi.domain.calendar.EraTable
import jp.madoguchi.domain.reception.Reception
import jp.madoguchi.domain.reception.ReceptionState
import jp.madoguchi.domain.reception.ReceptionStateException
import jp.madoguchi.domain.resident.Relationship
import jp.madoguchi.domain.resident.Resident

/**
 * 完了: 受付を完了にし、手続ごと（または世帯員ごと）の連携記録を、聞き取った値のまま送り出し待ちに入れ、アクセス記録に残す。
 * 値のない列は空のまま、足りない項目として記録に残す。
 */
class CompleteReceptionServiceSpec extends CounterFixture {

    /** A stand-in for the hand-off key: the value and the record it is bound to, plainly marked. */
    static final HandoffSealing SEALING = { String value, String key -> 'sealed[' + key + ']:' + value } as HandoffSealing

    def paperwork = new InMemoryReceptionPaperwork()
    def outbox = new InMemoryHandoffOutbox()
    def complete = new CompleteReceptionService(receptions, registry, new InMemoryMoveIns(), new TextFormRendering(),
            paperwork, new FixedHandoffLayouts(), outbox, ['folder', 's3'], SEALING, { '見本市' }, trail, transactions,
            EraTable.shipped(), clock)

    void answered(Reception r, Map<String, String> answers) {
        paperwork.saveAnswers(CITY, r.number(), answers, '窓口 一郎', clock.instant())
    }

    Map<String, String> queued(Reception r, String procedure, String target = 'folder') {
        outbox.rows.find { it.target == target && it.record.key() == CITY.value() + '-' + r.number().value() + '-' + procedure }
                .record.columns()
    }

    def "証明書の受付は手続ごとに、聞き取った範囲と通数のまま記録になり、送り先ごとに送り出し待ちに入る"() {
        given:
        def first = printedVisit(['RESIDENT_CERTIFICATE'], resident(1, '見本　花子'))
        answered(first, ['通数': '2', '請求の範囲': '一部'])
        def second = printedVisit(['RESIDENT_CERTIFICATE', 'SEAL_CERTIFICATE'], resident(2, '葛西　次郎'))
        answered(second, ['通数': '1', '請求の範囲': '世帯全員'])

        when:
        def completion = complete.complete(step(first))
        complete.complete(step(second))

        then:
        completion.records() == 1
        completion.missing().isEmpty()
        stored(first).state() == ReceptionState.COMPLETED
        queued(first, 'RESIDENT_CERTIFICATE') == [市区町村: '999997', 受付番号: first.number().value(), 証明書: '住民票の写し',
                                                  範囲: '一部', 通数: '02', 氏名: '見本　花子', 生年月日: '19850401']
        queued(second, 'RESIDENT_CERTIFICATE').subMap(['範囲', '通数', '氏名']) == [範囲: '世帯全員', 通数: '01', 氏名: '葛西　次郎']
        queued(second, 'SEAL_CERTIFICATE')['証明書'] == '印鑑登録証明書'
        outbox.rows.count { it.target == 'folder' } == 3
        outbox.rows.count { it.target == 's3' } == 3
        trail.of(AuditAction.EXPORT)*.purpose() == ['受付 ' + first.number().value(), '受付 ' + second.number().value()]
        stored(first).timeline().last().description().contains('CERTIFICATE_REQUEST、1件')
    }

    def "転入は世帯員ごとに一行: 続柄はコード表のコード、異動日は列ごとの書式で"() {
        given: 'a household of three: the head, the wife and a child'
        def head = resident(10, '見本　太郎')
        def wife = member(head, 11, '見本　花子', '妻')
        def child = member(head, 12, '見本　一郎', '子')
        registry.store([head, wife, child])
        def r = printedVisit(['MOVE_IN_NOTIFICATION'], head)
        answered(r, ['異動年月日': '2026-11-20'])

        when:
        def completion = complete.complete(step(r))

        then:
        completion.records() == 3
        def rows = outbox.rows.findAll { it.target == 'folder' }*.record
        rows*.key() == (1..3).collect { CITY.value() + '-' + r.number().value() + '-MOVE_IN_NOTIFICATION-' + it }
        rows*.columns()*.get('氏名') == ['見本　太郎', '見本　花子', '見本　一郎']
        rows*.columns()*.get('続柄') == ['02', '03', '04']
        rows*.columns()*.get('異動日').unique() == ['2026-11-20']
        rows*.columns()*.get('異動日和暦').unique() == ['令和8年11月20日']
    }

    def "聞いていない値は作らずに空のままにし、足りない項目として名前を残す"() {
        given:
        def r = printedVisit(['RESIDENT_CERTIFICATE'], resident(20))

        when:
        def completion = complete.complete(step(r))

        then:
        queued(r, 'RESIDENT_CERTIFICATE').subMap(['範囲', '通数']) == [範囲: '', 通数: '']
        completion.missing() == ['範囲（請求の範囲）', '通数（通数）']
        outbox.rows[0].record.missing() == ['範囲（請求の範囲）', '通数（通数）']
    }

    def "券面事項の個人番号は、個人番号利用事務の職員が完了したときだけ、封緘して入る"() {
        given:
        def holder = withNumber(resident(40, '番号　太郎'), '12345678901')
        def byNumberClerk = printedVisit(['CARD_FACE_CHANGE'], holder)
        def byClerk = printedVisit(['CARD_FACE_CHANGE'], holder)

        when:
        complete.complete(step(byNumberClerk, CLERK.handlingIndividualNumbers(true)))
        def refused = complete.complete(step(byClerk))

        then:
        outbox.rows.findAll { it.record.layout() == 'CARD_FACE' }*.target.unique() == ['folder']
        queued(byNumberClerk, 'CARD_FACE_CHANGE')['個人番号'] ==
                'sealed[' + CITY.value() + '-' + byNumberClerk.number().value() + '-CARD_FACE_CHANGE]:' + holder.individualNumber().reveal()
        queued(byClerk, 'CARD_FACE_CHANGE')['個人番号'] == ''
        refused.missing() == ['個人番号' + HandoffRecords.NOT_PERMITTED]
        queued(byClerk, 'CARD_FACE_CHANGE')['氏名'] == '番号　太郎'
    }

    def "レイアウトのない手続だけの受付は、記録なしで完了し、そのことを経過に残す"() {
        given:
        def r = printedVisit(['CHILD_ALLOWANCE_CLAIM'], resident(30))

        when:
        def completion = complete.complete(step(r))

        then:
        completion.records() == 0
        outbox.rows.isEmpty()
        stored(r).timeline().last().description().contains('連携記録はありません')
    }

    def "受付に加えた関連手続は、その課の完了で連携される（市民課の完了では転入だけ、保険年金課の完了で国保）"() {
        given: 'a 転入 at 市民課 that adopted the 国保 the clerk kept'
        def head = resident(50, '関連　太郎')
        def r = visit(['MOVE_IN_NOTIFICATION'], head)
        def s = stored(r)
        s.adopt([FixedProcedureCatalogue.NHI], CLERK, clock.instant())
        receptions.update(s)
        answered(r, ['異動年月日': '2026-11-20'])
        advance.startHearing(step(r))
        advance.confirm(step(r))
        s = stored(r)
        s.markPrinted(CLERK, clock.instant(), '転入届・国民健康保険の加入の申請書を印刷')
        receptions.update(s)

        when: '市民課 finishes'
        def first = complete.complete(step(r))

        then: 'the move is handed off, the 国保 is not yet, and the visit goes on to 保険年金課'
        first.finished() == ['転入届']
        first.referredTo().get().name() == '保険年金課'
        outbox.rows*.record*.layout().unique() == ['RESIDENT_MOVE']
        stored(r).state() == ReceptionState.REFERRED

        when: '保険年金課 takes it up and finishes'
        advance.startHearing(step(r, HOKEN_CLERK))
        advance.confirm(step(r, HOKEN_CLERK))
        s = stored(r)
        s.markPrinted(HOKEN_CLERK, clock.instant(), '印刷')
        receptions.update(s)
        def second = complete.complete(step(r, HOKEN_CLERK))

        then: 'its own record, with its department and its own completion'
        second.finished() == ['国民健康保険の加入']
        second.referredTo().isEmpty()
        stored(r).state() == ReceptionState.COMPLETED
        queued(r, 'NHI_ENROLMENT').subMap(['担当課', '氏名']) == [担当課: '保険年金課', 氏名: '関連　太郎']
        queued(r, 'NHI_ENROLMENT')['完了日時'] != ''
        outbox.rows.count { it.record.layout() == 'NHI_ENROLMENT' } == 2
        outbox.rows.count { it.record.layout() == 'RESIDENT_MOVE' } == 2
    }

    def "印刷前の受付は完了できず、何も送り出し待ちに入れない"() {
        given:
        def r = visit(['RESIDENT_CERTIFICATE'], resident(3))

        when:
        complete.complete(step(r))

        then:
        thrown(ReceptionStateException)
        outbox.rows.isEmpty()
        trail.entries.isEmpty()
        stored(r).state() == ReceptionState.RECEIVED
    }

    def "アクセス記録が書けなければ完了にしない（記録のない出力はない）"() {
        given:
        def r = printedVisit()
        trail.failing = true

        when:
        complete.complete(step(r))

        then:
        thrown(IllegalStateException)
    }

    static Resident withNumber(Resident r, String elevenDigits) {
        new Resident(r.city(), r.addresseeNumber(), r.householdNumber(), r.type(), r.status(), r.name(), r.birthDate(),
                r.sex(), r.relationship(), r.headOfHouseholdName(), r.address(), r.domicile(), r.domicileHead(),
                null, jp.madoguchi.domain.resident.IndividualNumber.fromFirstElevenDigits(elevenDigits))
    }

    static Resident member(Resident head, long serial, String name, String relationship) {
        def r = resident(serial, name)
        new Resident(r.city(), r.addresseeNumber(), head.householdNumber(), r.type(), r.status(), r.name(), r.birthDate(),
                r.sex(), Relationship.parse(relationship), head.name().name(), head.address(), r.domicile(), r.domicileHead(),
                null, null)
    }
}
