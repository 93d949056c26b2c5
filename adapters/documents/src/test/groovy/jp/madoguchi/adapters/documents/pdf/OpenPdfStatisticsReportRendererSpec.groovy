package jp.madoguchi.adapters.documents.pdf

import java.nio.file.Files
import java.nio.file.Path

import com.lowagie.text.pdf.PdfReader
import jp.madoguchi.application.port.out.StatisticsReportRenderer.Bar
import jp.madoguchi.application.port.out.StatisticsReportRenderer.Section
import jp.madoguchi.application.port.out.StatisticsReportRenderer.StatisticsDocument
import spock.lang.Shared
import spock.lang.Specification

class OpenPdfStatisticsReportRendererSpec extends Specification {

    @Shared
    OpenPdfStatisticsReportRenderer renderer = new OpenPdfStatisticsReportRenderer(new PdfFonts(
            Path.of('/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf'),
            Path.of('/usr/share/fonts/truetype/ipamj/ipamjm.ttf')))

    static StatisticsDocument report(int procedures) {
        def rows = (1..procedures).collect { ["手続 ${it}".toString(), "${1000 + it}".toString(), '900', '12分', '30分', '8分', '20分'] }
        new StatisticsDocument('月報_2026-11-01_2026-11-30.pdf', '月報', 'みらい市', '2026年11月　（比較: 前期間 2026年10月）',
                '2026年12月1日 9:00 作成。', [
                new Section('概要と比較', '', [], ['項目', '今期', '前期間', '前年同期'], [['来庁', '4,321', '4,000', '3,900']]),
                new Section('手続別', '手続別の受付件数', (1..procedures).collect { new Bar("手続 ${it}", 1000 + it) },
                        ['名称', '来庁', '完了', '待ち 中央値', '待ち 90%', '処理 中央値', '処理 90%'], rows),
                new Section('課別', '', [], ['名称', '来庁'], [])])
    }

    def "月報: 市の名前、表題、期間、グラフの数値と表が文字として読める"() {
        when:
        def document = renderer.render(report(3))
        Files.createDirectories(Path.of('target'))
        Files.write(Path.of('target', document.fileName()), document.content())
        // table cells come out of the text extractor without spaces between them: compare without any
        def text = OpenPdfGuidanceSheetRendererSpec.text(document.content()).replaceAll(/[\s\u3000]+/, '')

        then:
        document.mediaType() == 'application/pdf'
        text.contains('みらい市月報')
        text.contains('2026年11月（比較:前期間2026年10月）')
        text.contains('来庁4,3214,0003,900')
        text.contains('手続別の受付件数')
        text.contains('手続2100290012分30分8分20分')
        text.contains('この期間の来庁はありません。')
        new PdfReader(document.content()).getPageSize(1).width == 595f
    }

    def "表が長ければ次のページに続き、見出しの行を繰り返す"() {
        when:
        def document = renderer.render(report(80))
        def reader = new PdfReader(document.content())

        then:
        reader.numberOfPages >= 2
        def last = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(reader.numberOfPages)
        last.contains('待ち 中央値')
        last.contains('ページ')
    }
}
