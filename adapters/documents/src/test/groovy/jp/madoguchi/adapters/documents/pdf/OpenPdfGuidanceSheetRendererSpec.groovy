package jp.madoguchi.adapters.documents.pdf

import com.lowagie.text.pdf.PdfReader
import com.lowagie.text.pdf.parser.PdfTextExtractor
import jp.madoguchi.adapters.documents.code2d.ZxingTwoDimensionalCodes
import jp.madoguchi.application.port.out.GuidanceCatalogue.Reading
import jp.madoguchi.application.port.out.GuidanceSheetRenderer.Counter
import jp.madoguchi.application.port.out.GuidanceSheetRenderer.Entry
import jp.madoguchi.application.port.out.GuidanceSheetRenderer.GuidanceSheet
import jp.madoguchi.application.port.out.GuidanceSheetRenderer.Line
import spock.lang.Shared
import spock.lang.Specification

import java.nio.file.Files
import java.nio.file.Path

class OpenPdfGuidanceSheetRendererSpec extends Specification {

    /** 葛 with an IVS selector (U+E0104), and 𠮷 outside the BMP: the names must reach the PDF as registered. */
    static final String IVS_NAME = '\u845B\uDB40\uDD04城 𠮷子'
    static final String BASE_NAME = '\u845B城 𠮷子'

    @Shared
    OpenPdfGuidanceSheetRenderer renderer = new OpenPdfGuidanceSheetRenderer(new PdfFonts(
            Path.of('/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf'),
            Path.of('/usr/share/fonts/truetype/ipamj/ipamjm.ttf')), new ZxingTwoDimensionalCodes())

    GuidanceSheet sheet(boolean furigana, int entries = 2, String name = IVS_NAME) {
        def lines = { String reason -> [new Line('対象', name, true), new Line('理由', reason, false),
                                       new Line('持ち物', '本人確認書類', false), new Line('期限', '住み始めた日から14日以内', false)] }
        def many = (1..entries).collect { new Entry("後期高齢者医療の資格取得 ${it}", lines('75歳以上の方は後期高齢者医療に入るため')) }
        new GuidanceSheet('ja', furigana, 'guidance_20261122-0007_ja.pdf', '手続案内書', 'みらい市', '受付番号 20261122-0007',
                'MADOGUCHI:R:999997:20261122-0007', 'ご用件 転入（国内）', '次の窓口: 保険年金課（本庁舎1階 5・6番窓口）',
                [new Counter('市民課', '本庁舎1階', [new Entry('転入届', lines('市内に住み始めたため'))]),
                 new Counter('保険年金課', '本庁舎1階 5・6番窓口', many)],
                '窓口では、この案内書を見せてください。',
                [new Reading('高齢者', 'こうれいしゃ'), new Reading('後期', 'こうき'), new Reading('医療', 'いりょう'),
                 new Reading('転入', 'てんにゅう'), new Reading('窓口', 'まどぐち')])
    }

    static String text(byte[] pdf) {
        def reader = new PdfReader(pdf)
        (1..reader.numberOfPages).collect { new PdfTextExtractor(reader).getTextFromPage(it) }.join(' ').replaceAll(/[\s\u00a0]+/, ' ')
    }

    def "案内書は担当課ごとに手続を並べ、名前はIVS・外字もそのまま、本文と氏名のフォントを埋め込む"() {
        when:
        def document = renderer.render(sheet(false))
        Files.createDirectories(Path.of('target'))
        Files.write(Path.of('target', document.fileName()), document.content())
        def text = text(document.content())
        def raw = new String(document.content(), 'ISO-8859-1')

        then:
        document.fileName() == 'guidance_20261122-0007_ja.pdf'
        text.contains('手続案内書')
        text.contains('次の窓口: 保険年金課（本庁舎1階 5・6番窓口）')
        text.indexOf('1. 市民課') < text.indexOf('2. 保険年金課')
        text.contains('75歳以上の方は後期高齢者医療に入るため')
        text.contains('城 𠮷子')
        raw.contains('IPAexMincho')
        raw.contains('IPAmjMincho')
        !text.contains('こうれいしゃ')
    }

    def "IVSの異体字は基本の字形に落ちない（ページの内容で字形番号が変わる）"() {
        when: 'the same sheet with the name as registered and with its base characters'
        def variant = glyphs(renderer.render(sheet(false, 1, IVS_NAME)).content())
        def base = glyphs(renderer.render(sheet(false, 1, BASE_NAME)).content())

        then: 'the glyphs drawn differ only because of the selector'
        variant != base
    }

    /** The page's drawing operators without the ActualText spans (which carry the code points, not the glyphs). */
    static String glyphs(byte[] pdf) {
        new String(new PdfReader(pdf).getPageContent(1), 'ISO-8859-1').replaceAll(/\/ActualText\s*(<[^>]*>|\((?:\\.|[^\\)])*\))/, '')
    }

    def "ふりがなつきでは、辞書にある語の上に読みを置き、語は行をまたがない"() {
        when:
        def document = renderer.render(sheet(true, 30))
        Files.write(Path.of('target', 'guidance_furigana.pdf'), document.content())
        def text = text(document.content())

        then: 'readings are printed, and every word with a reading is set whole'
        text.contains('こうれいしゃ')
        text.contains('てんにゅう')
        text.count('高齢者') == text.count('こうれいしゃ')
        new PdfReader(document.content()).numberOfPages > 1

        and: 'the footer counts the pages'
        text.contains('1/' + new PdfReader(document.content()).numberOfPages)
    }

    def "語の区切り: IVSの異体字セレクタは前の字から離さず、辞書の語はひとまとまり、英語は単語ごと"() {
        expect:
        RubyText.pieces(IVS_NAME, []).collect { it.text() }.take(2) == ['\u845B\uDB40\uDD04', '城']
        RubyText.pieces('後期高齢者医療', [new Reading('高齢者', 'こうれいしゃ'), new Reading('後期', 'こうき')])
                .collect { it.text() + ':' + it.reading() } == ['後期:こうき', '高齢者:こうれいしゃ', '医:null', '療:null']
        RubyText.pieces('Join the pension', []).collect { it.text() } == ['Join', ' ', 'the', ' ', 'pension']
    }
}
