package jp.madoguchi.application.service

import jp.madoguchi.application.fakes.InMemoryContentConfirmations
import jp.madoguchi.application.fakes.InMemoryMoveIns
import jp.madoguchi.application.fakes.InMemoryReceptionPaperwork
import jp.madoguchi.application.fakes.TextFormRendering
import jp.madoguchi.application.port.out.FormDefinitions.StoredForm
import jp.madoguchi.domain.audit.AuditAction
import jp.madoguchi.domain.shared.Operator
import jp.madoguchi.domain.shared.Rejection

import java.security.MessageDigest

/**
 * 本人による内容の確認: タブレットに出した内容のSHA-256で確認と署名を残し、回答が変われば確認も署名も取り消す。
 */
class ConfirmOnTabletServiceSpec extends CounterFixture {

    static final Operator TABLET = Operator.kiosk('TABLET-01')
    static final byte[] PNG = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3] as byte[]

    def rendering = new TextFormRendering()
    def paperwork = new InMemoryReceptionPaperwork()
    def confirmations = new InMemoryContentConfirmations(paperwork: paperwork)
    def eras = jp.madoguchi.domain.calendar.EraTable.shipped()
    def tablet = new ConfirmOnTabletService(receptions, registry, new InMemoryMoveIns(), rendering, rendering, paperwork,
            confirmations, { '見本市' }, trail, transactions, eras, clock)
    def forms = new FormsAtCounterService(receptions, registry, new InMemoryMoveIns(), rendering, rendering, paperwork,
            confirmations, rendering, rendering, { '見本市' }, trail, transactions, eras, clock)

    def setup() {
        rendering.seedMissing(CITY, rendering.shipped.collect { text ->
            new StoredForm(text.readLines()[0].substring(4).trim(), 1, java.time.LocalDate.of(2024, 4, 1), text, 'system', clock.instant())
        }, clock.instant())
    }

    static String sha256(String text) {
        MessageDigest.getInstance('SHA-256').digest(text.getBytes('UTF-8')).encodeHex().toString()
    }

    def "職員が送った受付だけをタブレットが出し、内容のSHA-256は見せた行そのものから"() {
        given:
        def r = visit(['RESIDENT_CERTIFICATE'], resident(1, '見本　花子'))
        forms.answer(CITY, r.number(), ['通数': '2'], CLERK)

        expect: 'nothing before the clerk sends it'
        tablet.shown(CITY, TABLET).isEmpty()

        when:
        tablet.send(CITY, r.number(), 'TABLET-01', CLERK)
        def shown = tablet.shown(CITY, TABLET).get()

        then:
        shown.number() == r.number()
        shown.rows().collect { [it.label(), it.value(), it.source()] } == [['氏名', '見本　花子', '住民記録'], ['通数', '2', 'あなたの回答']]
        shown.sha256() == sha256('氏名\t見本　花子\t住民記録\n通数\t2\tあなたの回答\n')
        tablet.shown(CITY, Operator.kiosk('TABLET-02')).isEmpty()
        trail.of(AuditAction.VIEW_RESIDENT).any { it.detail().startsWith('タブレットで申請内容を本人に表示') }
    }

    def "本人が確認して署名すると、内容と署名のハッシュが残り、経過に本人が内容を確認と出る"() {
        given:
        def r = visit(['RESIDENT_CERTIFICATE'], resident(1))
        forms.answer(CITY, r.number(), ['通数': '1'], CLERK)
        tablet.send(CITY, r.number(), 'TABLET-01', CLERK)
        def shown = tablet.shown(CITY, TABLET).get()

        when:
        def confirmation = tablet.confirm(CITY, r.number(), shown.sha256(), PNG, TABLET).get()

        then:
        confirmation.contentSha256() == shown.sha256()
        confirmation.signatureSha256() == MessageDigest.getInstance('SHA-256').digest(PNG).encodeHex().toString()
        confirmation.terminal() == 'TABLET-01'
        paperwork.signature(CITY, r.number()).isPresent()
        stored(r).timeline().last().description().startsWith('本人が内容を確認（内容 SHA-256 ' + shown.sha256().substring(0, 16))
        stored(r).state() == jp.madoguchi.domain.reception.ReceptionState.RECEIVED

        when: 'a visit in its hearing moves on to 確認 with the confirmation'
        def heard = visit(['RESIDENT_CERTIFICATE'], resident(2, '葛西　次郎', 'カサイ　ジロウ'))
        advance.startHearing(step(heard))
        tablet.send(CITY, heard.number(), 'TABLET-01', CLERK)
        tablet.confirm(CITY, heard.number(), tablet.shown(CITY, TABLET).get().sha256(), PNG, TABLET)

        then:
        stored(heard).state() == jp.madoguchi.domain.reception.ReceptionState.CONFIRMING
        stored(heard).timeline()*.description().containsAll(['本人が申請内容を確認'])
        tablet.shown(CITY, TABLET).isEmpty()
    }

    def "見せたあとで回答が変わっていたら確認にならず、もう一度見せる"() {
        given:
        def r = visit(['RESIDENT_CERTIFICATE'], resident(1))
        forms.answer(CITY, r.number(), ['通数': '1'], CLERK)
        tablet.send(CITY, r.number(), 'TABLET-01', CLERK)
        def shown = tablet.shown(CITY, TABLET).get()
        forms.answer(CITY, r.number(), ['通数': '3'], CLERK)

        expect:
        tablet.confirm(CITY, r.number(), shown.sha256(), PNG, TABLET).isEmpty()
        tablet.confirmation(CITY, r.number()).isEmpty()
        paperwork.signature(CITY, r.number()).isEmpty()
        tablet.shown(CITY, TABLET).get().sha256() != shown.sha256()
    }

    def "確認のあとで回答が変わると、確認も署名も取り消され、経過に残る"() {
        given:
        def r = visit(['RESIDENT_CERTIFICATE'], resident(1))
        forms.answer(CITY, r.number(), ['通数': '1'], CLERK)
        tablet.send(CITY, r.number(), 'TABLET-01', CLERK)
        tablet.confirm(CITY, r.number(), tablet.shown(CITY, TABLET).get().sha256(), PNG, TABLET)

        when:
        forms.answer(CITY, r.number(), ['通数': '2'], CLERK)

        then:
        tablet.confirmation(CITY, r.number()).isEmpty()
        paperwork.signature(CITY, r.number()).isEmpty()
        stored(r).timeline()*.description().contains('回答が変わったため、本人の内容確認と署名を取り消し')
    }

    def "同じ回答をもう一度記録しても、確認は取り消さない。回答済みの項目は直せるように並ぶ"() {
        given:
        def r = visit(['RESIDENT_CERTIFICATE'], resident(1))
        forms.answer(CITY, r.number(), ['通数': '1'], CLERK)
        tablet.send(CITY, r.number(), 'TABLET-01', CLERK)
        tablet.confirm(CITY, r.number(), tablet.shown(CITY, TABLET).get().sha256(), PNG, TABLET)

        when:
        forms.answer(CITY, r.number(), ['通数': '１'], CLERK)

        then:
        tablet.confirmation(CITY, r.number()).isPresent()
        forms.answered(CITY, r.number(), CLERK).collect { [it.question().key(), it.value()] } == [['通数', '1']]
    }

    def "送られていないタブレット・壊れた署名は断る"() {
        given:
        def r = visit(['RESIDENT_CERTIFICATE'], resident(1))

        when:
        tablet.confirm(CITY, r.number(), 'x', PNG, TABLET)

        then:
        def notSent = thrown(Rejection)
        notSent.message.contains('このタブレットに送られていません')

        when:
        tablet.send(CITY, r.number(), 'TABLET-01', CLERK)
        tablet.confirm(CITY, r.number(), tablet.shown(CITY, TABLET).get().sha256(), 'not a png'.bytes, TABLET)

        then:
        def broken = thrown(Rejection)
        broken.message.contains('署名の画像を受け取れませんでした')
        tablet.confirmation(CITY, r.number()).isEmpty()
    }
}
