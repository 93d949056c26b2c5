package jp.madoguchi.application.service

import jp.madoguchi.application.fakes.TextTwoDimensionalCodes
import jp.madoguchi.application.port.in.IssueReceptionSlipUseCase.SlipPrinter
import jp.madoguchi.application.port.out.CallQueue
import jp.madoguchi.application.port.out.DocumentPrinter
import jp.madoguchi.application.port.out.RenderedDocument
import jp.madoguchi.application.port.out.ServiceCounters
import jp.madoguchi.application.port.out.SlipRenderer
import jp.madoguchi.application.port.out.VisitLanguages
import jp.madoguchi.domain.procedure.Department
import jp.madoguchi.domain.reception.ReceptionNumber
import jp.madoguchi.domain.reception.ServiceCounter
import jp.madoguchi.domain.shared.Rejection

import java.time.Duration
import java.time.LocalDate

/**
 * 受付票: 呼出番号、手続、回る窓口の順、前に待つ人数と目安の時間、窓口で受付を開くQRコード（受付の参照だけで、個人の情報は
 * 入れない）。記載台の受付票プリンタに印刷する。
 */
class IssueReceptionSlipServiceSpec extends CounterFixture {

    def codes = new TextTwoDimensionalCodes()
    /** how many wait before each visit, and the day's pace, per department code */
    Map<String, Integer> ahead = [:]
    Map<String, Duration> pace = [:]
    def queue = [ahead          : { city, day, department, number -> ahead.getOrDefault(department, 0) },
                 typicalHandling: { city, day, department -> Optional.ofNullable(pace[department]) }] as CallQueue
    List<ServiceCounter> counters = []
    def serviceCounters = [all: { city -> counters }] as ServiceCounters
    List<List> printed = []
    def renderer = { slip, municipality, paper, words -> new RenderedDocument("slip.pdf", 'application/pdf',
            "${municipality} ${paper} ${slip.callNumber()} ${slip.counters()} ${slip.waitingAhead()}人 約${slip.estimatedWait()}分".getBytes('UTF-8')) } as SlipRenderer
    def printer = [print: { document, settings -> printed << [new String(document.content(), 'UTF-8'), settings.printer(), settings.paper()] }] as DocumentPrinter
    /** Every visit here was taken in Japanese: the slip keeps its Japanese words. */
    def japanese = [of: { city, number -> Optional.empty() }] as VisitLanguages
    def slips = new IssueReceptionSlipService(receptions, codes, queue, serviceCounters, renderer, printer, { '見本市' },
            Duration.ofMinutes(5), clock, japanese, null, null)

    def "受付票には呼出番号・手続・回る窓口の順と、受付の参照だけのQRコードが載る"() {
        given:
        def r = visit(['MOVE_IN_NOTIFICATION', 'NHI_ENROLMENT'], resident(1, '見本　花子'))

        when:
        def slip = slips.slip(CITY, r.number()).get()

        then:
        slip.callNumber() == r.number().callNumber()
        slip.procedures() == ['転入届', '国民健康保険の加入']
        slip.department() == '市民課'
        slip.counters() == ['市民課', '保険年金課']
        codes.decode(slip.qrPng()).get() == slip.qrText()
        slip.qrText().contains(r.number().value())
        !slip.qrText().contains('見本')
        !slip.qrText().contains(resident(1).addresseeNumber().value())
    }

    def "待ち時間の目安は、前に待つ人数×その日の速さ÷課の窓口数。終わった受付がまだなければ市の決めた時間で"() {
        given:
        def shimin = new Department('SHIMIN', '市民課')
        def r = visit(['RESIDENT_CERTIFICATE'], resident(1))
        ahead = ['SHIMIN': waiting]
        pace = minutes == null ? [:] : ['SHIMIN': Duration.ofMinutes(minutes)]
        counters = (1..open).collect { new ServiceCounter("SHIMIN-${it}", "${it}番窓口", shimin) }

        expect:
        slips.slip(CITY, r.number()).get().waitingAhead() == waiting
        slips.slip(CITY, r.number()).get().estimatedWait() == estimate

        where:
        waiting | minutes | open || estimate
        3       | 6       | 2    || 9
        2       | null    | 1    || 10
        0       | 6       | 1    || 0
        5       | 3       | 3    || 5
    }

    def "受付票を記載台のプリンタに印刷し、経過に残す。プリンタが断ったら、受付はそのままで言うことを返す"() {
        given:
        def r = visit(['RESIDENT_CERTIFICATE'], resident(1))
        ahead = ['SHIMIN': 2]

        when:
        def outcome = slips.print(CITY, r.number(), new SlipPrinter('受付票プリンタ', '58mm'), KIOSK)

        then:
        outcome.isEmpty()
        printed == [["見本市 58mm ${r.number().callNumber()} [市民課] 2人 約10分".toString(), '受付票プリンタ', '58mm']]
        stored(r).timeline().last().description() == '受付票を印刷（受付票プリンタ）'

        when: 'the printer is out of paper'
        def broken = new IssueReceptionSlipService(receptions, codes, queue, serviceCounters, renderer,
                [print: { document, settings -> throw new Rejection('printing.printer', '用紙がありません') }] as DocumentPrinter,
                { '見本市' }, Duration.ofMinutes(5), clock, japanese, null, null)
        def failed = broken.print(CITY, r.number(), new SlipPrinter('受付票プリンタ', '58mm'), KIOSK)

        then:
        failed.get().contains('印刷できませんでした')
        stored(r).state().name() == 'RECEIVED'
    }

    def "ない受付の受付票は出さない"() {
        expect:
        slips.slip(CITY, new ReceptionNumber(LocalDate.of(2026, 11, 22), 42)).isEmpty()
    }
}
