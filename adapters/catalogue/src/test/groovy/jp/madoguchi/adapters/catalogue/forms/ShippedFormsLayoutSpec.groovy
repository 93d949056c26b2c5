package jp.madoguchi.adapters.catalogue.forms

import jp.madoguchi.adapters.documents.code2d.ZxingTwoDimensionalCodes
import jp.madoguchi.adapters.documents.pdf.OpenPdfFilledFormRenderer
import jp.madoguchi.adapters.documents.pdf.PdfFonts
import jp.madoguchi.domain.form.FieldDefinition
import jp.madoguchi.domain.form.FilledForm
import jp.madoguchi.domain.form.FormDefinition
import jp.madoguchi.domain.form.FormDefinitionText
import jp.madoguchi.domain.form.FormElement
import org.apache.pdfbox.Loader
import org.apache.pdfbox.text.PDFTextStripper
import org.apache.pdfbox.text.TextPosition
import spock.lang.Shared
import spock.lang.Specification

import java.nio.file.Path

/**
 * 様式の印字位置: every shipped form printed with the longest values a city meets (a 20-character name with an IVS
 * variant, an 80-character address with 方書, a household of 12), then read back glyph by glyph from the PDF. No
 * text may leave its box, be cut off, or overlap another.
 */
class ShippedFormsLayoutSpec extends Specification {

    static final float MM = 72f / 25.4f
    /** 20 characters; 葛 with its IVS variant selector counts as one. */
    static final String LONGEST_NAME = '勅使河原\u845B\uDB40\uDD04城\u3000マリアジェニファー亜理紗子'
    /** 80 characters: a 地番 written out in 漢数字 and a long 方書. */
    static final String LONGEST_ADDRESS = ('北海道上川郡東神楽町ひじり野北一条十一丁目二番地の三十四\u3000'
            + 'グランドメゾン東神楽ひじり野弐番館コーポレーション東棟一二三四号室（株式会社東神楽精密機械工業社員寮内）').take(80)
    static final Set<String> ADDRESSES = ['住所', '本籍', '新住所', '従前の住所', '転出先', '転出証明書の旧住所', '転出証明書の転出先']
    static final Map<String, String> LONGEST_TEXT = [
            フリガナ   : 'テシガワラカツラギ\u3000マリアジェニファーアリサコ',
            電話番号   : '0166-12-3456（内線1234）',
            宛先       : 'いちき串木野市長',
            受付番号   : '20261205-0123',
            宛名番号   : '000000000012345',
            郵便番号   : '0711234',
            使用目的   : '勤務先への扶養手当申請（株式会社東神楽精密機械工業人事部へ提出）',
            振込先口座 : 'ゆうちょ銀行\u3000〇一八支店\u3000普通\u30001234567',
            年度       : '令和10年度',
            '国籍・地域': 'グレートブリテン及び北アイルランド連合王国',
            在留資格   : '技術・人文知識・国際業務',
            在留カード番号: 'AB12345678CD',
            転出証明書番号: '第2026-123456号',
            印鑑登録番号: '1234567890',
            登録する印鑑: '姓と名の両方を彫った丸印',
            交付手数料 : '1通 300円']

    @Shared ClasspathFormCatalogue catalogue = new ClasspathFormCatalogue()
    @Shared OpenPdfFilledFormRenderer renderer = new OpenPdfFilledFormRenderer(new PdfFonts(
            Path.of('/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf'), Path.of('/usr/share/fonts/truetype/ipamj/ipamjm.ttf')),
            new ZxingTwoDimensionalCodes(), catalogue)

    def "見本の値は現実に出会う最長のもの（氏名20字・住所80字）"() {
        expect:
        LONGEST_NAME.codePoints().filter { !variationSelector(it) }.count() == 20
        LONGEST_ADDRESS.codePoints().count() == 80
    }

    def "様式 #form.id() は最長の値でも、どの文字も枠からはみ出さず、欠けず、ほかの文字と重ならない"() {
        given:
        def values = form.fields().collectEntries { [(it): longest(it)] }
        def members = (1..12).collect { n -> [氏名: LONGEST_NAME.replace('子', "${n}"), フリガナ: LONGEST_TEXT.フリガナ,
                                             生年月日: '平成30年12月31日', 性別: '男', 続柄: '世帯主の配偶者の子'] }
        def tables = form.fields().findAll { typeOf(it) == FieldDefinition.Type.MEMBERS }.collectEntries { [(it): members] }

        when:
        def pdf = renderer.render(new FilledForm(form, values, tables, '20261205-0123', 'MADOGUCHI:R:999997:20261205-0123', null))
        def glyphs = glyphs(pdf.content())
        def cut = form.elements().findAll { printsText(it) }.collect { e ->
            String expected = normal(expectedText(e, values))
            String inside = normal(glyphs.findAll { it.page == 1 && it.centreIn(e) }*.text.join(''))
            inside.contains(expected) ? null : "${e.kind().word()} ${e.field() ?: ''}「${expected}」: 枠の中は「${inside}」"
        }.findAll()
        def overlapping = overlaps(glyphs)
        def printed = normal(glyphs*.text.join(''))

        then: 'each value is printed whole inside the box the form gives it'
        cut == []

        and: 'no glyph touches another'
        overlapping == []

        and: 'all twelve members are printed, on a 別紙 when the table is full'
        tables.isEmpty() || members.every { m -> printed.contains(normal(m.氏名)) }

        where:
        form << new ClasspathFormCatalogue().with { c -> c.shippedDefinitions().collect { FormDefinitionText.parse(it, c.dictionary()) } }
    }

    private String longest(String field) {
        def definition = catalogue.dictionary().find(field).get()
        if (LONGEST_TEXT.containsKey(field)) {
            return LONGEST_TEXT[field]
        }
        switch (definition.type()) {
            case FieldDefinition.Type.NAME: return field in ADDRESSES ? LONGEST_ADDRESS : LONGEST_NAME
            case FieldDefinition.Type.DATE: return '平成30年12月31日'
            case FieldDefinition.Type.NUMBER: return '12'
            case FieldDefinition.Type.CHOICE: return definition.choices().max { it.length() } ?: ''
            default: return field == '続柄' ? '世帯主の配偶者の子' : '令和8年12月5日 16時45分'
        }
    }

    private FieldDefinition.Type typeOf(String field) {
        catalogue.dictionary().find(field).map { it.type() }.orElse(FieldDefinition.Type.TEXT)
    }

    private static boolean printsText(FormElement e) {
        e.kind() in [FormElement.Kind.HEADING, FormElement.Kind.LABEL, FormElement.Kind.TEXT, FormElement.Kind.CHECK,
                     FormElement.Kind.BOXES]
    }

    private static String expectedText(FormElement e, Map<String, String> values) {
        e.kind() in [FormElement.Kind.TEXT, FormElement.Kind.BOXES] ? values[e.field()] : e.text()
    }

    /** Text as compared: without spaces and variation selectors, which a PDF's text layer may or may not carry. */
    private static String normal(String text) {
        def kept = new StringBuilder()
        text.codePoints().filter { !Character.isWhitespace(it) && it != 0x3000 && !variationSelector(it) }
                .forEach { kept.appendCodePoint(it) }
        kept.toString()
    }

    private static boolean variationSelector(int cp) {
        (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF)
    }

    private static List<String> overlaps(List<Glyph> glyphs) {
        def found = []
        glyphs.groupBy { it.page }.each { page, onPage ->
            def sorted = onPage.sort(false) { it.left }
            for (int i = 0; i < sorted.size(); i++) {
                for (int j = i + 1; j < sorted.size() && sorted[j].left < sorted[i].right; j++) {
                    if (sorted[i].overlaps(sorted[j])) {
                        found << "${page}頁: 「${sorted[i].text}」と「${sorted[j].text}」 (${Math.round(sorted[i].left / MM)}mm, ${Math.round(sorted[i].top / MM)}mm)"
                    }
                }
            }
        }
        found
    }

    /** Every glyph drawn, with its box from the top-left corner of its page in points. */
    private static List<Glyph> glyphs(byte[] pdf) {
        def document = Loader.loadPDF(pdf)
        try {
            List<Glyph> all = []
            def stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    positions.each { p ->
                        float size = p.fontSizeInPt
                        all << new Glyph(currentPageNo, p.unicode, p.XDirAdj, p.YDirAdj - size * 0.88f,
                                p.XDirAdj + p.widthDirAdj, p.YDirAdj + size * 0.12f)
                    }
                }
            }
            stripper.suppressDuplicateOverlappingText = false
            stripper.sortByPosition = false
            stripper.getText(document)
            return all
        } finally {
            document.close()
        }
    }

    static class Glyph {
        final int page
        final String text
        final double left, top, right, bottom

        Glyph(int page, String text, double left, double top, double right, double bottom) {
            this.page = page
            this.text = text
            this.left = left
            this.top = top
            this.right = right
            this.bottom = bottom
        }

        boolean centreIn(FormElement e) {
            double x = (left + right) / 2
            double y = (top + bottom) / 2
            x >= e.x() * MM && x <= (e.x() + e.width()) * MM && y >= e.y() * MM && y <= (e.y() + e.height()) * MM
        }

        /** More than a hair (0.3 pt) of ink area shared: glyphs set side by side only touch. */
        boolean overlaps(Glyph other) {
            Math.min(right, other.right) - Math.max(left, other.left) > 0.3f
                    && Math.min(bottom, other.bottom) - Math.max(top, other.top) > 0.3f
        }
    }
}
