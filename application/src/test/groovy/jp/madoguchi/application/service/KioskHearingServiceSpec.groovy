package jp.madoguchi.application.service

import jp.madoguchi.application.fakes.InMemoryMoveIns
import jp.madoguchi.application.fakes.InMemoryReceptionPaperwork
import jp.madoguchi.application.fakes.TextFormRendering
import jp.madoguchi.application.port.in.KioskHearingUseCase.Kind
import jp.madoguchi.application.port.out.FormDefinitions.StoredForm
import jp.madoguchi.domain.audit.AuditAction
import jp.madoguchi.domain.shared.Rejection

/**
 * 記載台の聞き取り: 様式の質問のうち指で答えられるものだけを聞き、申請書に入る値を出どころとともに見せ、回答を受付に入れる。
 * 二人の住民の違う回答が、それぞれの値になることを確かめる。
 */
class KioskHearingServiceSpec extends CounterFixture {

    def rendering = new TextFormRendering()
    def paperwork = new InMemoryReceptionPaperwork()
    def moveIns = new InMemoryMoveIns()
    def hearing = new KioskHearingService(rendering, rendering, registry, moveIns, catalogue, receptions,
            paperwork, { '見本市' }, trail, transactions, jp.madoguchi.domain.calendar.EraTable.shipped(), clock)

    def setup() {
        rendering.seedMissing(CITY, rendering.shipped.collect { text ->
            new StoredForm(text.readLines()[0].substring(4).trim(), 1, java.time.LocalDate.of(2024, 4, 1), text, 'system', clock.instant())
        }, clock.instant())
    }

    def "数は聞き、書かなければならないこと（電話番号）は窓口に残す"() {
        given:
        def who = resident(1, '見本　花子')
        registry.store([who])

        when:
        def questions = hearing.questions(CITY, who.addresseeNumber(), ['RESIDENT_CERTIFICATE'])

        then:
        questions*.key() == ['通数']
        questions[0].kind() == Kind.NUMBER
        questions[0].suggested() == '1'
        questions[0].text() == '何通必要ですか'
    }

    def "転入（受付済み）の確認: 本人の項目は転出証明書から、回答はあなたの回答として、家族の分も出どころとともに見せる"() {
        given: 'a 転入 taken when the certificates were read'
        def text = TextFormRendering.form('MOVE_NOTIFICATION', 'MOVE_IN_NOTIFICATION', '住民異動届')
        rendering.seedMissing(CITY, [new StoredForm('MOVE_NOTIFICATION', 1, java.time.LocalDate.of(2024, 4, 1), text, 'system', clock.instant())], clock.instant())
        def taken = visit(['MOVE_IN_NOTIFICATION'])
        moveIns.save(CITY, taken.number(), new jp.madoguchi.domain.moving.MoveIn(jp.madoguchi.domain.moving.MoveInBasis.PAPER_CERTIFICATE,
                StartMoveInServiceSpec.PAPER, [StartMoveInServiceSpec.SPOUSE]))

        when:
        def review = hearing.review(CITY, taken.number(), ['通数': '1'], KIOSK)

        then:
        review.rows().collect { [it.label(), it.value(), it.source()] } == [['氏名', '見本 一郎', '転出証明書'], ['通数', '1', 'あなたの回答']]
        review.answers() == ['通数': '1']

        and: 'nobody from the registry was shown'
        trail.of(AuditAction.VIEW_RESIDENT).isEmpty()

        when: 'an answer missing is named'
        hearing.review(CITY, taken.number(), [:], KIOSK)

        then:
        def missing = thrown(Rejection)
        missing.message.contains('通数')
    }

    def "確認の画面は、住民記録の値と本人の回答を、出どころとともに見せる。人ごとに違う値になる"() {
        given:
        def hanako = resident(1, '見本　花子')
        def jiro = resident(2, '葛西　次郎', 'カサイ　ジロウ')
        registry.store([hanako, jiro])

        when:
        def forHanako = hearing.review(CITY, hanako.addresseeNumber(), ['RESIDENT_CERTIFICATE'], ['通数': '２'], KIOSK)
        def forJiro = hearing.review(CITY, jiro.addresseeNumber(), ['RESIDENT_CERTIFICATE'], ['通数': '3'], KIOSK)

        then:
        forHanako.rows().collect { [it.label(), it.value(), it.source()] } == [['氏名', '見本　花子', '住民記録'], ['通数', '2', 'あなたの回答']]
        forJiro.rows().collect { [it.label(), it.value(), it.source()] } == [['氏名', '葛西　次郎', '住民記録'], ['通数', '3', 'あなたの回答']]
        forHanako.answers() == ['通数': '2']

        and: 'showing a resident on the kiosk screen is in the access history'
        trail.of(AuditAction.VIEW_RESIDENT)*.residents() == [[hanako.addresseeNumber().value()], [jiro.addresseeNumber().value()]]
    }

    def "答えがない・形が違う回答は、確認に進めず理由を言う"() {
        given:
        def who = resident(1)
        registry.store([who])

        when:
        hearing.review(CITY, who.addresseeNumber(), ['RESIDENT_CERTIFICATE'], answers, KIOSK)

        then:
        def refused = thrown(Rejection)
        refused.message.contains(expected)

        where:
        answers         || expected
        [:]             || '「通数」を選んでください'
        ['通数': '二通'] || '通数は数字で入力してください'
    }

    def "受付したあと、回答はその受付に入り、窓口はもう聞かない。経過に記載台で本人が回答と残る"() {
        given:
        def r = visit(['RESIDENT_CERTIFICATE'], resident(1))

        when:
        hearing.keep(CITY, r.number(), ['通数': '2', '電話番号': '0120-000-001'], KIOSK)

        then: 'only what the kiosk asks is kept; a field it does not ask is left for the clerk'
        paperwork.answers(CITY, r.number()) == ['通数': '2']
        stored(r).timeline().last().description() == '記載台で本人が回答（通数）'
    }
}
