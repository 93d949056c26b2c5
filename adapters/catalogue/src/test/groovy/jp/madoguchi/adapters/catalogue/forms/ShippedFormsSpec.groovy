package jp.madoguchi.adapters.catalogue.forms

import com.lowagie.text.pdf.PRTokeniser
import com.lowagie.text.pdf.PdfArray
import com.lowagie.text.pdf.PdfContentParser
import com.lowagie.text.pdf.PdfObject
import com.lowagie.text.pdf.PdfReader
import com.lowagie.text.pdf.PdfString
import com.lowagie.text.pdf.parser.PdfTextExtractor
import jp.madoguchi.adapters.catalogue.ClasspathProcedureCatalogue
import jp.madoguchi.adapters.documents.code2d.ZxingTwoDimensionalCodes
import jp.madoguchi.adapters.documents.pdf.OpenPdfFilledFormRenderer
import jp.madoguchi.adapters.documents.pdf.PdfFonts
import jp.madoguchi.domain.form.FieldDefinition
import jp.madoguchi.domain.form.FilledForm
import jp.madoguchi.domain.form.FormDefinition
import jp.madoguchi.domain.form.FormDefinitionText
import jp.madoguchi.domain.form.FormElement
import jp.madoguchi.domain.form.FormTextException
import spock.lang.Shared
import spock.lang.Specification

import java.awt.Font
import java.awt.font.FontRenderContext
import java.nio.file.Path

class ShippedFormsSpec extends Specification {

    static final Path NAME_FONT = Path.of('/usr/share/fonts/truetype/ipamj/ipamjm.ttf')

    @Shared ClasspathFormCatalogue catalogue = new ClasspathFormCatalogue()
    @Shared OpenPdfFilledFormRenderer renderer = new OpenPdfFilledFormRenderer(new PdfFonts(
            Path.of('/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf'), NAME_FONT), new ZxingTwoDimensionalCodes(), catalogue)
    @Shared List<FormDefinition> shipped = catalogue.shippedDefinitions().collect { FormDefinitionText.parse(it, catalogue.dictionary()) }

    def "出荷時の様式は15以上あり、どれも項目辞書の項目だけを置き、手続マスタの手続に結びつく"() {
        given:
        def procedures = new ClasspathProcedureCatalogue()

        expect:
        shipped.size() >= 15
        shipped*.id().toSet().size() == shipped.size()
        shipped.every { form -> !form.procedures().isEmpty() && form.procedures().every { procedures.find(it).isPresent() } }
        shipped.every { form -> form.elements().any { it.kind().name() == 'QR' } && form.elements().any { it.kind().name() == 'SIGNATURE' } }
        shipped.find { it.id() == 'MARRIAGE_NOTIFICATION_FORM' }.signing() == FormDefinition.Signing.WET
    }

    def "様式のチェック欄が表す値は、どれも項目辞書の選択肢にある（窓口で選べない値のチェック欄はない）"() {
        given:
        def dictionary = catalogue.dictionary()

        expect:
        def unreachable = shipped.collectMany { form ->
            form.elements().findAll { it.kind().name() == 'CHECK' }.findAll { check ->
                def field = dictionary.find(check.field()).get()
                field.source() == FieldDefinition.Source.ANSWER && !(check.text() in field.choices())
            }.collect { "${form.id()}: ${it.field()}「${it.text()}」" }
        }
        unreachable == []

        and: 'every choice question of the dictionary lists its choices'
        dictionary.all().findAll { it.type() == FieldDefinition.Type.CHOICE && it.source() == FieldDefinition.Source.ANSWER }
                .every { it.choices().size() >= 2 }
    }

    def "様式 #form.id() は値を印字し、本文と氏名のフォントを埋め込む"() {
        when:
        def values = form.fields().collectEntries { [(it): sampleValue(it)] }
        def tables = form.fields().findAll { typeOf(it) == FieldDefinition.Type.MEMBERS }
                .collectEntries { [(it): [[氏名: '見本 太郎', フリガナ: 'ミホン タロウ', 生年月日: '昭和60年4月1日', 性別: '男', 続柄: '世帯主']]] }
        def pdf = renderer.render(new FilledForm(form, values, tables, '20261122-0007', 'MADOGUCHI:R:999997:20261122-0007', null))
        def reader = new PdfReader(pdf.content())
        def text = new PdfTextExtractor(reader).getTextFromPage(1).replaceAll(/[\s\u00a0]+/, ' ')
        def raw = new String(pdf.content(), 'ISO-8859-1')

        then:
        text.contains(form.title())
        text.contains('受付番号 20261122-0007')
        values.findAll { k, v -> typeOf(k) in [FieldDefinition.Type.TEXT, FieldDefinition.Type.NUMBER] }
                .every { k, v -> text.replace(' ', '').contains(v as String) }
        raw.contains('IPAexMincho')
        !form.fields().any { typeOf(it) == FieldDefinition.Type.NAME } || raw.contains('IPAmjMincho')

        where:
        form << new ClasspathFormCatalogue().with { c -> c.shippedDefinitions().collect { FormDefinitionText.parse(it, c.dictionary()) } }
    }

    def "IVSの異体字と外字の名前は、フォントが持つその字形番号で印字される（基本の字形に落ちない）"() {
        given: 'the glyphs IPAmj明朝 itself gives 葛+U+E0104 and 𠮷 (AWT applies the font cmap format 14)'
        def font = Font.createFont(Font.TRUETYPE_FONT, NAME_FONT.toFile()).deriveFont(12f)
        def context = new FontRenderContext(null, false, false)
        int variant = font.layoutGlyphVector(context, '\u845B\uDB40\uDD04'.toCharArray(), 0, 3, Font.LAYOUT_LEFT_TO_RIGHT).getGlyphCode(0)
        int base = font.layoutGlyphVector(context, '\u845B'.toCharArray(), 0, 1, Font.LAYOUT_LEFT_TO_RIGHT).getGlyphCode(0)
        int nonBmp = font.layoutGlyphVector(context, '𠮷'.toCharArray(), 0, 2, Font.LAYOUT_LEFT_TO_RIGHT).getGlyphCode(0)
        def form = FormDefinitionText.parse('''様式: GLYPH_TEST
名称: 字形の確認
文字: 20 20 100 10 氏名 14''', catalogue.dictionary())

        when:
        def pdf = renderer.render(new FilledForm(form, [氏名: '\u845B\uDB40\uDD04𠮷'], [:], '1', null, null)).content()
        def glyphs = drawnGlyphs(pdf)

        then: 'the variant glyph is drawn, not the base one, and the non-BMP character has its own glyph'
        variant != base
        glyphs.contains(variant)
        !glyphs.contains(base)
        glyphs.contains(nonBmp)
    }

    def "どのフォントにも字形のない文字は、印刷の前に字と項目を名指しで知らせる"() {
        given:
        def form = FormDefinitionText.parse('''様式: GLYPH_TEST
名称: 字形の確認
文字: 20 20 100 10 氏名 14''', catalogue.dictionary())

        expect:
        renderer.missingGlyphs(new FilledForm(form, [氏名: '窓口 花子'], [:], '1', null, null)).isEmpty()
        renderer.missingGlyphs(new FilledForm(form, [氏名: '窓口\uE000子'], [:], '1', null, null)) == ['「\uE000」(U+E000) 氏名']
    }

    def "設計者が選んだ書体（ゴシック・MJ明朝）で印字し、選ばなければ本文は明朝だけを埋め込む"() {
        given:
        def chosen = FormDefinitionText.parse('''様式: TYPEFACE_TEST
名称: 書体の確認
ラベル: 20 20 80 8 「ゴシックの見出し」 12 ゴシック
文字: 20 30 80 8 使用目的 11 MJ明朝''', catalogue.dictionary())
        def plain = FormDefinitionText.parse('''様式: TYPEFACE_TEST
名称: 書体の確認
ラベル: 20 20 80 8 「明朝の見出し」 12''', catalogue.dictionary())

        when:
        def raw = new String(renderer.render(new FilledForm(chosen, [使用目的: '勤務先'], [:], '1', null, null)).content(), 'ISO-8859-1')
        def rawPlain = new String(renderer.render(new FilledForm(plain, [:], [:], '1', null, null)).content(), 'ISO-8859-1')

        then:
        chosen.elements()*.font() == [FormElement.Typeface.GOTHIC, FormElement.Typeface.MJ]
        raw.contains('IPAexGothic') && raw.contains('IPAmjMincho')
        !rawPlain.contains('IPAexGothic') && !rawPlain.contains('IPAmjMincho') && rawPlain.contains('IPAexMincho')
    }

    def "本文の書体にない字はIPAmj明朝で印字し、字の抜けとして扱わない"() {
        given: 'a character IPAmj明朝 has and IPAex明朝 lacks'
        def text = Font.createFont(Font.TRUETYPE_FONT, new File('/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf'))
        def names = Font.createFont(Font.TRUETYPE_FONT, NAME_FONT.toFile())
        int rare = (0x4E00..0x9FFF).find { !text.canDisplay(it as int) && names.canDisplay(it as int) } as int
        def form = FormDefinitionText.parse('''様式: FALLBACK_TEST
名称: 字の確認
文字: 20 20 100 10 使用目的 14''', catalogue.dictionary())
        def filled = new FilledForm(form, [使用目的: '提出先' + new String(Character.toChars(rare))], [:], '1', null, null)

        when:
        def pdf = renderer.render(filled).content()

        then:
        renderer.missingGlyphs(filled).isEmpty()
        new String(pdf, 'ISO-8859-1').contains('IPAmjMincho')
        new PdfTextExtractor(new PdfReader(pdf)).getTextFromPage(1).contains(new String(Character.toChars(rare)))
    }

    def "フォントがなければ、どのフォントがどこにないかを伝える"() {
        when:
        new PdfFonts(Path.of('/nowhere/ipaexm.ttf'), NAME_FONT)

        then:
        def e = thrown(IllegalStateException)
        e.message.contains('本文用フォント（IPAex明朝）が見つかりません: /nowhere/ipaexm.ttf')
    }

    def "世帯員が表に入りきらないときは、別紙のページに続きを印字し、ページ数に数える"() {
        given: 'a household of 20 on the 住民異動届, whose table has room for 12'
        def form = shipped.find { it.id() == 'MOVE_NOTIFICATION' }
        def members = (1..20).collect { [氏名: "見本 世帯員${it}号".toString(), フリガナ: 'ミホン', 生年月日: '平成元年1月8日', 性別: '女', 続柄: '子'] }

        when:
        def reader = new PdfReader(renderer.render(new FilledForm(form, [:], [世帯員一覧: members], '20261122-0007', null, null)).content())
        def first = new PdfTextExtractor(reader).getTextFromPage(1).replaceAll(/[\s\u00a0]+/, ' ')
        def second = new PdfTextExtractor(reader).getTextFromPage(2).replaceAll(/[\s\u00a0]+/, ' ')

        then:
        reader.numberOfPages == 2
        first.contains('見本 世帯員12号') && !first.contains('見本 世帯員13号') && first.contains('ほか 8 人は別紙に記載')
        second.contains('住民異動届（別紙）世帯員一覧の続き')
        (13..20).every { second.contains("見本 世帯員${it}号") }
        second.contains('ページ 2/2')
    }

    def "受付の複数の様式は、それぞれのページのままひとつのPDFになる"() {
        given:
        def two = shipped.findAll { it.id() in ['RESIDENT_CERTIFICATE_REQUEST', 'TAX_CERTIFICATE_REQUEST'] }

        when:
        def pdf = renderer.render(two.collect { new FilledForm(it, [:], [:], '20261122-0007', null, null) })
        def reader = new PdfReader(pdf.content())

        then:
        reader.numberOfPages == 2
        new PdfTextExtractor(reader).getTextFromPage(1).contains(two[0].title())
        new PdfTextExtractor(reader).getTextFromPage(2).contains(two[1].title())
        pdf.fileName() == '申請書_20261122-0007.pdf'
    }

    def "様式の書き誤りは行番号つきで、まとめて知らせる"() {
        when:
        FormDefinitionText.parse('''様式: BROKEN
名称: 壊れた様式
用紙: B5 縦
文字: 20 20 100 10 存在しない項目
升目: 20 40 50 8 郵便番号 99
表: 20 60 100 40 氏名 「氏名」
枠: 200 280 20 30
枠: 10 10 20 20 ゴシック''', catalogue.dictionary())

        then:
        FormTextException e = thrown()
        e.problems().size() == 5
        e.problems()[0] == '3行目: 用紙は A4 か A3 です（B5）'
        e.problems()[1] == '4行目: 項目「存在しない項目」は項目辞書にありません'
        e.problems()[2] == '5行目: 升目の数は 1〜40 です'
        e.problems()[3] == '6行目: 表に置けるのは一覧の項目（世帯員一覧など）です'
        e.problems()[4] == '8行目: 枠には書体を指定できません（見出し・ラベル・文字・升目・表）'
    }

    /** Glyph ids the page draws with its Identity-H fonts: the two-byte codes of every string shown by Tj and TJ. */
    static Set<Integer> drawnGlyphs(byte[] pdf) {
        def parser = new PdfContentParser(new PRTokeniser(new PdfReader(pdf).getPageContent(1)))
        def glyphs = [] as Set<Integer>
        def operands = new ArrayList<PdfObject>()
        while (!parser.parse(operands).isEmpty()) {
            def operator = operands.last().toString()
            def strings = operator == 'Tj' ? [operands[0]] : operator == 'TJ' ? (operands[0] as PdfArray).elements : []
            strings.findAll { it instanceof PdfString }.each { PdfString s ->
                byte[] b = s.originalBytes
                for (int i = 0; i + 1 < b.length; i += 2) {
                    glyphs << (((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF))
                }
            }
        }
        glyphs
    }

    FieldDefinition.Type typeOf(String field) {
        catalogue.dictionary().find(field).orElseThrow().type()
    }

    String sampleValue(String field) {
        switch (typeOf(field)) {
            case FieldDefinition.Type.NUMBER: return '2'
            case FieldDefinition.Type.DATE: return '令和元年5月1日'
            case FieldDefinition.Type.NAME: return '見本県みらい市本町一丁目1番1号'
            default: return 'あ' + field.take(3)
        }
    }
}
