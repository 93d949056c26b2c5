package jp.madoguchi.adapters.pdf

import com.lowagie.text.pdf.PdfDictionary
import com.lowagie.text.pdf.PdfName
import com.lowagie.text.pdf.PdfReader
import com.lowagie.text.pdf.parser.PdfTextExtractor
import jp.madoguchi.adapters.code2d.ZxingTwoDimensionalCodes
import jp.madoguchi.domain.reception.PrefilledForm
import jp.madoguchi.domain.reception.ReceptionNumber
import spock.lang.Shared
import spock.lang.Specification

import java.nio.file.Path
import java.time.LocalDate

class OpenPdfFormRendererSpec extends Specification {

    @Shared
    OpenPdfFormRenderer renderer = new OpenPdfFormRenderer(new PdfFonts(
            Path.of('/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf'),
            Path.of('/usr/share/fonts/truetype/ipamj/ipamjm.ttf')), new ZxingTwoDimensionalCodes())

    PrefilledForm form(String name) {
        new PrefilledForm('RESIDENT_CERTIFICATE_REQUEST', '住民票の写し等交付申請書',
                new ReceptionNumber(LocalDate.of(2026, 11, 22), 7), 'MADOGUCHI:R:999997:20261122-0007', 'みらい市', [
                new PrefilledForm.Section('請求者', [
                        PrefilledForm.Field.name('氏名', name),
                        PrefilledForm.Field.text('生年月日', '昭和60年4月1日')])])
    }

    def "申請書は日本語フォントを埋め込んだA4のPDFで、値と受付番号を含む"() {
        when:
        def document = renderer.render(form('窓口 花子'))
        def reader = new PdfReader(document.content())
        def text = new PdfTextExtractor(reader).getTextFromPage(1).replaceAll(/[\s\u00a0]+/, ' ')

        then:
        document.mediaType() == 'application/pdf'
        document.fileName() == 'RESIDENT_CERTIFICATE_REQUEST_20261122-0007.pdf'
        reader.numberOfPages == 1
        Math.round(reader.getPageSize(1).width) == 595
        text.contains('住民票の写し等交付申請書')
        text.contains('窓口 花子')
        text.contains('昭和60年4月1日')
        text.contains('受付番号 20261122-0007')
        text.contains('みらい市長')
        embeddedFonts(reader).any { it.contains('IPAexMincho') }
        embeddedFonts(reader).any { it.contains('IPAmjMincho') }
    }

    def "フォントがなければ、どのフォントがどこにないかを伝える"() {
        when:
        new PdfFonts(Path.of('/nowhere/ipaexm.ttf'), Path.of('/usr/share/fonts/truetype/ipamj/ipamjm.ttf'))

        then:
        def e = thrown(IllegalStateException)
        e.message.contains('本文用フォント（IPAex明朝）が見つかりません: /nowhere/ipaexm.ttf')
    }

    static List<String> embeddedFonts(PdfReader reader) {
        def names = []
        for (int i = 1; i <= reader.xrefSize; i++) {
            def object = reader.getPdfObject(i)
            if (object instanceof PdfDictionary && PdfName.FONTDESCRIPTOR == object.get(PdfName.TYPE)
                    && object.get(PdfName.FONTFILE2) != null) {
                names << object.get(PdfName.FONTNAME).toString()
            }
        }
        names
    }
}
