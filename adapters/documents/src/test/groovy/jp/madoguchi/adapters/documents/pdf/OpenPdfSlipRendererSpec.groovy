package jp.madoguchi.adapters.documents.pdf

import com.lowagie.text.Utilities
import com.lowagie.text.pdf.PdfReader
import com.lowagie.text.pdf.parser.PdfTextExtractor
import jp.madoguchi.adapters.documents.code2d.ZxingTwoDimensionalCodes
import jp.madoguchi.application.port.in.IssueReceptionSlipUseCase.ReceptionSlip
import jp.madoguchi.domain.reception.ReceptionNumber
import spock.lang.Shared
import spock.lang.Specification

import java.nio.file.Files
import java.nio.file.Path
import java.time.Instant

/** 受付票のPDF: ロール紙の幅（58・80mm）かA4の1ページに、番号・回る窓口・待ち人数と目安・QRコードが収まる。 */
class OpenPdfSlipRendererSpec extends Specification {

    @Shared
    ZxingTwoDimensionalCodes codes = new ZxingTwoDimensionalCodes()

    @Shared
    OpenPdfSlipRenderer renderer = new OpenPdfSlipRenderer(new PdfFonts(
            Path.of('/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf'),
            Path.of('/usr/share/fonts/truetype/ipamj/ipamjm.ttf')))

    ReceptionSlip slip(int ahead, int minutes) {
        def reference = 'MADOGUCHI:R:999997:20261205-0042'
        new ReceptionSlip(ReceptionNumber.parse('20261205-0042'), 42, Instant.parse('2026-12-05T00:30:00Z'),
                ['転入届', '国民健康保険の加入'], '市民課', ['市民課', '保険年金課'], ahead, minutes, reference,
                codes.qrPng(reference, 240), ahead != 12)
    }

    def "用紙ごとの幅の1ページに、呼出番号・窓口の順・待ち人数と目安・QRコード"() {
        when:
        def document = renderer.render(slip(ahead, minutes), 'みらい市', paper)
        Files.createDirectories(Path.of('target'))
        Files.write(Path.of('target', "slip-${paper}.pdf"), document.content())
        def reader = new PdfReader(document.content())
        def text = new PdfTextExtractor(reader).getTextFromPage(1).replaceAll(/[\s\u00a0]+/, ' ')

        then: 'one page, as wide as the paper'
        reader.numberOfPages == 1
        Math.abs(reader.getPageSize(1).width - Utilities.millimetersToPoints(width)) < 1

        and:
        text.contains('みらい市')
        text.contains('受付票')
        text.contains('42')
        text.contains('受付番号 20261205-0042')
        text.contains('12月5日 9時30分 受付')
        text.contains('1. 市民課')
        text.contains('2. 保険年金課')
        text.replace(' ', '').contains('本人確認書類') == (ahead == 12)
        // a narrow roll wraps the line; the words are compared without the breaks
        text.replace(' ', '').contains(ahead == 0 ? 'お待ちの方はいません。まもなくお呼びします。' : "お待ちの方${ahead}人（目安約${minutes}分）")

        and: 'the QR that opens the visit at the counter'
        pdfHasImage(reader)

        where:
        paper  | width | ahead | minutes
        '58mm' | 58    | 3     | 15
        '80mm' | 80    | 0     | 0
        'A4'   | 210   | 12    | 40
    }

    def "知らない用紙は断る"() {
        when:
        renderer.render(slip(1, 5), 'みらい市', 'B5')

        then:
        def refused = thrown(IllegalArgumentException)
        refused.message.contains('58mm・80mm・A4')
    }

    private static boolean pdfHasImage(PdfReader reader) {
        new String(reader.getPageContent(1), 'ISO-8859-1').contains(' Do')
    }
}
