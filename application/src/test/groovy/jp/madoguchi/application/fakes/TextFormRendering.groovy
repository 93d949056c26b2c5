package jp.madoguchi.application.fakes

import jp.madoguchi.application.port.out.DocumentPrinter
import jp.madoguchi.application.port.out.FilledFormRenderer
import jp.madoguchi.application.port.out.FormCatalogue
import jp.madoguchi.application.port.out.FormDefinitions
import jp.madoguchi.application.port.out.RenderedDocument
import jp.madoguchi.domain.form.FieldDefinition
import jp.madoguchi.domain.form.FieldDictionary
import jp.madoguchi.domain.form.FilledForm
import jp.madoguchi.domain.shared.LocalGovernmentCode
import jp.madoguchi.domain.shared.Operator

import java.nio.charset.StandardCharsets
import java.time.Instant

/**
 * The forms' driven ports in memory: a small dictionary and form catalogue, stored versions, a "renderer" that writes
 * each form's values as text lines (the PDF is OpenPdfFilledFormRenderer's, tested in adapters), and a printer queue.
 * Characters listed in {@link #unprintable} have no glyph, as an unregistered 外字 would.
 */
class TextFormRendering implements FormCatalogue, FormDefinitions, FilledFormRenderer, DocumentPrinter {

    static final FieldDictionary DICTIONARY = new FieldDictionary([
            new FieldDefinition('氏名', FieldDefinition.Type.NAME, FieldDefinition.Source.RESIDENT, 'name', null),
            new FieldDefinition('電話番号', FieldDefinition.Type.TEXT, FieldDefinition.Source.ANSWER, '電話番号', '日中に連絡できる電話番号を教えてください'),
            new FieldDefinition('通数', FieldDefinition.Type.NUMBER, FieldDefinition.Source.ANSWER, '通数', '何通必要ですか'),
            new FieldDefinition('異動年月日', FieldDefinition.Type.DATE, FieldDefinition.Source.ANSWER, '異動年月日', '異動日はいつですか'),
            new FieldDefinition('生年月日', FieldDefinition.Type.DATE, FieldDefinition.Source.RESIDENT, 'birthDate', null),
            new FieldDefinition('続柄', FieldDefinition.Type.TEXT, FieldDefinition.Source.RESIDENT, 'relationship', null),
            new FieldDefinition('請求の範囲', FieldDefinition.Type.CHOICE, FieldDefinition.Source.ANSWER, '請求の範囲', '世帯全員ですか、一部ですか（世帯全員・一部）'),
            new FieldDefinition('地方公共団体コード', FieldDefinition.Type.TEXT, FieldDefinition.Source.RECEPTION, 'city', null),
            new FieldDefinition('受付番号', FieldDefinition.Type.TEXT, FieldDefinition.Source.RECEPTION, 'number', null),
            new FieldDefinition('手続コード', FieldDefinition.Type.TEXT, FieldDefinition.Source.RECEPTION, 'procedureCode', null),
            new FieldDefinition('手続名', FieldDefinition.Type.TEXT, FieldDefinition.Source.RECEPTION, 'procedureName', null),
            new FieldDefinition('担当課', FieldDefinition.Type.TEXT, FieldDefinition.Source.RECEPTION, 'department', null),
            new FieldDefinition('完了日時', FieldDefinition.Type.TEXT, FieldDefinition.Source.RECEPTION, 'completedAt', null),
    ])

    static String form(String id, String procedure, String title = '申請書') {
        """様式: ${id}
名称: ${title}
用紙: A4 縦
署名: 画面
手続: ${procedure}
有効: 2024-04-01
文字: 40 48 70 8 氏名 12
文字: 135 56 57 7 電話番号 10
文字: 135 66 20 7 通数 10
"""
    }

    /** Stored versions per city. */
    final Map<String, List<StoredForm>> stored = [:]
    final List<Map> printed = []
    Set<String> unprintable = [] as Set
    List<String> shipped = [form('CERTIFICATE_REQUEST', 'RESIDENT_CERTIFICATE', '住民票の写し等交付申請書'),
                            form('NHI_NOTIFICATION', 'NHI_ENROLMENT', '国民健康保険の届出')]

    @Override
    FieldDictionary dictionary() {
        DICTIONARY
    }

    @Override
    List<String> shippedDefinitions() {
        shipped
    }

    @Override
    List<StoredForm> versions(LocalGovernmentCode city) {
        (stored[city.value()] ?: []).sort(false) { a, b -> a.id() <=> b.id() ?: a.version() <=> b.version() }
    }

    @Override
    void publish(LocalGovernmentCode city, StoredForm form, Operator by, Instant at) {
        List<StoredForm> forms = stored.computeIfAbsent(city.value()) { [] }
        if (forms.any { it.id() == form.id() && it.version() == form.version() }) {
            throw new jp.madoguchi.application.port.out.ConcurrentUpdateException('様式 ' + form.id() + ' の第' + form.version() + '版はもう公開されています')
        }
        forms << new StoredForm(form.id(), form.version(), form.effectiveFrom(), form.text(),
                by.displayName() + '（' + by.id() + '）', at)
    }

    @Override
    int seedMissing(LocalGovernmentCode city, List<StoredForm> shipped, Instant at) {
        List<StoredForm> forms = stored.computeIfAbsent(city.value()) { [] }
        def missing = shipped.findAll { s -> !forms.any { it.id() == s.id() } }
        missing.each { forms << new StoredForm(it.id(), 1, it.effectiveFrom(), it.text(), 'system', at) }
        missing.size()
    }

    @Override
    int updateShipped(LocalGovernmentCode city, List<StoredForm> shipped, java.time.LocalDate from, Instant at) {
        List<StoredForm> forms = stored.computeIfAbsent(city.value()) { [] }
        int updated = 0
        shipped.each { s ->
            StoredForm newest = forms.findAll { it.id() == s.id() }.max { it.version() }
            if (newest != null && newest.publishedBy() == 'system' && newest.text() != s.text()) {
                forms << new StoredForm(s.id(), newest.version() + 1, from, s.text(), 'system', at)
                updated++
            }
        }
        updated
    }

    @Override
    RenderedDocument render(FilledForm form) {
        render([form])
    }

    @Override
    RenderedDocument render(List<FilledForm> forms) {
        String text = forms.collect { f ->
            ([f.definition().id() + ' 第' + f.definition().version() + '版'] + f.definition().fields().collect { it + '=' + f.value(it) }).join('\n')
        }.join('\n---\n')
        new RenderedDocument('forms.pdf', 'application/pdf', text.getBytes(StandardCharsets.UTF_8))
    }

    @Override
    List<String> missingGlyphs(FilledForm form) {
        form.values().values().collectMany { v -> v.codePoints().toArray().collect { new String(Character.toChars(it)) } }
                .findAll { unprintable.contains(it) }.unique()
    }

    @Override
    List<String> printers() {
        ['窓口1のプリンタ']
    }

    @Override
    void print(RenderedDocument document, PrintSettings settings) {
        if (!printers().contains(settings.printer())) {
            throw new jp.madoguchi.domain.shared.Rejection('printing.printer', 'プリンタ「' + settings.printer() + '」が見つかりません')
        }
        printed << [document: new String(document.content(), StandardCharsets.UTF_8), settings: settings]
    }
}
